import { readFile } from "node:fs/promises";
import type { Kysely } from "kysely";
import { parse as parseYaml } from "yaml";
import { addDays } from "../../core/calendar-date.js";
import type { Database } from "../../store/schema.types.js";
import type { Principal } from "../auth/principal.js";
import {
  acceptInvite,
  createClinic,
  createInvite,
  currentUser,
  signUpRunner,
} from "../services/accounts.service.js";
import { createAssessment, runAssessment } from "../services/assessments.service.js";
import type { Programme } from "../services/core-calls.js";
import { logSession } from "../services/logs.service.js";
import { createProgramme } from "../services/programmes.service.js";
import { createRunner, shareWithClinic } from "../services/runners.service.js";

/** The demo accounts `npm start` prints. For trying hipcheck out, never for real patients. */
export const DEMO_PASSWORD = "hipcheck-demo";
export const DEMO_LOGINS = [
  { role: "clinic admin", email: "admin@riverside.example" },
  { role: "clinician", email: "physio@riverside.example" },
  { role: "runner (seed-000, six weeks in, retested)", email: "sam@runner.example" },
  { role: "self-guided runner sharing with the clinic", email: "jo@runner.example" },
] as const;

const EXAMPLES = new URL("../../../examples/", import.meta.url);
const ADDRESS = "demo-seed";

async function example(name: string): Promise<Record<string, unknown>> {
  const text = await readFile(new URL(name, EXAMPLES), "utf8");
  return (name.endsWith(".json") ? JSON.parse(text) : parseYaml(text)) as Record<string, unknown>;
}

async function principal(db: Kysely<Database>, userId: string): Promise<Principal> {
  return { ...(await currentUser(db, userId)), via: "session", scopes: ["read", "write"] };
}

/** Whether the database holds no clinic yet (a first start). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("clinics").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * A demo clinic with believable histories, dated relative to `today`: the seed-000 runner six
 * weeks into her programme with logs and a retest today; a red flag waiting for referral; a
 * load-error runner whose pain rose this week; a desk runner who stopped logging; a self-guided
 * runner who shares her record.
 */
export async function seedDemo(db: Kysely<Database>, today: string): Promise<void> {
  const six = addDays(today, -42);
  const adminId = await createClinic(db, {
    clinicName: "Riverside Physio (demo)",
    email: DEMO_LOGINS[0].email,
    password: DEMO_PASSWORD,
    name: "Dana Admin",
  });
  const admin = await principal(db, adminId);
  const clinician = await principal(
    db,
    await invitedUser(db, admin, "clinician", DEMO_LOGINS[1].email, "Chris Physio"),
  );
  const sam = await principal(
    db,
    await invitedUser(db, clinician, "runner", DEMO_LOGINS[2].email, "Sam Seed"),
  );

  const seed000 = await example("seed-000-hip-weakness.json");
  const samProgramme = await treat(
    db,
    clinician,
    sam.runnerId!,
    { ...seed000, assessedOn: six },
    six,
  );
  await logProgramme(db, sam, samProgramme, {
    until: today,
    pain: (week) => Math.max(1, 4 - week / 2),
    skipEvery: 9,
  });
  await assess(db, clinician, sam.runnerId!, retestOf(seed000, today), "retest");

  const rita = await createRunner(db, clinician, "Rita Redflag");
  await assess(db, clinician, rita.id, {
    ...(await example("red-flag-locked-knee.json")),
    assessedOn: addDays(today, -1),
  });

  const lee = await createRunner(db, clinician, "Lee Mileage");
  const leeStart = addDays(today, -21);
  const leeProgramme = await treat(
    db,
    clinician,
    lee.id,
    { ...(await example("load-error-mileage-jump.yaml")), assessedOn: leeStart },
    leeStart,
  );
  await logProgramme(db, clinician, leeProgramme, {
    until: today,
    pain: (week) => (week >= 2 ? 6 : 2),
    skipEvery: 0,
  });

  const dev = await createRunner(db, clinician, "Dev Desk");
  const devStart = addDays(today, -28);
  const devProgramme = await treat(
    db,
    clinician,
    dev.id,
    { ...(await example("desk-runner-overstride.yaml")), assessedOn: devStart },
    devStart,
  );
  await logProgramme(db, clinician, devProgramme, {
    until: addDays(today, -9),
    pain: () => 2,
    skipEvery: 0,
  });

  const joId = await signUpRunner(db, {
    email: DEMO_LOGINS[3].email,
    password: DEMO_PASSWORD,
    name: "Jo Selfguided",
  });
  const jo = await principal(db, joId);
  await assess(db, jo, jo.runnerId!, {
    ...(await example("symptoms-only.json")),
    assessedOn: addDays(today, -2),
  });
  await shareWithClinic(db, jo, jo.runnerId!, admin.clinicId!, ADDRESS);
}

