import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportHipcheckKeypoints } from "../core/movement/keypoints.schema.js";
import { syntheticRun } from "../core/movement/test-support/synthetic-runner.js";
import { runCli, tempFile } from "./test-support/run-cli.js";

describe("hipcheck analyze → assess", () => {
  it("measures a right pelvic drop from keypoints and the assessment takes it as evidence", async () => {
    const { series } = syntheticRun({ view: "rear", pelvicDropDeg: { left: 3, right: 9 } });
    const keypoints = await tempFile("run.json", JSON.stringify(exportHipcheckKeypoints(series)));
    const out = join(dirname(keypoints), "result");

    const analyzed = await runCli(["analyze", keypoints, "--out", out]);
    expect(analyzed.code).toBe(0);
    expect(analyzed.stdout).toContain("Running, rear view (detected)");
    expect(analyzed.stdout).toMatch(/Cadence: 170 steps\/min/);
    const analysis = JSON.parse(await readFile(join(out, "analysis.json"), "utf8"));
    const drop = analysis.evidence.find(
      (e: { sign: string; side?: string }) => e.sign === "pelvic-drop" && e.side === "right",
    );
    expect(drop).toMatchObject({ present: true, method: "video" });
    expect(drop.measured.value).toBeCloseTo(9, 0);

    const assessment = await tempFile(
      "a.json",
      await readFile("examples/symptoms-only.json", "utf8"),
    );
    const assessed = await runCli([
      "assess",
      assessment,
      "--movement",
      join(out, "analysis.json"),
      "--json",
    ]);
    expect(assessed.code).toBe(0);
    const result = JSON.parse(assessed.stdout);
    const hip = result.findings.find((f: { id: string }) => f.id === "hip-driven-knee-pain");
    expect(
      hip.evidence.some(
        (e: { statement: string; supports: boolean }) => e.supports && /pelvi/i.test(e.statement),
      ),
    ).toBe(true);
    expect(result.movement.filter((m: { method: string }) => m.method === "video").length).toBe(
      analysis.evidence.length,
    );
  });

  it("names an analysis file that holds no evidence", async () => {
    const bad = await tempFile("analysis.json", JSON.stringify({ hello: 1 }));
    const run = await runCli(["assess", "examples/symptoms-only.json", "--movement", bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`movement analysis ${bad}`);
    expect(run.stderr).toContain("evidence: no evidence list");
  });

  it("says so when a video file is not a video", async () => {
    const bad = await tempFile("run.mp4", "not a video at all");
    await writeFile(bad, "not a video at all");
    const run = await runCli(["analyze", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^hipcheck: /);
  });
});
