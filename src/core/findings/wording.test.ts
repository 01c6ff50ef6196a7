/**
 * Words match numbers, and unknown is not negative: each sentence a reader sees is checked
 * against the data behind it (present, absent, not tested; below reference or only uneven).
 */
import { describe, expect, it } from "vitest";
import { assess } from "../assessment/assess.js";
import { assessmentFile, pairedTest } from "../test-support/assessment.builder.js";
import type { FindingId } from "./finding.types.js";

const finding = (file: Record<string, unknown>, id: FindingId) => {
  const found = assess(file).findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
};

const frontPain = {
  pain: { locations: [{ area: "anterior", side: "right" }], atRest: 0, duringRun: 5, afterRun: 3 },
  aggravators: {},
  trauma: { recent: false },
};
// 60 kg, lever arm 0.4 m: right abduction 170 N → 1.13 Nm/kg (within, z −0.8); 140 N → 0.93 (below).
const unevenWithinReference = pairedTest("hip-abduction", 240, 170);
const belowReference = pairedTest("hip-abduction", 240, 140);
const evenHips = [
  ...pairedTest("hip-abduction", 240, 236),
  ...pairedTest("hip-external-rotation", 150, 148),
];
const normalKnees = pairedTest("knee-extension", 340, 338);
const levelPelvis = { singleLegStance: { right: { pelvis: "level" }, left: { pelvis: "level" } } };

describe("three states: present, absent, not tested", () => {
  it.each([
    {
      name: "strong even hips, no movement data",
      file: assessmentFile({ strength: { tests: evenHips } }),
      plain: ["your movement was not tested"],
      notPlain: ["looked controlled"],
      clinical: ["movement not tested"],
      notClinical: ["no movement signs"],
      untested: ["pelvic control", "knee alignment"],
    },
    {
      name: "strong even hips, pelvis level in a self-test",
      file: assessmentFile({ strength: { tests: evenHips }, selfTests: levelPelvis }),
      plain: ["the movement tests looked controlled"],
      notPlain: ["not tested"],
      clinical: ["no movement signs of poor hip control"],
      notClinical: ["movement not tested"],
      untested: ["knee alignment"],
    },
    {
      name: "hip abduction weak, external rotation never tested",
      file: assessmentFile({ symptoms: frontPain, strength: { tests: belowReference } }),
      plain: [],
      notPlain: [],
      clinical: [
        "prioritise right hip abduction strengthening; hip external rotation not tested",
        "movement not tested",
      ],
      notClinical: ["external rotator"],
      untested: ["knee strength normal", "pelvic control", "knee alignment"],
    },
  ])("$name", ({ file, plain, notPlain, clinical, notClinical, untested }) => {
    const f = finding(file, "hip-driven-knee-pain");
    const flat = (text: string) => text.replace(/\s+/g, " ");
    for (const text of plain) expect(flat(f.plain)).toContain(text);
    for (const text of notPlain) expect(flat(f.plain)).not.toContain(text);
    for (const text of clinical) expect(flat(f.clinical)).toContain(text);
    for (const text of notClinical) expect(flat(f.clinical)).not.toContain(text);
    const notTested = f.confidence.signs.filter((s) => s.state === "not-tested").map((s) => s.name);
    expect(notTested).toEqual(expect.arrayContaining(untested));
    expect(f.label.clinician).toContain(`not tested: `);
  });

  it("names the strength test that was not done as a next step, never advises on it", () => {
    const f = finding(
      assessmentFile({ symptoms: frontPain, strength: { tests: belowReference } }),
      "hip-driven-knee-pain",
    );
    expect(f.next).toContain(
      "Test hip external rotation strength on both sides with a dynamometer.",
    );
  });
});

