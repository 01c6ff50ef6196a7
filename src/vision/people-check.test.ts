import { describe, expect, it } from "vitest";
import type { RawPoint } from "../core/movement/keypoints.types.js";
import { bodyBox, isOtherPerson, peopleSeen } from "./people-check.js";

/** A standing person's 17 COCO points around (cx, top), `height` pixels tall. */
const person = (at: { cx: number; top: number }, height: number, score = 0.8): RawPoint[] =>
  Array.from({ length: 17 }, (_, i) => {
    const y = i <= 4 ? 0.05 : i <= 10 ? 0.2 + 0.05 * (i - 5) : i <= 12 ? 0.5 : i <= 14 ? 0.75 : 1;
    const x = i % 2 === 0 ? 0.1 : -0.1;
    return { x: at.cx + x * height, y: at.top + y * height, score };
  });

describe("looking for someone else in the picture", () => {
  it("boxes the followed person's body with a margin", () => {
    const box = bodyBox(person({ cx: 500, top: 100 }, 400));
    // Points span 80 × 380 px; the margin is 15 % of 380 = 57 px on every side.
    expect(box?.x).toBeCloseTo(403, 6);
    expect(box?.y).toBeCloseTo(63, 6);
    expect(box?.width).toBeCloseTo(194, 6);
    expect(box?.height).toBeCloseTo(494, 6);
    expect(bodyBox(person({ cx: 500, top: 100 }, 400, 0.2))).toBeUndefined();
  });

  it("counts a confident body outside the followed one, and nothing else", () => {
    const mask = { x: 400, y: 60, width: 200, height: 500 };
    expect(isOtherPerson(person({ cx: 800, top: 100 }, 380), mask)).toBe(true);
    // The followed person again (the model looking through the black box) is not someone else.
    expect(isOtherPerson(person({ cx: 500, top: 100 }, 380), mask)).toBe(false);
    // Scores of a model guessing at an empty frame.
    expect(isOtherPerson(person({ cx: 800, top: 100 }, 380, 0.25), mask)).toBe(false);
  });

  it("estimates frames with several people from the share of looks that found someone", () => {
    expect(peopleSeen({ frames: 600, checks: 10, withOthers: 3 })).toEqual({
      maxInFrame: 2,
      framesWithSeveral: 180,
    });
    expect(peopleSeen({ frames: 600, checks: 10, withOthers: 0 })).toEqual({
      maxInFrame: 1,
      framesWithSeveral: 0,
    });
    expect(peopleSeen({ frames: 20, checks: 0, withOthers: 0 }).framesWithSeveral).toBe(0);
  });
});
