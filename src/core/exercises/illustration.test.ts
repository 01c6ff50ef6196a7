import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Point } from "./figure.types.js";
import { escapeXml, renderIllustration } from "./illustration.js";
import { EXERCISES, illustrate } from "./library.js";
import { BODY, resolvePose } from "./pose.js";
import { leg, standing } from "./poses.js";

const ATTRIBUTE = /\s+([a-zA-Z][a-zA-Z0-9-]*)="([^"<>]*)"/y;

/** Checks that an SVG string is well-formed XML: tags nest and close, attributes are quoted. */
function xmlProblems(svg: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(svg); match; match = tag.exec(svg)) {
    const text = svg.slice(last, match.index);
    if (/[<>]|&(?!(amp|lt|gt|quot|apos);)/.test(text)) problems.push(`bad text ${text}`);
    last = tag.lastIndex;
    const [, closing, name = "", attributes = "", selfClosing] = match;
    if (closing) {
      if (open.pop() !== name) problems.push(`</${name}> closes nothing open`);
      continue;
    }
    let at = 0;
    ATTRIBUTE.lastIndex = 0;
    while (at < attributes.length) {
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(attributes);
      if (!attribute) {
        if (attributes.slice(at).trim() !== "") problems.push(`bad attributes on <${name}>`);
        break;
      }
      at = ATTRIBUTE.lastIndex;
    }
    if (!selfClosing) open.push(name);
  }
  if (open.length > 0) problems.push(`unclosed ${open.join(", ")}`);
  if (svg.slice(last).trim() !== "") problems.push("text after the root element");
  return problems;
}

describe("every exercise has a figure", () => {
  it.each(EXERCISES.map((e) => [e.id, e.name] as const))("%s", (id, name) => {
    const svg = illustrate(id);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="')).toBe(true);
    expect(svg).toContain(`<title>${escapeXml(name)}</title>`);
    expect(svg).not.toMatch(/NaN|Infinity|href|url\(|<script|<image/);
    expect(svg.match(/https?:/g)).toEqual(["http:"]); // the SVG namespace only
    expect(svg.match(/<circle/g)?.length ?? 0).toBeGreaterThan(0); // at least a head
    expect(illustrate(id)).toBe(svg); // same input, same picture
  });

  it("sizes the picture from its viewBox, two pixels per unit", () => {
    const svg = illustrate("squat");
    const [, , , width = "0", height = "0"] = /viewBox="(\S+) (\S+) (\S+) (\S+)"/.exec(svg) ?? [];
    expect(svg).toContain(`width="${Number(width) * 2}"`);
    expect(svg).toContain(`height="${Math.round(Number(height) * 20) / 10}"`);
    expect(Number(width)).toBeGreaterThanOrEqual(240); // two panels of 120
  });

  it("draws bands in green and movement arrows in orange", () => {
    const svg = illustrate("banded-clamshell");
    expect(svg).toContain('stroke="#16a34a"');
    expect(svg).toContain('fill="#ea580c"');
  });

  it("escapes a title that contains markup characters", () => {
    const svg = renderIllustration({ panels: [{ start: standing(60) }] }, "Hip <90/90> & more");
    expect(svg).toContain("<title>Hip &lt;90/90&gt; &amp; more</title>");
    expect(xmlProblems(svg)).toEqual([]);
  });
});

describe("figure geometry", () => {
  const angle = fc.double({ min: -360, max: 360, noNaN: true });
  const length = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);

  it("keeps every segment its body length whatever the angles", () => {
    fc.assert(
      fc.property(angle, angle, angle, angle, (trunk, upper, lower, arm) => {
        const pose = resolvePose({
          pelvis: [60, 40],
          trunk,
          nearLeg: { upper, lower },
          farLeg: { upper: lower, lower: upper },
          nearArm: { upper: arm, lower: arm },
          farArm: { upper: arm, lower: upper },
        });
        expect(length(...pose.segments.trunk)).toBeCloseTo(BODY.trunk, 9);
        expect(length(...pose.segments.nearThigh)).toBeCloseTo(BODY.thigh, 9);
        expect(length(...pose.segments.farShank)).toBeCloseTo(BODY.shank, 9);
        expect(length(...pose.segments.nearForearm)).toBeCloseTo(BODY.forearm, 9);
        expect(length(...pose.segments.nearFoot)).toBeCloseTo(BODY.footSide, 9);
      }),
    );
  });

  it("places the ankle where a leg is aimed, bent or straight", () => {
    const reach = fc.double({ min: 5, max: 42, noNaN: true });
    fc.assert(
      fc.property(reach, angle, fc.boolean(), (distance, heading, ccw) => {
        const base = standing(60);
        const hip = base.pelvis;
        const ankle: Point = [
          hip[0] + distance * Math.cos((heading * Math.PI) / 180),
          hip[1] + distance * Math.sin((heading * Math.PI) / 180),
        ];
        const pose = resolvePose({
          ...base,
          nearLeg: leg(hip, ankle, { bend: ccw ? "ccw" : "cw" }),
        });
        const [, reached] = pose.segments.nearShank;
        expect(reached[0]).toBeCloseTo(ankle[0], 6);
        expect(reached[1]).toBeCloseTo(ankle[1], 6);
      }),
    );
  });

  it("stands the base figure on the floor with the head about 85 units up", () => {
    const pose = resolvePose(standing(60));
    expect(pose.segments.nearShank[1][1]).toBeCloseTo(0, 6);
    expect(pose.head[1] + BODY.headRadius).toBeCloseTo(42 + 28 + 9 + 6, 6);
  });
});
