import { formatNumber } from "../format.js";
import type { Side } from "../side.js";
import type {
  ReferenceBand,
  ReferenceComparison,
  StrengthContext,
  StrengthMethod,
  StrengthPosition,
  StrengthTestName,
} from "./strength.types.js";

/**
 * Ramskov 2014 (ramskov-2014): eccentric hip abduction in 831 novice runners aged 18–65,
 * expected Nm/kg = 1.600 − 0.005 × age + 0.215 × (male ? 1 : 0), SD 0.354.
 */
export const RAMSKOV_2014 = {
  intercept: 1.6,
  perYear: -0.005,
  male: 0.215,
  sd: 0.354,
  ages: { min: 18, max: 65 },
  method: "break",
  position: "side-lying",
} as const;

/**
 * Isometric knee torque in healthy adults, Nm/kg (knee-strength-meta, mostly fixed
 * dynamometers). The meta-analysis gives no range for women's knee flexion.
 */
export const KNEE_REFERENCE_RANGES = {
  "knee-extension": { male: { low: 2.92, high: 3.45 }, female: { low: 2.08, high: 2.74 } },
  "knee-flexion": { male: { low: 1.15, high: 1.62 }, female: undefined },
} as const;

/** Hip abduction expected by Ramskov 2014, Nm/kg, for an age in years (valid 18–65). */
export function ramskovExpected(age: number, sex: "female" | "male"): number {
  return (
    RAMSKOV_2014.intercept + RAMSKOV_2014.perYear * age + (sex === "male" ? RAMSKOV_2014.male : 0)
  );
}

/**
 * Standard normal cumulative distribution Φ(z), 0–1 (Abramowitz & Stegun 26.2.17 via erf
 * 7.1.26; absolute error < 1.5 × 10⁻⁷). Turns a z-score into a percentile.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Band for a value against a range (Nm/kg): below the low end, above the high end, else within. */
export function bandForRange(value: number, range: { low: number; high: number }): ReferenceBand {
  if (value < range.low) return "below";
  if (value > range.high) return "above";
  return "within";
}

/** Band for a z-score against the clinic's limit (settings.referenceZ, default 1). */
export function bandForZ(z: number, limit: number): ReferenceBand {
  if (z < -limit) return "below";
  if (z > limit) return "above";
  return "within";
}

/** What a reference lookup needs about one side of one test. */
export interface ReferenceQuery {
  test: StrengthTestName;
  side: Side;
  method: StrengthMethod;
  position: StrengthPosition;
  /** Torque per body mass, Nm/kg; undefined without a lever arm or body mass. */
  torqueNmPerKg?: number;
  /** false when body mass is unknown, so nothing per kg exists. */
  bodyMassKnown?: boolean;
  context: Pick<StrengthContext, "age" | "sex"> & { referenceZ: number };
}

/** A comparison, or the reason there is none; undefined for a test without reference values. */
export type ReferenceOutcome = { reference: ReferenceComparison } | { missing: string } | undefined;

/**
 * Compares one side's torque per body mass with published values where they exist:
 * hip abduction (ramskov-2014), knee extension and flexion (knee-strength-meta).
 */
export function compareWithReference(query: ReferenceQuery): ReferenceOutcome {
  if (
    query.test !== "hip-abduction" &&
    query.test !== "knee-extension" &&
    query.test !== "knee-flexion"
  ) {
    return undefined;
  }
  if (query.bodyMassKnown === false) {
    return {
      missing: `Body mass is unknown, so there is no torque per kg on the ${query.side} side to compare with reference values.`,
    };
  }
  if (query.torqueNmPerKg === undefined) {
    return {
      missing: `No lever arm on the ${query.side} side, so there is no torque per kg to compare with reference values: enter leverArmCm (joint centre to the dynamometer pad).`,
    };
  }
  return query.test === "hip-abduction"
    ? hipAbductionReference(query, query.torqueNmPerKg)
    : kneeReference(query, query.test, query.torqueNmPerKg);
}

