import type { Kysely } from "kysely";
import {
  insertQuestionnaireResponse,
  listQuestionnaireResponses,
} from "../../store/questionnaires.repository.js";
import type { After } from "../../store/records.repository.js";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { Principal } from "../auth/principal.js";
import {
  type InstrumentId,
  type QuestionnaireResponse,
  RULES_VERSION,
  scoreResponse,
  scoreTrend,
} from "./core-calls.js";

type Db = Kysely<Database>;

/**
 * Records an outcome questionnaire answered between assessments, by the runner or their
 * clinician: the answers as entered, checked and scored by the core, with the rules version.
 */
export async function recordQuestionnaire(
  db: Db,
  principal: Principal,
  runnerId: string,
  raw: { instrument: string; date: string; answers: unknown },
  address: string,
) {
  await runnerFor(db, principal, runnerId, { action: "write.questionnaire", address });
  const { response, score } = scoreResponse(raw);
  const id = await insertQuestionnaireResponse(db, {
    runnerId,
    instrument: response.instrument,
    answeredOn: response.date,
    answers: response.answers,
    score,
    rulesVersion: RULES_VERSION,
    recordedBy: principal.id,
  });
  return {
    id,
    instrument: response.instrument,
    date: response.date,
    answers: response.answers,
    score,
    rulesVersion: RULES_VERSION,
    recordedBy: principal.id,
    recordedByName: principal.displayName,
  };
}

/** The runner's responses, newest first: `limit` rows after the cursor. */
export async function questionnaireHistory(
  db: Db,
  principal: Principal,
  q: { runnerId: string; instrument?: InstrumentId; limit: number; after?: After },
  address: string,
) {
  await runnerFor(db, principal, q.runnerId, { action: "read.questionnaires", address });
  return listQuestionnaireResponses(db, q);
}

/**
 * Per instrument answered: the latest score and its change from the one before (dashboards),
 * from the latest two responses per instrument, newest first.
 */
export function questionnaireTrends(
  rows: readonly { instrument: string; date: string; answers: unknown }[],
) {
  const byInstrument = new Map<string, QuestionnaireResponse[]>();
  for (const row of rows) {
    const response = {
      instrument: row.instrument as InstrumentId,
      date: row.date,
      answers: row.answers as QuestionnaireResponse["answers"],
    };
    byInstrument.set(row.instrument, [...(byInstrument.get(row.instrument) ?? []), response]);
  }
  return [...byInstrument.values()].flatMap(([latest, previous]) => {
    const trend = latest ? scoreTrend(latest, previous) : undefined;
    return trend ? [trend] : [];
  });
}
