import { describe, expect, it } from "vitest";
import { assess } from "../assessment/assess.js";
import { findExercise } from "../exercises/library.js";
import { assessmentFile, pairedTest } from "../test-support/assessment.builder.js";
import { generateProgramme } from "./programme.js";
import type { Programme } from "./programme.types.js";

const frontPain = {
  pain: { locations: [{ area: "anterior", side: "right" }], atRest: 0, duringRun: 5, afterRun: 3 },
  aggravators: {},
  trauma: { recent: false },
};

const planFor = (file: Record<string, unknown>): Programme =>
  generateProgramme({
    assessment: assess(file),
    availability: { daysPerWeek: 6, minutesPerSession: 60, equipment: ["band"] },
    start: "2026-12-01",
  });

/** The first strength-day prescription of an exercise. */
const first = (programme: Programme, id: string) =>
  programme.sessions.flatMap((s) => s.strength).find((p) => p.exercise === id);

// 60 kg, lever arm 0.4 m: 140 N → 0.93 Nm/kg, below the female reference at 35 (1.43 ± 0.35).
const runners = {
  "bilateral-below-reference": assessmentFile({
    symptoms: frontPain,
    strength: { tests: pairedTest("hip-abduction", 140, 138) },
  }),
  "nothing-measured": assessmentFile({ symptoms: frontPain }),
  "hip-not-implicated": assessmentFile({
    symptoms: frontPain,
    strength: {
      tests: [...pairedTest("hip-abduction", 260, 258), ...pairedTest("knee-extension", 340, 338)],
    },
    selfTests: { singleLegStance: { right: { pelvis: "level" }, left: { pelvis: "level" } } },
  }),
  "movement-signs-only": assessmentFile({
    symptoms: frontPain,
    selfTests: {
      observedBy: "self",
      singleLegStance: { right: { pelvis: "drops" }, left: { pelvis: "level" } },
      squat: { kneesCave: true },
    },
  }),
};

describe("treatment follows the findings", () => {
  it("four runners with different findings get four different plans", () => {
    const plans = Object.values(runners).map((file) => JSON.stringify(planFor(file).sessions));
    expect(new Set(plans).size).toBe(4);
  });

  it.each([
    {
      kind: "bilateral-below-reference",
      clamshell: { sets: 4, setsBySide: undefined },
      note: /below reference values.*both sides/,
    },
    {
      kind: "nothing-measured",
      clamshell: { sets: 3, setsBySide: undefined },
      note: /General programme.*hand-held dynamometer test of hip abduction and external rotation/,
    },
    {
      kind: "hip-not-implicated",
      clamshell: { sets: 3, setsBySide: undefined },
      note: /tested strong and even/,
    },
    {
      kind: "movement-signs-only",
      clamshell: { sets: 3, setsBySide: { left: 3, right: 4 } },
      note: /movement signs only.*right side.*dynamometer/,
    },
  ] as const)("$kind", ({ kind, clamshell, note }) => {
    const programme = planFor(runners[kind]);
    expect(programme.basis.kind).toBe(kind);
    expect(programme.basis.note).toMatch(note);
    const p = first(programme, "side-lying-clamshell");
    expect(p?.sets).toBe(clamshell.sets);
    expect(p?.setsBySide).toEqual(clamshell.setsBySide);
  });

  it("maintenance puts hip-only exercises at the low end of their set range", () => {
    const ranged = (programme: Programme) =>
      programme.sessions
        .flatMap((s) => s.strength)
        .filter((p) => {
          const sets = findExercise(p.exercise).dose.sets;
          return sets[0] < sets[1] && p.forFindings.join() === "hip-driven-knee-pain";
        });
    const maintained = ranged(planFor(runners["hip-not-implicated"]));
    expect(maintained.length).toBeGreaterThan(0);
    for (const p of maintained) expect(p.sets).toBe(findExercise(p.exercise).dose.sets[0]);
    for (const p of ranged(planFor(runners["nothing-measured"])))
      expect(p.sets).toBe(findExercise(p.exercise).dose.sets[1]);
  });

  it("every exercise records the finding that chose it", () => {
    for (const file of Object.values(runners)) {
      const programme = planFor(file);
      const all = programme.sessions.flatMap((s) => [
        ...s.strength,
        ...s.stretching,
        ...s.aroundRun,
      ]);
      expect(all.length).toBeGreaterThan(0);
      for (const p of all) expect(p.chosenBy.length).toBe(p.forFindings.length);
      const hip = all.find((p) => p.forFindings.includes("hip-driven-knee-pain"));
      expect(hip?.chosenBy[0]).toBe(programme.basis.finding);
    }
  });

  it("an asymmetric deficit still gets one more set on the weaker side, with the LSI recorded", () => {
    const programme = planFor(
      assessmentFile({
        symptoms: frontPain,
        strength: { tests: pairedTest("hip-abduction", 240, 170) },
      }),
    );
    expect(programme.basis.kind).toBe("asymmetric-deficit");
    expect(first(programme, "side-lying-clamshell")?.setsBySide).toEqual({ left: 3, right: 4 });
    expect(first(programme, "side-lying-clamshell")?.chosenBy[0]).toMatch(
      /right hip abduction LSI 71 %/,
    );
  });
});
