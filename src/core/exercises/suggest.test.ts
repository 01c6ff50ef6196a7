import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, nameDistance, normaliseName } from "./suggest.js";

describe("editDistance", () => {
  it.each([
    ["clamshell", "clamshell", 0],
    ["clamshel", "clamshell", 1],
    ["squat", "squats", 1],
    ["lunge", "plunge", 1],
    ["", "bridge", 6],
  ])("%j to %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  const word = fc.string({ maxLength: 12 });
  it("is symmetric, zero only for equal strings, and never more than the longer length", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it("obeys the triangle inequality", () => {
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });
});

describe("nameDistance", () => {
  it("treats case, hyphens and punctuation alike", () => {
    expect(normaliseName("Side-lying  Clamshell!")).toBe("side lying clamshell");
    expect(nameDistance("SIDE LYING clamshell", "side-lying-clamshell")).toBe(0);
  });

  it("forgives a slip in one word of several", () => {
    expect(nameDistance("pirformis stretch", "piriformis-stretch")).toBe(0);
    expect(nameDistance("glute brige", "glute-bridge")).toBe(0);
  });

  it("keeps unrelated names far apart", () => {
    expect(nameDistance("deadlift", "walking-child-pose")).toBeGreaterThan(0.5);
  });
});
