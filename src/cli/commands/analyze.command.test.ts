import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../../core/movement/keypoints.schema.js";
import { syntheticRun } from "../../core/movement/test-support/synthetic-runner.js";
import { writeRunnerVideo } from "../../vision/test-support/render-runner.js";
import { EXIT, exitCodeFor } from "../exit-codes.js";
import type { CommandStreams } from "../output.js";
import { runAnalyze } from "./analyze.command.js";

const dir = mkdtempSync(join(tmpdir(), "hipcheck-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const streams: CommandStreams = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
  };
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
    await runAnalyze(file, {}, streams);
    const text = out.join("");
    expect(text).toContain("Running, side view (detected)");
    expect(text).toMatch(/Cadence: 170 steps\/min/);
    expect(text).toMatch(/Knee flexion at contact \(°\)\s+4\d\.\d ± \d\.\d \(\d+\)/);
  });

  it("prints JSON with --json", async () => {
    const { streams, out } = capture();
    await runAnalyze(file, { json: true }, streams);
    const result = JSON.parse(out.join(""));
    expect(result.analysis.kind).toBe("running");
    expect(result.evidence.some((e: { sign: string }) => e.sign === "low-cadence")).toBe(true);
  });

  it("refuses --mp4 without --out as a command-line error", async () => {
    const { streams } = capture();
    const failure = await runAnalyze(file, { mp4: true }, streams).catch((e: unknown) => e);
    expect(exitCodeFor(failure)).toBe(EXIT.usage);
    expect(String(failure)).toContain(
      "--mp4 needs --out DIR, the folder to write annotated.mp4 in",
    );
  });

  it("says so when --mp4 is given for keypoints, which have no frames to draw on", async () => {
    const { streams, err } = capture();
    await runAnalyze(file, { mp4: true, out: join(dir, "mp4-out") }, streams);
    expect(err.join("")).toContain("no annotated.mp4 is written");
  });

  it("runs the pose model on the backend --backend names", { timeout: 180_000 }, async () => {
    const video = join(dir, "run.mp4");
    await writeRunnerVideo(video, { view: "rear", fps: 30, durationS: 1, scale: 0.25 });
    const { streams, out } = capture();
    await runAnalyze(video, { backend: "tfjs", json: true }, streams);
    const result = JSON.parse(out.join(""));
    expect(result).toMatchObject({ model: "movenet-lightning", backend: "tfjs" });
    expect(result.video.frameCount).toBe(30);
  });

  it("refuses a missing input", async () => {
    const { streams } = capture();
    const failure = await runAnalyze(join(dir, "nope.mp4"), {}, streams).catch((e: unknown) => e);
    expect(exitCodeFor(failure)).toBe(EXIT.input);
    expect(String(failure)).toContain("nope.mp4 does not exist");
  });
});
