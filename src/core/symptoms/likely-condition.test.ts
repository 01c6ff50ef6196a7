import { describe, expect, it } from "vitest";
import type { Laterality } from "../side.js";
import type { PainArea } from "./intake.schema.js";
import { likelyConditions } from "./likely-condition.js";

describe("likelyConditions", () => {
  it.each<[PainArea, Laterality, string, string, boolean, string]>([
    [
      "lateral",
      "right",
      "itbs",
      "Likely iliotibial band syndrome (pain on the outside of the right knee)",
      true,
      "seed-002",
    ],
    [
      "anterior",
      "left",
      "patellofemoral-pain",
      "Likely patellofemoral pain (pain at the front of the left knee, around or below the kneecap)",
      true,
      "seed-003",
    ],
    [
      "medial",
      "both",
      "pes-anserine",
      "Likely pes anserine tendinopathy or bursitis (pain on the inside of both knees)",
      true,
      "seed-003",
    ],
    [
      "posterior",
      "right",
      "posterior-knee-pain",
      "Pain at the back of the right knee is not one of the patterns linked to the hip: have it assessed by a physiotherapist or doctor",
      false,
      "seed-004",
    ],
  ])("%s pain on the %s → %s", (area, side, condition, statement, hipLinked, source) => {
    expect(likelyConditions({ locations: [{ area, side }] })).toEqual([
      { condition, name: expect.any(String), statement, area, side, hipLinked, source },
    ]);
  });

  it("never states a diagnosis: every hip-linked statement starts with 'Likely'", () => {
    const areas: PainArea[] = ["lateral", "anterior", "medial"];
    for (const result of likelyConditions({
      locations: areas.map((area) => ({ area, side: "left" as const })),
    })) {
      expect(result.statement.startsWith("Likely ")).toBe(true);
    }
  });

  it("reports each area once, in the order first listed, merging left and right into both", () => {
    const results = likelyConditions({
      locations: [
        { area: "anterior", side: "left" },
        { area: "lateral", side: "right" },
        { area: "anterior", side: "right" },
        { area: "lateral", side: "right" },
      ],
    });
    expect(results.map((r) => [r.condition, r.side])).toEqual([
      ["patellofemoral-pain", "both"],
      ["itbs", "right"],
    ]);
    expect(results[0]?.statement).toBe(
      "Likely patellofemoral pain (pain at the front of both knees, around or below the kneecap)",
    );
  });
});
