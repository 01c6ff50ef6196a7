import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.types.js";

type Db = Kysely<Database>;

/** Thresholds of the attention list; the reasons a runner is listed say them in words. */
export interface AttentionRules {
  /** Pain has risen when the last 7 days' mean session pain is this many points above the 7 before. */
  painRisePoints: number;
  /** Or when a session in the last 7 days hurt more than this (0–10). */
  painMax: number;
  /** Planned sessions in the last 7 days without a log, from which it counts as missed. */
  missedSessions: number;
  /** Days after the last assessment from which a retest is due (while a programme runs). */
  retestDays: number;
}

export interface AttentionRow {
  id: string;
  displayName: string;
  ownRunner: boolean;
  redFlag: boolean;
  painRising: boolean;
  recentPain: number | null;
  previousPain: number | null;
  missedSessions: number;
  retestDue: boolean;
  lastAssessedOn: string | null;
  score: number;
  sortName: string;
}

/**
 * A clinic's runners (its own and those sharing with it) with what needs attention, most
 * urgent first, in one query. Keyset paging on (score, name, id). Every part is indexed by
 * runner: assessments_runner_assessed, programmes_active, session_logs_runner_pain.
 */
export async function attentionList(
  db: Db,
  q: {
    clinicId: string;
    today: string;
    search: string;
    limit: number;
    after?: { score: number; name: string; id: string };
    rules: AttentionRules;
  },
): Promise<AttentionRow[]> {
  const { rules, today } = q;
  const search = q.search.toLowerCase();
  const after = q.after
    ? sql`WHERE score < ${q.after.score} OR (score = ${q.after.score} AND (sort_name, id) > (${q.after.name}, ${q.after.id}::uuid))`
    : sql``;
  const result = await sql<AttentionRow>`
    WITH visible AS (
      -- The clinic's own runners and those sharing with it: two index scans, not one of all runners.
      SELECT r.id, r.display_name, true AS own_runner FROM runners r
      WHERE r.clinic_id = ${q.clinicId}::uuid
        AND (${search} = '' OR strpos(lower(r.display_name), ${search}) > 0)
      UNION ALL
      SELECT r.id, r.display_name, false FROM shares s JOIN runners r ON r.id = s.runner_id
      WHERE s.clinic_id = ${q.clinicId}::uuid AND s.revoked_at IS NULL
        AND r.clinic_id IS DISTINCT FROM ${q.clinicId}::uuid
        AND (${search} = '' OR strpos(lower(r.display_name), ${search}) > 0)
    ), facts AS (
      SELECT v.id, v.display_name, v.own_runner, lower(v.display_name) AS sort_name,
        coalesce(la.referral, false) AS red_flag,
        la.assessed_on AS last_assessed_on,
        pain.recent, pain.previous, pain.worst,
        -- Planned days from today − 7 to yesterday: planned_days is sorted, so width_bucket (a
        -- binary search: how many days are ≤ a day) counts them without unnesting the array.
        CASE WHEN p.id IS NULL THEN 0 ELSE
          width_bucket(${today}::date - 1, p.planned_days) - width_bucket(${today}::date - 8, p.planned_days)
            - coalesce(pain.planned_logged, 0)
        END::int AS missed,
        -- Never NULL: a NULL would make the score NULL, which sorts first and breaks the paging.
        (p.id IS NOT NULL AND coalesce(la.assessed_on <= ${today}::date - ${rules.retestDays}::int, false)) AS retest_due
      FROM visible v
      LEFT JOIN LATERAL (
        SELECT a.referral, a.assessed_on FROM assessments a
        WHERE a.runner_id = v.id AND a.result IS NOT NULL
        ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) la ON true
      -- A lookup by the partial index per runner (LIMIT keeps it one: as a join, the planner
      -- may read and hash every clinic's programmes).
      LEFT JOIN LATERAL (
        SELECT p.id, p.planned_days FROM programmes p WHERE p.runner_id = v.id AND p.active
        LIMIT 1) p ON true
      -- One index-only range scan (session_logs_runner_pain) of the last 14 days of logs per runner
      -- gives the pain figures and how many of last week's planned days have a log.
      LEFT JOIN LATERAL (
        SELECT avg(l.pain_max) FILTER (WHERE l.logged_on > ${today}::date - 7) AS recent,
               avg(l.pain_max) FILTER (WHERE l.logged_on <= ${today}::date - 7) AS previous,
               max(l.pain_max) FILTER (WHERE l.logged_on > ${today}::date - 7) AS worst,
               count(DISTINCT l.logged_on) FILTER (WHERE l.logged_on >= ${today}::date - 7
                 AND l.logged_on < ${today}::date AND l.logged_on = ANY (p.planned_days)) AS planned_logged
        FROM session_logs l
        WHERE l.runner_id = v.id AND l.logged_on > ${today}::date - 14 AND l.logged_on <= ${today}::date) pain ON true
    ), scored AS (
      SELECT f.*,
        (coalesce(f.recent - f.previous >= ${rules.painRisePoints}, false)
          OR coalesce(f.worst > ${rules.painMax}, false)) AS pain_rising
      FROM facts f
    ), ranked AS (
      SELECT s.*, (s.red_flag::int * 8 + s.pain_rising::int * 4
        + (s.missed >= ${rules.missedSessions})::int * 2 + s.retest_due::int) AS score
      FROM scored s
    )
    SELECT id, display_name AS "displayName", own_runner AS "ownRunner", red_flag AS "redFlag",
      pain_rising AS "painRising", round(recent::numeric, 1)::float8 AS "recentPain",
      round(previous::numeric, 1)::float8 AS "previousPain", missed AS "missedSessions",
      retest_due AS "retestDue", last_assessed_on AS "lastAssessedOn", score, sort_name AS "sortName"
    FROM ranked
    ${after}
    ORDER BY score DESC, sort_name, id
    LIMIT ${q.limit}`.execute(db);
  return result.rows;
}

