import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../../core/movement/keypoints.schema.js";
import { syntheticRun } from "../../core/movement/test-support/synthetic-runner.js";
import { writeRunnerVideo } from "../../vision/test-support/render-runner.js";
import { type CommandStreams, runAnalyze } from "./analyze.command.js";

const dir = mkdtempSync(join(tmpdir(), "hipcheck-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const streams = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
  } as unknown as CommandStreams;
  return { streams, out, err };
}

describe("hipcheck analyze", () => {
  const file = join(dir, "run.json");
  writeFileSync(
    file,
    JSON.stringify(exportHipcheckKeypoints(syntheticRun({ view: "side", fps: 60 }).series)),
  );

  it("prints the metrics per side", async () => {
    const { streams, out } = capture();
    expect(await runAnalyze(file, {}, streams)).toBe(0);
    const text = out.join("");
    expect(text).toContain("Running, side view (detected)");
    expect(text).toMatch(/Cadence: 170 steps\/min/);
    expect(text).toMatch(/Knee flexion at contact \(°\)\s+4\d\.\d ± \d\.\d \(\d+\)/);
  });

  it("prints JSON with --json", async () => {
    const { streams, out } = capture();
    expect(await runAnalyze(file, { json: true }, streams)).toBe(0);
    const result = JSON.parse(out.join(""));
    expect(result.analysis.kind).toBe("running");
    expect(result.evidence.some((e: { sign: string }) => e.sign === "low-cadence")).toBe(true);
  });

  it.each([
    [{ view: "top" }, 'view: expected one of "rear", "front", "side", got "top"'],
    [{ fps: "5000" }, "fps: --fps must be between 1 and 1000"],
    [{ mp4: true }, "mp4: --mp4 needs --out DIR, the folder to write annotated.mp4 in"],
    [{ backend: "gpu" }, 'backend: expected one of "onnx", "tfjs", got "gpu"'],
  ])("refuses bad options %j with a message and exit code 1", async (flags, message) => {
    const { streams, err } = capture();
    expect(await runAnalyze(file, flags, streams)).toBe(1);
    expect(err.join("")).toContain(message);
  });

  it("runs the pose model on the backend --backend names", { timeout: 180_000 }, async () => {
    const video = join(dir, "run.mp4");
    await writeRunnerVideo(video, { view: "rear", fps: 30, durationS: 1, scale: 0.25 });
    const { streams, out } = capture();
    expect(await runAnalyze(video, { backend: "tfjs", json: true }, streams)).toBe(0);
    const result = JSON.parse(out.join(""));
    expect(result).toMatchObject({ model: "movenet-lightning", backend: "tfjs" });
    expect(result.video.frameCount).toBe(30);
  });

  it("refuses a missing input", async () => {
    const { streams, err } = capture();
    expect(await runAnalyze(join(dir, "nope.mp4"), {}, streams)).toBe(1);
    expect(err.join("")).toContain("nope.mp4 does not exist");
  });
});
