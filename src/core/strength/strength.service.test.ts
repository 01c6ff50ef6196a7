import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { RULES_VERSION } from "../rules-version.js";
import { DEFAULT_SETTINGS, type StrengthSettings } from "../settings.js";
import type { Side } from "../side.js";
import { as, type Metres, type Newtons } from "../units.js";
import { analyseStrength } from "./strength.service.js";
import type { StrengthContext, StrengthTestInput } from "./strength.types.js";

/** One side of one test, in newtons and metres as the schema hands it over. */
function sideTest(
  side: Side,
  trials: number[],
  overrides: Partial<Omit<StrengthTestInput, "side" | "trialsN">> = {},
): StrengthTestInput {
  return {
    test: "hip-abduction",
    side,
    position: "side-lying",
    method: "make",
    leverArmM: as<Metres>(0.45),
    trialsN: trials.map((t) => as<Newtons>(t)),
    enteredUnit: "N",
    ...overrides,
  };
}

/** The same test without a lever arm, so that sides are compared on force. */
function forceOnly({ leverArmM: _none, ...rest }: StrengthTestInput): StrengthTestInput {
  return rest;
}

function context(
  overrides: Partial<StrengthContext> = {},
  settings: Partial<StrengthSettings> = {},
) {
  return {
    bodyMassKg: 70,
    age: 30,
    sex: "female" as const,
    painSide: "right" as const,
    settings: { ...DEFAULT_SETTINGS.strength, ...settings },
    ...overrides,
  };
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error("no item");
  return item;
}