describe("words match numbers", () => {
  it.each([
    {
      name: "below reference",
      tests: belowReference,
      says: "weaker than they should be",
      never: "than those of the other side",
    },
    {
      name: "uneven but within reference",
      tests: unevenWithinReference,
      says: "weaker than those of the other side",
      never: "should be",
    },
  ])("$name: the runner reads '$says'", ({ tests, says, never }) => {
    const f = finding(
      assessmentFile({ symptoms: frontPain, strength: { tests } }),
      "hip-driven-knee-pain",
    );
    expect(f.status).toBe("likely");
    expect(f.plain).toContain(says);
    expect(f.plain).not.toContain(never);
  });

  it.each([
    {
      left: 240,
      right: 236,
      statement: "left and right are symmetric (LSI 98 %, within the 90 % line)",
    },
    {
      left: 240,
      right: 320,
      statement: "the right side is the stronger; the other side reaches 75 % of it",
    },
    { left: 240, right: 200, statement: "the right side reaches 83 % of the other side" },
  ])("LSI of right $right N against left $left N: '$statement'", ({ left, right, statement }) => {
    const f = finding(
      assessmentFile({ strength: { tests: pairedTest("hip-abduction", left, right) } }),
      "hip-driven-knee-pain",
    );
    expect(f.evidence.map((e) => e.statement).join(" ")).toContain(statement);
  });

  it.each([
    { name: "normal knee strength counts for a hip cause: +", knees: normalKnees, supports: true },
    {
      name: "knee weakness counts against: −",
      knees: pairedTest("knee-extension", 340, 250),
      supports: false,
    },
  ])("$name", ({ knees, supports }) => {
    const f = finding(
      assessmentFile({ symptoms: frontPain, strength: { tests: [...belowReference, ...knees] } }),
      "hip-driven-knee-pain",
    );
    const knee = f.evidence.filter((e) => e.statement.startsWith("Knee extension"));
    expect(knee.length).toBeGreaterThan(0);
    for (const e of knee) expect(e.supports).toBe(supports);
    const kneeSign = f.confidence.signs.find((s) => s.name === "knee strength normal");
    expect(kneeSign?.state).toBe(supports ? "present" : "absent");
  });
});

describe("labels a person can read", () => {
  it.each([
    {
      name: "unlikely: how sure it is unlikely, not how many signs agree with it",
      file: assessmentFile({
        strength: { tests: [...evenHips, ...normalKnees] },
        selfTests: levelPelvis,
      }),
      runner:
        /^Unlikely, (sure|fairly sure|not sure) — pointing to it: .*; pointing away: hip symmetry \(measured\)/,
      clinician: /^UNLIKELY · confidence \w+ — for: .*; against: hip symmetry \(measured\)/,
    },
    {
      name: "undetermined: says what is not tested instead of '1 of 1 signs agree'",
      file: assessmentFile(),
      runner:
        /^Not known yet — pointing to it: none; pointing away: none; not tested: hip symmetry/,
      clinician:
        /^UNDETERMINED · confidence low — for: none; against: none; not tested: hip symmetry/,
    },
  ])("$name", ({ file, runner, clinician }) => {
    const f = finding(file, "hip-driven-knee-pain");
    expect(f.label.runner).toMatch(runner);
    expect(f.label.clinician).toMatch(clinician);
    expect(f.label.runner).not.toMatch(/of \d+ signs agree/);
  });
});

describe("other findings keep not tested apart from absent", () => {
  const cadenceOnly = {
    movement: [
      {
        task: "running",
        sign: "low-cadence",
        present: false,
        measured: { value: 172, unit: "steps/min" },
        confidence: "moderate",
        method: "clinician-observation",
        observation: "172 steps a minute counted over 30 s.",
        source: "heiderscheit-2011",
      },
    ],
  };
  it.each([
    {
      name: "overstriding with only cadence counted",
      file: assessmentFile(cadenceOnly),
      id: "overstriding" as const,
      plain: "where your foot lands was not filmed from the side",
      never: "Your foot lands close under your body",
    },
    {
      name: "knee strength even, no reference comparison possible",
      file: assessmentFile({
        person: { age: 35, sex: "female", heightCm: 168, bodyMass: "unknown" },
        strength: { tests: normalKnees },
      }),
      id: "knee-strength-deficit" as const,
      plain: "test even on both sides",
      never: "test normal",
    },
    {
      name: "load with weekly distances only",
      file: assessmentFile({ training: { weeklyDistance: [20, 21, 22, 23] } }),
      id: "load-error" as const,
      plain: "(not checked: single-run spike)",
      never: "never",
    },
  ])("$name", ({ file, id, plain, never }) => {
    const f = finding(file, id);
    expect(f.status).toBe("unlikely");
    expect(f.plain).toContain(plain);
    expect(f.plain).not.toContain(never);
  });
});
