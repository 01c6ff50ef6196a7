/**
 * Where it hurts → the condition it most likely is (seed-002, seed-003). Always "likely":
 * the location suggests a condition, only an examination can diagnose one.
 */
import type { Laterality } from "../side.js";
import type { SourceId } from "../sources.js";
import type { Pain, PainArea } from "./intake.schema.js";

export type KneeCondition = "itbs" | "patellofemoral-pain" | "pes-anserine" | "posterior-knee-pain";

export interface LikelyCondition {
  condition: KneeCondition;
  /** Clinical name, e.g. "iliotibial band syndrome". */
  name: string;
  /** One sentence for the report, e.g. "Likely iliotibial band syndrome (pain on the outside of the right knee)". */
  statement: string;
  area: PainArea;
  side: Laterality;
  /** true for the patterns the seeds tie to hip weakness; posterior pain is not one of them. */
  hipLinked: boolean;
  source: SourceId;
}

interface Pattern {
  condition: KneeCondition;
  name: string;
  /** Where the pain is, before "the right knee" / "both knees". */
  where: string;
  /** Said after the knee, to place the pain more exactly. */
  detail: string;
  hipLinked: boolean;
  source: SourceId;
}

const PATTERNS: Readonly<Record<PainArea, Pattern>> = {
  // Outside of the knee: the distal iliotibial band over the lateral femoral condyle (seed-002, seed-003).
  lateral: {
    condition: "itbs",
    name: "iliotibial band syndrome",
    where: "on the outside of",
    detail: "",
    hipLinked: true,
    source: "seed-002",
  },
  // Front of the knee, around or below the kneecap (seed-003).
  anterior: {
    condition: "patellofemoral-pain",
    name: "patellofemoral pain",
    where: "at the front of",
    detail: ", around or below the kneecap",
    hipLinked: true,
    source: "seed-003",
  },
  // Inside of the knee, below the joint line (seed-003).
  medial: {
    condition: "pes-anserine",
    name: "pes anserine tendinopathy or bursitis",
    where: "on the inside of",
    detail: "",
    hipLinked: true,
    source: "seed-003",
  },
  // None of the seeds links pain behind the knee to the hip; seed-004: see a professional for a diagnosis.
  posterior: {
    condition: "posterior-knee-pain",
    name: "posterior knee pain",
    where: "at the back of",
    detail: "",
    hipLinked: false,
    source: "seed-004",
  },
};

const kneePhrase = (side: Laterality): string =>
  side === "both" ? "both knees" : `the ${side} knee`;

function statementFor(pattern: Pattern, side: Laterality): string {
  const place = `${pattern.where} ${kneePhrase(side)}${pattern.detail}`;
  if (!pattern.hipLinked) {
    return `Pain ${place} is not one of the patterns linked to the hip: have it assessed by a physiotherapist or doctor`;
  }
  return `Likely ${pattern.name} (pain ${place})`;
}

/**
 * The likely condition for each painful area, in the order first listed (seed-002, seed-003).
 * The same area on the left and right is reported once, as "both".
 */
export function likelyConditions(pain: Pick<Pain, "locations">): LikelyCondition[] {
  const sides = new Map<PainArea, Laterality>();
  for (const { area, side } of pain.locations) {
    const seen = sides.get(area);
    sides.set(area, seen === undefined || seen === side ? side : "both");
  }
  return [...sides].map(([area, side]) => {
    const pattern = PATTERNS[area];
    return {
      condition: pattern.condition,
      name: pattern.name,
      statement: statementFor(pattern, side),
      area,
      side,
      hipLinked: pattern.hipLinked,
      source: pattern.source,
    };
  });
}
