import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { POSE_MODELS } from "../../src/vision/model-files.js";
import { CONVERTED_MODELS, convertPoseModel } from "./pose-models.js";

const folder = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "vision", "models");
const sums = new Map(
  readFileSync(join(folder, "SHA256SUMS"), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [sum = "", name = ""] = line.split(/\s+/);
      return [name, sum] as const;
    }),
);

describe("the committed ONNX pose models", () => {
  for (const kind of CONVERTED_MODELS) {
    const name = `${POSE_MODELS[kind].fileStem}.onnx`;
    it(`${name} is what scripts/convert-pose-models.ts makes, and its checksum is listed`, () => {
      const made = convertPoseModel(kind);
      const committed = readFileSync(join(folder, name));
      const sum = createHash("sha256").update(made).digest("hex");
      expect(sums.get(name)).toBe(sum);
      expect(createHash("sha256").update(committed).digest("hex")).toBe(sum);
    });
  }
});
