import { describe, expect, it } from "vitest";
import { assess } from "../core/assessment/assess.js";
import {
  ALL_CLEAR_RED_FLAGS,
  assessmentFile,
  pairedTest,
} from "../core/test-support/assessment.builder.js";
import { renderAssessment } from "./assessment-text.js";

/** A runner with a clear hip deficit and painful anterior knee, so findings would exist without the flag. */
function flagged(redFlags: Record<string, unknown>, trauma: Record<string, unknown> = {}) {
  return assessmentFile({
    person: { age: 34, sex: "female", heightCm: 168, bodyMass: 60 },
    symptoms: {
      pain: {
        locations: [{ area: "anterior", side: "right" }],
        atRest: 0,
        duringRun: 5,
        afterRun: 3,
      },
      aggravators: {},
      trauma: { recent: false, ...trauma },
    },
    redFlags: { ...ALL_CLEAR_RED_FLAGS, ...redFlags },
    strength: { tests: [...pairedTest("hip-abduction", 240, 170)] },
  });
}

describe("a red flag owns the report", () => {
  it.each([
    [
      "adult hip pain on rotation",
      flagged({ hipPainOnRotation: true }),
      "Suspected femoral neck stress fracture",
      "stress fracture at the top of the thigh bone",
    ],
    [
      "septic arthritis",
      flagged({ hotSwollenWithFever: true }),
      "Suspected septic arthritis",
      "infection inside the joint",
    ],
    [
      "rapid swelling after an injury",
      flagged({}, { recent: true, daysAgo: 2, swellingWithinTwoHours: true }),
      "Rapid swelling after injury",
      "bleeding inside the joint",
    ],
  ])("%s: referral, urgency and what to do meanwhile, alone", (_, file, title, plain) => {
    const result = assess(file);
    expect(result.findings).toEqual([]);
    expect(result.likelyConditions).toEqual([]);
    for (const audience of ["runner", "clinician"] as const) {
      const text = renderAssessment(result, audience).replace(/\s+/g, " ");
      expect(text).toContain(title);
      expect(text).toContain("Until you are seen:");
      expect(text).toMatch(/In short: stop running and get seen today/);
      // No overuse label and no office test next to a fracture or an infection.
      expect(text).not.toMatch(/likely (patellofemoral|pes anserine|iliotibial)/i);
      expect(text).not.toMatch(/hip-driven|dynamometer|single-leg squat|→ Test/i);
      expect(text).not.toContain("FINDINGS");
    }
    const runner = renderAssessment(result, "runner").replace(/\s+/g, " ");
    expect(runner).toContain(plain);
    expect(runner).not.toMatch(/haemarthrosis|septic arthritis until shown|MRI if the radiograph/);
  });
});
