/**
 * `hipcheck analyze` on real (rendered) video through the real command: a clip cut short, the
 * progress of every phase on stderr, an output folder refused before any pose estimation.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../vision/ffmpeg.js";
import { writeRunnerVideo } from "../vision/test-support/render-runner.js";
import { ROOT, runCli } from "./test-support/run-cli.js";

/** Pose estimation on a loaded, shared machine: the limit only catches a hang. */
const POSE_TEST_TIMEOUT_MS = 180_000;

const dir = mkdtempSync(join(tmpdir(), "hipcheck-video-cli-"));
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  chmodSync(dir, 0o755);
  await writeRunnerVideo(at("plain.mp4"), { view: "rear", fps: 30, durationS: 4, scale: 0.25 });
  // A phone's MP4 keeps its index first ("faststart"): cut in half, it still opens.
  const remux = spawnSync(findFfmpeg(), [
    ...["-v", "error", "-i", at("plain.mp4"), "-c", "copy", "-movflags", "+faststart"],
    at("clip.mp4"),
  ]);
  if (remux.status !== 0) throw new Error(String(remux.stderr));
  const whole = readFileSync(at("clip.mp4"));
  writeFileSync(at("cut.mp4"), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(at("locked.mp4"), whole);
  chmodSync(at("locked.mp4"), 0o000);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hipcheck analyze on a video", () => {
  it(
    "says how much of a clip cut short could be read",
    async () => {
      const run = await runCli(["analyze", at("cut.mp4")]);
      expect(run.code).toBe(0);
      const flat = run.stdout.replace(/\s+/g, " ");
      expect(flat).toMatch(
        /cut\.mp4 ends early: \d+ of the 120 frames its header announces could be read \(\d\.\d s of 4\.0 s\)/,
      );
      const read = Number(flat.match(/ends early: (\d+) of/)?.[1]);
      expect(read).toBeGreaterThan(20);
      expect(read).toBeLessThan(100);
      expect(run.stdout).toMatch(/480×270, 30 fps, 4\.0 s, \d\.\d s readable/);
      // Progress says where it stopped instead of hanging at a percentage.
      expect(run.stderr).toContain(`Finding the runner: stopped at ${read} of 120 frames`);
    },
    POSE_TEST_TIMEOUT_MS,
  );

  it(
    "shows progress on stderr for every phase, also with --json, then the time it took",
    async () => {
      const out = at("out");
      const run = await runCli(["analyze", at("clip.mp4"), "--out", out, "--mp4", "--json"]);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.files.sort()).toEqual(
        [
          "analysis.json",
          "annotated.mp4",
          "keypoints.json",
          "left-pelvic-drop.png",
          "left-contact.png",
          "right-pelvic-drop.png",
          "right-contact.png",
        ].sort(),
      );
      expect(readdirSync(out).sort()).toEqual([...result.files].sort());
      const lines = run.stderr.trim().split("\n");
      expect(lines.find((l) => l.startsWith("Finding the runner"))).toBeDefined();
      expect(lines).toContain(`Finding the runner [${"#".repeat(30)}] 100% (120/120 frames)`);
      expect(lines).toContain(`Drawing the pictures [${"#".repeat(30)}] 100% (4/4 pictures)`);
      expect(lines).toContain(`Writing annotated.mp4 [${"#".repeat(30)}] 100% (120/120 frames)`);
      expect(lines[lines.length - 1]).toMatch(/^Done in \d+\.\d s$/);
    },
    POSE_TEST_TIMEOUT_MS,
  );

  it("refuses an --out it cannot write before finding the runner", async () => {
    mkdirSync(at("a-file-parent"));
    writeFileSync(at("a-file-parent/file"), "");
    for (const out of ["/proc/x", at("a-file-parent/file/out")]) {
      const run = await runCli(["analyze", at("clip.mp4"), "--out", out]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      // One line: no progress, so no pose estimation was started.
      expect(run.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(`^hipcheck: cannot write --out ${out}`),
      ]);
    }
  });

  it("says that a video it may not open cannot be read, and why", async () => {
    const run = await runCli(
      ["analyze", at("locked.mp4")],
      process.getuid?.() === 0 ? { uid: 65534 } : {},
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`hipcheck: ${at("locked.mp4")} cannot be read (permission denied).\n`);
  });

  it(
    "leaves the earlier --out as it was when interrupted half way",
    async () => {
      const out = at("interrupted");
      mkdirSync(out);
      writeFileSync(join(out, "analysis.json"), "the earlier, complete run");
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "analyze", at("clip.mp4"), "--out", out, "--mp4"],
        { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
      );
      // Interrupted as soon as the pose estimation has started.
      child.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Finding the runner")) child.kill("SIGINT");
      });
      const ended = await new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("close", (_code, signal) => resolve(signal)),
      );
      // Ended by the interrupt itself: a shell reports exit status 130.
      expect(ended).toBe("SIGINT");
      expect(readdirSync(out)).toEqual(["analysis.json"]);
      expect(readFileSync(join(out, "analysis.json"), "utf8")).toBe("the earlier, complete run");
      expect(readdirSync(dir).filter((name) => name.startsWith(".interrupted"))).toEqual([]);
    },
    POSE_TEST_TIMEOUT_MS,
  );
});