async function invitedUser(
  db: Kysely<Database>,
  inviter: Principal,
  role: "clinician" | "runner",
  email: string,
  name: string,
): Promise<string> {
  const { link } = await createInvite(db, inviter, { role, email, name }, "");
  return acceptInvite(db, link.split("/invite/")[1]!, { password: DEMO_PASSWORD });
}

async function assess(
  db: Kysely<Database>,
  who: Principal,
  runnerId: string,
  input: Record<string, unknown>,
  kind: "initial" | "retest" = "initial",
): Promise<string> {
  const created = await createAssessment(db, who, runnerId, { kind, input }, ADDRESS);
  await runAssessment(db, who, created.id, ADDRESS);
  return created.id;
}

async function treat(
  db: Kysely<Database>,
  who: Principal,
  runnerId: string,
  input: Record<string, unknown>,
  start: string,
): Promise<{ id: string; runnerId: string; programme: Programme }> {
  const assessmentId = await assess(db, who, runnerId, input);
  const row = await createProgramme(
    db,
    who,
    runnerId,
    {
      assessmentId,
      start,
      daysPerWeek: 6,
      minutesPerSession: 45,
      equipment: ["band", "step", "chair"],
    },
    ADDRESS,
  );
  return { id: row.id, runnerId, programme: row.programme as Programme };
}

/** Logs the planned sessions before `until` as done, with the given pain by week (0-based). */
async function logProgramme(
  db: Kysely<Database>,
  who: Principal,
  { id, runnerId, programme }: { id: string; runnerId: string; programme: Programme },
  options: { until: string; pain: (week: number) => number; skipEvery: number },
): Promise<void> {
  let n = 0;
  for (const session of programme.sessions) {
    if (session.date >= options.until || session.kind === "rest") continue;
    n += 1;
    if (options.skipEvery > 0 && n % options.skipEvery === 0) continue;
    const pain = Math.round(options.pain(session.week - 1));
    const entry =
      session.kind === "run"
        ? {
            date: session.date,
            type: "run",
            run: {
              ...(session.run?.level ? { level: session.run.level.level } : {}),
              durationMin: session.run?.minutes ?? 30,
              painDuring: pain,
              painAfter: Math.max(0, pain - 1),
              painNextMorning: Math.max(0, pain - 1),
            },
          }
        : {
            date: session.date,
            type: "strength",
            exercises: session.strength.map((p) => ({
              exercise: p.exercise,
              sets: p.sets,
              ...(p.reps ? { reps: p.reps[1] } : { durationSec: p.seconds?.[1] ?? 30 }),
              effort: 6,
              pain: Math.max(0, pain - 1),
            })),
          };
    if (entry.type === "strength" && (entry.exercises?.length ?? 0) === 0) continue;
    await logSession(db, who, runnerId, { entry, programmeId: id }, ADDRESS);
  }
}

/** Seed-000 six weeks on: the right hip abductors stronger, pain lower. */
function retestOf(seed000: Record<string, unknown>, today: string): Record<string, unknown> {
  const retest = structuredClone(seed000) as {
    symptoms: { pain: Record<string, unknown> };
    strength: { tests: { test: string; side: string; trials: number[] }[] };
  } & Record<string, unknown>;
  retest.assessedOn = today;
  retest.symptoms.pain = { ...retest.symptoms.pain, duringRun: 2, afterRun: 1, trend: "improving" };
  for (const test of retest.strength.tests)
    if (test.test === "hip-abduction" && test.side === "right") test.trials = [104, 107, 105];
  return retest;
}