describe("analyseStrength: a weak right hip with a painful right knee (seed-000)", () => {
  const report = analyseStrength(
    [sideTest("left", [200, 210, 205]), sideTest("right", [150, 160, 155])],
    context(),
  );
  const result = only(report.tests);

  it("computes best force, torque and values per kg on each side", () => {
    expect(result.sides.left).toMatchObject({ bestN: 210, meanN: 205, forceNPerKg: 3 });
    expect(result.sides.left?.torqueNm).toBeCloseTo(94.5, 10);
    expect(result.sides.left?.torqueNmPerKg).toBeCloseTo(1.35, 10);
    expect(result.sides.right?.torqueNm).toBeCloseTo(72, 10);
    expect(result.sides.right?.torqueNmPerKg).toBeCloseTo(1.0286, 4);
    expect(result.sides.right?.trialCvPercent).toBeCloseTo(3.2258, 4);
    expect(result.sides.right?.inconsistent).toBe(false);
  });

  it("takes the painful side as involved and finds a deficit on torque", () => {
    expect(result.involvedSide).toBe("right");
    expect(result.involvedSideReason).toBe("The right knee hurts, so the right side is involved.");
    expect(result.lsiBasis).toBe("torque");
    expect(result.lsiPercent).toBeCloseTo(76.19, 2);
    expect(result.deficit).toBe(true);
    expect(result.weakerSide).toBe("right");
    expect(result.asymmetry?.formula).toBe("lsi-deficit");
    expect(result.asymmetry?.formulaText).toContain("100 − involved ÷ uninvolved × 100");
    expect(result.asymmetry?.percent).toBeCloseTo(23.81, 2);
  });

  it("compares each side with Ramskov 2014 and notes the make test", () => {
    expect(result.sides.right?.reference).toMatchObject({ band: "below", source: "ramskov-2014" });
    expect(result.sides.right?.reference?.z).toBeCloseTo(-1.1905, 4);
    expect(result.sides.left?.reference?.band).toBe("within");
    expect(result.sides.left?.reference?.caveats[0]).toContain("this was a make test");
  });

  it("states the formula and the rules version, with no warnings", () => {
    expect(report.asymmetryFormula).toBe("lsi-deficit");
    expect(report.formulaText).toBe(result.asymmetry?.formulaText);
    expect(report.rulesVersion).toBe(RULES_VERSION);
    expect(report.warnings).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe("analyseStrength: rules", () => {
  it.each([
    { right: 90, line: 90, lsi: 90, deficit: false },
    { right: 89.9, line: 90, lsi: 89.9, deficit: true },
    { right: 85, line: 80, lsi: 85, deficit: false },
    { right: 79, line: 80, lsi: 79, deficit: true },
  ])(
    "right $right N against left 100 N with the line at $line %: deficit $deficit",
    ({ right, line, lsi, deficit }) => {
      const tests = [sideTest("left", [100, 100]), sideTest("right", [right, right])].map(
        forceOnly,
      );
      const result = only(analyseStrength(tests, context({}, { lsiDeficitPercent: line })).tests);
      expect(result.lsiBasis).toBe("force");
      expect(result.lsiPercent).toBeCloseTo(lsi, 10);
      expect(result.deficit).toBe(deficit);
    },
  );

  it.each([
    {
      pain: undefined,
      involved: "left",
      lsi: 80,
      reason: "No knee pain recorded, so the weaker side in this test (left) is involved.",
    },
    {
      pain: "both" as const,
      involved: "left",
      lsi: 80,
      reason: "Both knees hurt, so the weaker side in this test (left) is involved.",
    },
    {
      pain: "right" as const,
      involved: "right",
      lsi: 125,
      reason: "The right knee hurts, so the right side is involved.",
    },
  ])("knee pain $pain → involved $involved, LSI $lsi %", ({ pain, involved, lsi, reason }) => {
    const tests = [sideTest("left", [160]), sideTest("right", [200])];
    const { painSide: _pain, ...rest } = context();
    const result = only(
      analyseStrength(tests, { ...rest, ...(pain ? { painSide: pain } : {}) }).tests,
    );
    expect(result.involvedSide).toBe(involved);
    expect(result.involvedSideReason).toBe(reason);
    expect(result.lsiPercent).toBeCloseTo(lsi, 10);
  });

  it.each([
    { formula: "lsi-deficit" as const, percent: 20 },
    { formula: "difference-over-max" as const, percent: 20 },
    { formula: "difference-over-mean" as const, percent: 22.2222 },
  ])("reports asymmetry by $formula as $percent %", ({ formula, percent }) => {
    const tests = [sideTest("left", [160, 160]), sideTest("right", [200, 200])];
    const report = analyseStrength(
      tests,
      context({ painSide: "left" }, { asymmetryFormula: formula }),
    );
    const result = only(report.tests);
    expect(result.asymmetry?.formula).toBe(formula);
    expect(result.asymmetry?.percent).toBeCloseTo(percent, 4);
    expect(report.formulaText).toBe(result.asymmetry?.formulaText);
  });

  it.each([
    { best: 240, limit: 250, overpowered: true },
    { best: 237, limit: 250, overpowered: false },
    { best: 260, limit: 250, overpowered: true },
    { best: 240, limit: undefined, overpowered: false },
  ])(
    "best $best N with a tester limit of $limit N: overpowered $overpowered",
    ({ best, limit, overpowered }) => {
      const right = sideTest(
        "right",
        [best - 10, best],
        limit ? { testerLimitN: as<Newtons>(limit) } : {},
      );
      const result = only(analyseStrength([sideTest("left", [230, 235]), right], context()).tests);
      expect(result.sides.right?.overpowered).toBe(overpowered);
      expect(result.sides.right?.overpoweredWarning !== undefined).toBe(overpowered);
    },
  );

  it("says why an overpowered reading matters", () => {
    const right = sideTest("right", [230, 240], { testerLimitN: as<Newtons>(250) });
    const result = only(analyseStrength([sideTest("left", [230, 235]), right], context()).tests);
    expect(result.warnings).toEqual([
      "Right hip abduction (side-lying): the best reading, 240 N, is 96 % of the most the tester can hold (250 N); the patient may have overpowered the tester, so true strength may be higher (krause-2014).",
    ]);
  });

  it.each([
    { trials: [150, 200], limit: 10, inconsistent: true },
    { trials: [150, 200], limit: 25, inconsistent: false },
    { trials: [195, 200], limit: 10, inconsistent: false },
  ])(
    "trials $trials with a $limit % limit: inconsistent $inconsistent",
    ({ trials, limit, inconsistent }) => {
      const tests = [sideTest("left", [200, 202]), sideTest("right", trials)];
      const result = only(
        analyseStrength(tests, context({}, { trialVariationPercent: limit })).tests,
      );
      expect(result.sides.right?.inconsistent).toBe(inconsistent);
    },
  );

  it("warns about inconsistent trials with the numbers", () => {
    const tests = [sideTest("left", [200, 202]), sideTest("right", [150, 200])];
    expect(only(analyseStrength(tests, context()).tests).warnings).toEqual([
      "Right hip abduction (side-lying): the trials vary by 20.2 % (coefficient of variation), more than the 10 % allowed; check the set-up and consider repeating (thorborg-2010).",
    ]);
  });
});

describe("analyseStrength: warnings on how the test was done", () => {
  it("does not pair sides tested in different positions, and says why", () => {
    const report = analyseStrength(
      [sideTest("left", [200, 210]), sideTest("right", [150, 160], { position: "supine" })],
      context(),
    );
    expect(report.tests.map((t) => t.position)).toEqual(["side-lying", "supine"]);
    for (const result of report.tests) {
      expect(result.lsiPercent).toBeUndefined();
      expect(result.deficit).toBe(false);
    }
    expect(report.tests[0]?.warnings).toEqual([
      "Hip abduction: the left side was tested side-lying and the right side supine. Position changes the reading (side-lying abduction reads about 30 % above standing and 27 % above supine), so the two sides are not compared (cerda-vega-2018).",
    ]);
    expect(report.tests[1]?.warnings[0]).toContain(
      "the right side was tested supine and the left side side-lying",
    );
  });

  it("pairs sides tested by different methods but warns", () => {
    const result = only(
      analyseStrength(
        [sideTest("left", [200, 210]), sideTest("right", [150, 160], { method: "break" })],
        context(),
      ).tests,
    );
    expect(result.method).toBe("mixed");
    expect(result.lsiPercent).toBeCloseTo(76.19, 2);
    expect(result.warnings).toEqual([
      "Hip abduction (side-lying): the left side was tested with a make test and the right with a break test; the two methods give different readings (stratford-1994), so the side-to-side comparison is uncertain.",
    ]);
  });

  it("warns when one side is missing or only one trial was taken", () => {
    const result = only(analyseStrength([sideTest("right", [150])], context()).tests);
    expect(result.lsiPercent).toBeUndefined();
    expect(result.involvedSide).toBeUndefined();
    expect(result.warnings).toEqual([
      "Right hip abduction (side-lying): only 1 trial was taken; 2–4 are recommended, keeping the best (thorborg-2010).",
      "Hip abduction (side-lying): only the right side was tested, so there is no side-to-side comparison.",
    ]);
  });

  it("compares on force when only one side has a lever arm", () => {
    const left = forceOnly(sideTest("left", [200, 210]));
    const result = only(analyseStrength([left, sideTest("right", [150, 160])], context()).tests);
    expect(result.lsiBasis).toBe("force");
    expect(result.lsiPercent).toBeCloseTo((160 / 210) * 100, 10);
    expect(result.warnings).toEqual([
      "Hip abduction (side-lying): a lever arm was given for the right side only, so the sides are compared on force, not torque.",
    ]);
    expect(result.sides.left?.referenceMissing).toContain("No lever arm on the left side");
  });

  it("warns that LSI can hide weakness when both knees hurt", () => {
    const report = analyseStrength(
      [sideTest("left", [200]), sideTest("right", [190])],
      context({ painSide: "both" }),
    );
    expect(report.warnings).toEqual([
      "Both knees hurt: the LSI then compares two painful sides and can hide weakness on both; judge each side against reference values and the patient's earlier tests (lsi-convention).",
    ]);
  });
});

describe("analyseStrength: knee tests, traces and bad calls", () => {
  it("keeps the input order and marks knee flexion without a female reference", () => {
    const knee = { test: "knee-flexion" as const, position: "seated" as const };
    const report = analyseStrength(
      [
        sideTest("left", [200, 210]),
        sideTest("left", [150, 150], knee),
        sideTest("right", [150, 160]),
        sideTest("right", [160, 160], knee),
      ],
      context(),
    );
    expect(report.tests.map((t) => t.test)).toEqual(["hip-abduction", "knee-flexion"]);
    const flexion = report.tests[1];
    expect(flexion?.sides.left?.reference).toBeUndefined();
    expect(flexion?.sides.left?.referenceMissing).toBe(
      "The knee strength meta-analysis gives no knee flexion range for women, so there is nothing to compare with.",
    );
  });

  it("analyses a force trace, and turns a trace that is too short into a warning", () => {
    const rise = (ms: number) => [
      ...Array.from({ length: 50 }, () => 0),
      ...Array.from({ length: ms + 1 }, (_, i) => i * 2),
    ];
    const trace = (ms: number) => ({ rateHz: 1000, samplesN: rise(ms).map((v) => as<Newtons>(v)) });
    const report = analyseStrength(
      [
        sideTest("left", [200, 210], { trace: trace(400) }),
        sideTest("right", [200, 205], { trace: trace(100) }),
      ],
      context(),
    );
    const result = only(report.tests);
    expect(result.sides.left?.trace?.rateOfForceDevelopment[0]?.newtonsPerSecond).toBeCloseTo(
      2000,
      6,
    );
    expect(result.sides.right?.trace).toBeUndefined();
    expect(result.warnings).toEqual([
      "Right hip abduction (side-lying): force trace not analysed. The force trace ends 98 ms after the contraction starts; it must run at least 200 ms past onset to give the rate of force development.",
    ]);
  });

  it("refuses a body mass of 0 and the same side entered twice", () => {
    expect(() => analyseStrength([sideTest("left", [200])], context({ bodyMassKg: 0 }))).toThrow(
      new DomainError("Body mass must be above 0 kg to normalise strength, got 0."),
    );
    expect(() =>
      analyseStrength([sideTest("left", [200]), sideTest("left", [210])], context()),
    ).toThrow(
      "Left hip abduction (side-lying) is entered twice: put all trials of one side in one entry.",
    );
  });
});