function hipAbductionReference(query: ReferenceQuery, value: number): ReferenceOutcome {
  const { age, sex } = query.context;
  if (age === undefined) {
    return { missing: "Age is needed for the hip abduction reference equation (ramskov-2014)." };
  }
  const caveats: string[] = [];
  if (query.method === "unknown") {
    caveats.push(
      "The test method (make or break) was not recorded; the reference was measured with a break test, and the two methods give different readings (stratford-1994), so compare with care.",
    );
  } else if (query.method !== RAMSKOV_2014.method) {
    caveats.push(
      "The reference was measured with a break (eccentric) test; this was a make test, and the two methods give different readings (stratford-1994), so compare with care.",
    );
  }
  if (query.position !== RAMSKOV_2014.position) {
    caveats.push(
      `The reference was measured side-lying; this test was ${query.position === "unknown" ? "in a position not recorded" : query.position}, and position alone changes hip abduction readings by up to about 30 % (cerda-vega-2018).`,
    );
  }
  if (age < RAMSKOV_2014.ages.min || age > RAMSKOV_2014.ages.max) {
    caveats.push(
      `The equation comes from runners aged ${RAMSKOV_2014.ages.min}–${RAMSKOV_2014.ages.max}; at ${formatNumber(age, 0)} it is an extrapolation.`,
    );
  }
  const population = `Novice runners aged ${RAMSKOV_2014.ages.min}–${RAMSKOV_2014.ages.max}, eccentric hip abduction with a hand-held dynamometer (n = 831)`;
  const sd = RAMSKOV_2014.sd;
  const limit = query.context.referenceZ;

  if (sex === "female" || sex === "male") {
    const expected = ramskovExpected(age, sex);
    const z = (value - expected) / sd;
    return {
      reference: {
        value,
        expected,
        sd,
        z,
        percentile: normalCdf(z) * 100,
        band: bandForZ(z, limit),
        expectedText: `expected ${formatNumber(expected, 2)} ± ${formatNumber(sd, 2)} Nm/kg (${sex}, age ${formatNumber(age, 0)})`,
        population,
        source: "ramskov-2014",
        caveats,
      },
    };
  }
  // The equation has only a female and a male term: judge against both, below the lower and
  // above the higher, and give no z-score.
  const low = ramskovExpected(age, "female");
  const high = ramskovExpected(age, "male");
  caveats.push(
    `Sex is ${sex === "other" ? "recorded as other" : "not recorded"}; the equation has only female and male terms, so the value is judged against both.`,
  );
  const band: ReferenceBand =
    (value - low) / sd < -limit ? "below" : (value - high) / sd > limit ? "above" : "within";
  return {
    reference: {
      value,
      range: { low, high },
      sd,
      band,
      expectedText: `expected ${formatNumber(low, 2)} (female) to ${formatNumber(high, 2)} (male) ± ${formatNumber(sd, 2)} Nm/kg at age ${formatNumber(age, 0)}`,
      population,
      source: "ramskov-2014",
      caveats,
    },
  };
}

function kneeReference(
  query: ReferenceQuery,
  test: "knee-extension" | "knee-flexion",
  value: number,
): ReferenceOutcome {
  const ranges = KNEE_REFERENCE_RANGES[test];
  const { sex } = query.context;
  const movement = test === "knee-extension" ? "extension" : "flexion";
  const caveats = [
    "The reference comes mostly from fixed dynamometers; a hand-held reading can differ, and a strong patient can overpower the tester (krause-2014).",
  ];
  if (query.method === "unknown") {
    caveats.push("The test method was not recorded; the reference is isometric (a make test).");
  } else if (query.method === "break") {
    caveats.push(
      "The reference is isometric; a break test loads the muscle eccentrically and reads differently (stratford-1994).",
    );
  }

  let range: { low: number; high: number };
  let who: string;
  if (sex === "male") {
    range = ranges.male;
    who = "men";
  } else if (ranges.female === undefined) {
    return {
      missing:
        sex === "female"
          ? "The knee strength meta-analysis gives no knee flexion range for women, so there is nothing to compare with."
          : "The knee strength meta-analysis gives a knee flexion range for men only, and sex is not recorded as male.",
    };
  } else if (sex === "female") {
    range = ranges.female;
    who = "women";
  } else {
    range = { low: ranges.female.low, high: ranges.male.high };
    who = "women and men together";
    caveats.push(
      `Sex is ${sex === "other" ? "recorded as other" : "not recorded"}, so the value is judged against the span from the women's low end to the men's high end.`,
    );
  }
  return {
    reference: {
      value,
      range,
      band: bandForRange(value, range),
      expectedText: `${formatNumber(range.low, 2)}–${formatNumber(range.high, 2)} Nm/kg (${who})`,
      population: `Healthy adults (${who}), isometric knee ${movement} (meta-analysis)`,
      source: "knee-strength-meta",
      caveats,
    },
  };
}