/** A questionnaire response as the runner's day gives it (the latest two per instrument). */
export interface DayQuestionnaire {
  instrument: string;
  date: string;
  answers: unknown;
}

/**
 * The runner's day in one statement: whether the record exists, the active programme's sessions
 * due today, the next run not yet logged, whether the last assessed assessment asks for a
 * professional first, the entries logged since `since` (as entered, oldest first) for the pain
 * trend, and the latest two responses per questionnaire. One statement is its own snapshot, so
 * the runner's own dashboard needs no transaction: one round trip after the session's.
 */
export async function runnerDay(db: Db, q: { runnerId: string; today: string; since: string }) {
  const { runnerId, today, since } = q;
  const result = await sql<{
    found: boolean;
    programmeId: string | null;
    due: unknown[];
    nextRun: unknown | null;
    referral: boolean | null;
    entries: unknown[];
    questionnaires: DayQuestionnaire[];
  }>`
    WITH p AS (SELECT id FROM programmes WHERE runner_id = ${runnerId}::uuid AND active)
    SELECT EXISTS (SELECT 1 FROM runners WHERE id = ${runnerId}::uuid) AS found,
      (SELECT id FROM p) AS "programmeId",
      coalesce((SELECT jsonb_agg(ps.session) FROM programme_sessions ps
                WHERE ps.programme_id = (SELECT id FROM p) AND ps.day = ${today}::date
                  AND ps.kind <> 'rest'), '[]') AS due,
      (SELECT ps.session FROM programme_sessions ps
       WHERE ps.programme_id = (SELECT id FROM p) AND ps.day >= ${today}::date AND ps.kind = 'run'
         AND NOT EXISTS (SELECT 1 FROM session_logs l WHERE l.runner_id = ${runnerId}::uuid
                         AND l.kind = 'run' AND l.logged_on = ps.day)
       ORDER BY ps.day LIMIT 1) AS "nextRun",
      (SELECT a.referral FROM assessments a
       WHERE a.runner_id = ${runnerId}::uuid AND a.result IS NOT NULL
       ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) AS referral,
      coalesce((SELECT jsonb_agg(l.entry ORDER BY l.logged_on, l.id) FROM (
                  SELECT entry, logged_on, id FROM session_logs
                  WHERE runner_id = ${runnerId}::uuid AND logged_on >= ${since}::date
                  ORDER BY logged_on, id LIMIT 500) l), '[]') AS entries,
      coalesce((SELECT jsonb_agg(jsonb_build_object('instrument', r.instrument,
                  'date', r.answered_on, 'answers', r.answers) ORDER BY r.instrument, r.rank)
                FROM (SELECT instrument, answered_on, answers, row_number() OVER (
                        PARTITION BY instrument ORDER BY answered_on DESC, id DESC) AS rank
                      FROM questionnaire_responses WHERE runner_id = ${runnerId}::uuid) r
                WHERE r.rank <= 2), '[]') AS questionnaires`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("the runner's day query returned no row");
  return row;
}
