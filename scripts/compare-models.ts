/**
 * Which pose model by default? Renders phone-like clips of the synthetic runner (a side view
 * at 60 fps, a rear view at 30 fps, a panning silhouette at 24 fps), runs each model on them and
 * prints the quality signals the running analysis builds (cadence error, the rhythm's clarity and
 * the contacts' agreement with it, keypoint score, leg swaps, measures withheld) beside the cost
 * in seconds of wall time per second of clip. Run: npm run compare:models [-- --runs N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeRunning } from "../src/core/movement/running-analysis.js";
import type { PoseModelKind } from "../src/vision/model-files.js";
import { writeRunnerVideo } from "../src/vision/test-support/render-runner.js";
import { estimateVideoPose } from "../src/vision/video-pose.js";

interface Clip {
  name: string;
  cadence: number;
  options: Parameters<typeof writeRunnerVideo>[1];
}

const CLIPS: Clip[] = [
  {
    name: "side, 60 fps, 6.5 s",
    cadence: 166.5,
    options: { view: "side", fps: 60, durationS: 6.5, cadence: 166.5, scale: 0.5 },
  },
  {
    name: "rear, 30 fps, 8 s",
    cadence: 170,
    options: { view: "rear", fps: 30, durationS: 8, scale: 0.5 },
  },
  {
    name: "silhouette, panning, 24 fps, 8 s",
    cadence: 170,
    options: {
      view: "side",
      fps: 24,
      durationS: 8,
      scale: 0.5,
      look: "silhouette",
      panPxPerS: 900,
    },
  },
];
const MODELS: PoseModelKind[] = ["lightning", "thunder", "blazepose"];

const dir = mkdtempSync(join(tmpdir(), "hipcheck-models-"));
const f1 = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(1));
try {
  console.log(
    "clip | model | cadence error (steps/min) | rhythm clarity | contacts vs rhythm (%) | off-rhythm contacts | mean score | leg swaps | withheld | s per s of clip",
  );
  const totals = new Map<PoseModelKind, { seconds: number; clip: number; errors: number[] }>();
  for (const clip of CLIPS) {
    const path = join(dir, `${clip.name.replace(/\W+/g, "-")}.mp4`);
    const spec = await writeRunnerVideo(path, clip.options);
    for (const model of MODELS) {
      const pose = await estimateVideoPose(path, { model, workers: 2 });
      const a = analyzeRunning(pose.series);
      const error = a.cadence ? a.cadence.mean - clip.cadence : undefined;
      const total = totals.get(model) ?? { seconds: 0, clip: 0, errors: [] };
      total.seconds += pose.seconds;
      total.clip += spec.durationS;
      total.errors.push(error === undefined ? Number.NaN : Math.abs(error));
      totals.set(model, total);
      console.log(
        `${clip.name} | ${model} | ${error === undefined ? "withheld" : `${error >= 0 ? "+" : ""}${error.toFixed(1)}`} | ${f1(a.rhythm?.clarity)} | ${f1(a.rhythm?.agreementPct)} | ${a.rhythm?.contactsOffRhythm ?? "—"} | ${a.quality.meanScore.toFixed(2)} | ${a.quality.legSwaps} | ${a.withheld.length} | ${(pose.seconds / spec.durationS).toFixed(2)}`,
      );
    }
  }
  console.log("\nmodel | clips measured | worst cadence error | s per s of clip (all clips)");
  for (const [model, t] of totals) {
    const measured = t.errors.filter(Number.isFinite);
    console.log(
      `${model} | ${measured.length}/${t.errors.length} | ${measured.length > 0 ? Math.max(...measured).toFixed(1) : "—"} | ${(t.seconds / t.clip).toFixed(2)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
