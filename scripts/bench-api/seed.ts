import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Kysely, sql } from "kysely";
import { assess } from "../../src/core/assessment/assess.js";
import { addDays } from "../../src/core/calendar-date.js";
import { generateProgramme } from "../../src/core/program/programme.js";
import { hashPassword } from "../../src/server/auth/secrets.js";
import type { Database } from "../../src/store/schema.types.js";

/** The benchmark's data set, made with set-based SQL (generate_series), not row by row. */
export const CLINICS = 50;
export const RUNNERS = 10_000;
export const BIG_CLINIC_RUNNERS = 500;
export const LOGS_PER_RUNNER = 100; // 10,000 × 100 = 1,000,000 session logs
export const PASSWORD = "bench-password";
/** Runners who sign in, each with a real assessment, programme and sessions: the dashboards asked. */
export const SIGNED_IN_RUNNERS = 20;

export interface Seeded {
  /** The runners who sign in: `runner-1@bench.example` … with their record's id. */
  runners: { email: string; runnerId: string }[];
  clinicianEmail: string;
}

export async function seed(db: Kysely<Database>, today: string): Promise<Seeded> {
  const input = JSON.parse(
    readFileSync(new URL("../../examples/seed-000-hip-weakness.json", import.meta.url), "utf8"),
  );
  const result = assess({ ...input, assessedOn: addDays(today, -20) });
  const start = addDays(today, -20);
  const programme = generateProgramme({
    assessment: result,
    availability: { daysPerWeek: 6, minutesPerSession: 45, equipment: ["band"] },
    start,
  });
  const planned = programme.sessions.filter((s) => s.kind !== "rest").map((s) => s.date);
  const hash = await hashPassword(PASSWORD);
  const bigClinic = randomUUID();
  const clinicianUser = randomUUID();
  const runners = Array.from({ length: SIGNED_IN_RUNNERS }, (_, i) => ({
    email: `runner-${i + 1}@bench.example`,
    runnerId: randomUUID(),
    userId: randomUUID(),
  }));
  const runnerIds = runners.map((r) => r.runnerId);
  // Clinic 0 holds 500 runners; the other 9,500 are spread over 49 clinics.
  await sql`INSERT INTO clinics (id, name) VALUES (${bigClinic}::uuid, 'Bench clinic 0')`.execute(
    db,
  );
  await sql`INSERT INTO clinics (id, name) SELECT gen_random_uuid(), 'Bench clinic ' || g
    FROM generate_series(1, ${CLINICS - 1}::int) g`.execute(db);
  await sql`INSERT INTO users (id, email, display_name, password_hash, role, clinic_id)
    VALUES (${clinicianUser}::uuid, 'clinician@bench.example', 'Bench Clinician', ${hash}, 'clinician', ${bigClinic}::uuid)`.execute(
    db,
  );
  for (const [i, r] of runners.entries()) {
    await sql`INSERT INTO users (id, email, display_name, password_hash, role, clinic_id)
      VALUES (${r.userId}::uuid, ${r.email}, ${`Bench Runner ${i + 1}`}, ${hash}, 'runner', NULL)`.execute(
      db,
    );
    await sql`INSERT INTO runners (id, user_id, clinic_id, display_name)
      VALUES (${r.runnerId}::uuid, ${r.userId}::uuid, ${bigClinic}::uuid, ${`Bench Runner ${i + 1}`})`.execute(
      db,
    );
  }
  await sql`INSERT INTO runners (id, clinic_id, display_name)
    SELECT gen_random_uuid(), ${bigClinic}::uuid, 'Runner ' || g FROM generate_series(${SIGNED_IN_RUNNERS + 1}::int, ${BIG_CLINIC_RUNNERS}::int) g`.execute(
    db,
  );
  await sql`INSERT INTO runners (id, clinic_id, display_name)
    SELECT gen_random_uuid(), c.id, 'Runner ' || c.name || ' ' || g
    FROM (SELECT id, name, row_number() OVER (ORDER BY id) AS n FROM clinics WHERE id <> ${bigClinic}::uuid) c
    CROSS JOIN generate_series(1, ${Math.ceil((RUNNERS - BIG_CLINIC_RUNNERS) / (CLINICS - 1))}::int) g
    WHERE (c.n - 1) * ${Math.ceil((RUNNERS - BIG_CLINIC_RUNNERS) / (CLINICS - 1))}::int + g <= ${RUNNERS - BIG_CLINIC_RUNNERS}::int`.execute(
    db,
  );
  // One assessed assessment each (2 % with a red flag); the signed-in runners' are real ones.
  await sql`INSERT INTO assessments (id, runner_id, kind, assessed_on, input, result, rules_version, referral)
    SELECT gen_random_uuid(), r.id, 'initial', ${start}::date, '{}'::jsonb,
      CASE WHEN r.id = ANY (${runnerIds}::uuid[]) THEN ${JSON.stringify(result)}::jsonb ELSE '{}'::jsonb END,
      ${result.rulesVersion}, (hashtext(r.id::text) % 50 = 0)
    FROM runners r`.execute(db);
  await sql`INSERT INTO programmes (id, runner_id, assessment_id, request, programme, rules_version,
      starts_on, ends_on, planned_days)
    SELECT gen_random_uuid(), a.runner_id, a.id, '{}'::jsonb,
      CASE WHEN a.runner_id = ANY (${runnerIds}::uuid[]) THEN ${JSON.stringify(programme)}::jsonb ELSE '{"sessions":[]}'::jsonb END,
      ${programme.rulesVersion}, ${programme.start}::date, ${programme.end}::date, ${planned}::date[]
    FROM assessments a`.execute(db);
  await sql`INSERT INTO programme_sessions (programme_id, day, kind, session)
    SELECT p.id, (s->>'date')::date, s->>'kind', s
    FROM programmes p, jsonb_array_elements(p.programme->'sessions') s
    WHERE p.runner_id = ANY (${runnerIds}::uuid[])`.execute(db);
  // 100 sessions per runner, one every day back from today: 1,000,000 rows.
  await sql`INSERT INTO session_logs (runner_id, logged_on, kind, entry, pain_max)
    SELECT r.id, ${today}::date - g, 'run',
      jsonb_build_object('date', to_char(${today}::date - g, 'YYYY-MM-DD'), 'type', 'run',
        'run', jsonb_build_object('level', 1, 'durationMin', 30, 'painDuring', (g % 4))),
      (g % 4)
    FROM runners r CROSS JOIN generate_series(1, ${LOGS_PER_RUNNER}::int) g`.execute(db);
  await sql`ANALYZE`.execute(db);
  return {
    runners: runners.map(({ email, runnerId }) => ({ email, runnerId })),
    clinicianEmail: "clinician@bench.example",
  };
}
