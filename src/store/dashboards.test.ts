import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../core/calendar-date.js";
import { ATTENTION_RULES } from "../server/services/runners.service.js";
import { insertClinic } from "./accounts.repository.js";
import { attentionList } from "./dashboards.repository.js";
import type { Store } from "./database.js";
import { insertAssessment, insertProgramme, insertSessionLog } from "./records.repository.js";
import { insertRunner } from "./runners.repository.js";
import { testDatabases } from "./test-support/test-databases.js";

const TODAY = "2026-12-01";
const day = (offset: number) => addDays(TODAY, offset);

describe.each(testDatabases())("attention list on $name", (database) => {
  let store: Store;
  const clinicId = randomUUID();
  beforeAll(async () => {
    store = await database.open();
    await insertClinic(store.db, { id: clinicId, name: "Attention Clinic" });
  });
  afterAll(() => store.close());

  /** A runner of the clinic with a programme planned on these days and logs on those. */
  async function runnerWith(
    name: string,
    planned: number[],
    logged: [number, "run" | "strength", number][],
  ) {
    const runnerId = randomUUID();
    await insertRunner(store.db, { id: runnerId, userId: null, clinicId, displayName: name });
    const assessmentId = randomUUID();
    await insertAssessment(store.db, {
      id: assessmentId,
      runnerId,
      kind: "initial",
      input: {},
      createdBy: null,
    });
    await insertProgramme(store.db, {
      id: randomUUID(),
      runnerId,
      assessmentId,
      request: {},
      programme: { sessions: [] },
      rulesVersion: "test",
      startsOn: day(-20),
      endsOn: day(30),
      plannedDays: planned.map(day),
    });
    for (const [offset, kind, pain] of logged)
      await insertSessionLog(store.db, {
        runnerId,
        programmeId: null,
        loggedOn: day(offset),
        kind,
        entry: { date: day(offset), type: kind },
        painMax: pain,
      });
    return runnerId;
  }

  it("counts last week's planned days without a log, whatever was logged that day", async () => {
    // Planned in the week before today: −6, −4, −2, −1 (−10 is older, 0 and +1 are not over).
    // Logged: −4 (a run), −2 (strength), −3 (not a planned day): two planned days missed.
    await runnerWith(
      "Mia Missed",
      [-10, -6, -4, -2, -1, 0, 1],
      [
        [-4, "run", 1],
        [-2, "strength", 1],
        [-3, "run", 1],
      ],
    );
    await runnerWith(
      "Kit Kept",
      [-5, -3],
      [
        [-5, "run", 2],
        [-3, "run", 2],
      ],
    );
    const rows = await attentionList(store.db, {
      clinicId,
      today: TODAY,
      search: "",
      limit: 10,
      rules: ATTENTION_RULES,
    });
    const byName = Object.fromEntries(rows.map((r) => [r.displayName, r]));
    expect(byName["Mia Missed"]?.missedSessions).toBe(2);
    expect(byName["Kit Kept"]?.missedSessions).toBe(0);
    // Two missed sessions reach the rule's line and rank the runner first.
    expect(rows[0]?.displayName).toBe("Mia Missed");
  });
});
