import type { Kysely } from "kysely";
import { type After, olderThan } from "./records.repository.js";
import type { Database, QuestionnaireResponsesTable } from "./schema.types.js";

/** Outcome questionnaires a runner answered between assessments. */

type Db = Kysely<Database>;
type InstrumentId = QuestionnaireResponsesTable["instrument"];

export async function insertQuestionnaireResponse(
  db: Db,
  r: {
    runnerId: string;
    instrument: InstrumentId;
    answeredOn: string;
    answers: unknown;
    score: number;
    rulesVersion: string;
    recordedBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("questionnaire_responses")
    .values({
      runner_id: r.runnerId,
      instrument: r.instrument,
      answered_on: r.answeredOn,
      answers: JSON.stringify(r.answers),
      score: r.score,
      rules_version: r.rulesVersion,
      recorded_by: r.recordedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The runner's responses, newest first (by the day answered), optionally of one instrument. */
export async function listQuestionnaireResponses(
  db: Db,
  q: { runnerId: string; instrument?: InstrumentId; limit: number; after?: After },
) {
  let query = db
    .selectFrom("questionnaire_responses as q")
    .leftJoin("users", "users.id", "q.recorded_by")
    .select(["q.id", "q.instrument", "q.answered_on as date", "q.answers", "q.score"])
    .select(["q.rules_version as rulesVersion", "q.recorded_by as recordedBy"])
    .select(["users.display_name as recordedByName", "q.created_at as createdAt"])
    .select("q.answered_on as sortKey")
    .where("q.runner_id", "=", q.runnerId)
    .orderBy("q.answered_on", "desc")
    .orderBy("q.id", "desc")
    .limit(q.limit);
  if (q.instrument) query = query.where("q.instrument", "=", q.instrument);
  if (q.after) query = query.where(olderThan("q.answered_on", "q.id", q.after));
  return query.execute();
}
