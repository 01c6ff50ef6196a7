/** Plain-text report of an analysis for the terminal: metrics per side with quality and warnings. */
import { RUNNING_METRICS, type RunningMetricId } from "../core/movement/running-metrics.js";
import type { MetricSummary } from "../core/movement/stats.js";
import type { AnalysisPhase, AnalyzeResult } from "./analyze-input.js";

/** A number for the report; one that could not be measured shows as "—", never as NaN. */
const num = (value: number | undefined, places = 1) =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(places) : "—";

const cell = (m: MetricSummary | undefined, places = 1) =>
  m ? `${num(m.mean, places)} ± ${num(m.sd, places)} (${m.n})` : "—";

/** Formats the result of `analyzeInput` as a few aligned lines a clinician can read. */
export function formatAnalysis(result: AnalyzeResult, options: { out?: string } = {}): string {
  const a = result.analysis;
  const lines: string[] = [];
  const v = result.video;
  const read = v && v.framesRead < v.frameCount ? `, ${num(v.framesRead / v.fps)} s readable` : "";
  const where = v
    ? `${v.width}×${v.height}, ${num(v.fps, 0)} fps, ${num(v.durationS)} s${read}`
    : result.source;
  lines.push(`${result.input} (${where}; keypoints: ${result.model})`);
  for (const note of result.notes ?? []) lines.push(`Note: ${note}`);
  if (a.kind === "running") {
    lines.push(`Running, ${a.view} view (${a.viewSource}), ${a.steps.length} steps analysed`);
    const rhythm = a.rhythm
      ? `; the clip's rhythm gives ${num(a.rhythm.cadenceFromRhythm)}${a.rhythm.agreementPct === undefined ? "" : `, agreement ${num(a.rhythm.agreementPct)} %`}`
      : "";
    if (a.cadence)
      lines.push(`Cadence: ${num(a.cadence.mean, 0)} steps/min (SD ${num(a.cadence.sd)}${rhythm})`);
    else lines.push("Cadence: not measured (see the warnings)");
    lines.push(
      "",
      `${"measure".padEnd(44)}${"left: mean ± SD (steps)".padEnd(26)}${"right".padEnd(26)}right − left`,
    );
    for (const id of Object.keys(RUNNING_METRICS) as RunningMetricId[]) {
      const l = a.metrics.left[id];
      const r = a.metrics.right[id];
      if (!l && !r) continue;
      const info = RUNNING_METRICS[id];
      const diff = a.asymmetry[id];
      lines.push(
        `${`${info.label} (${info.unit})`.padEnd(44)}${cell(l).padEnd(26)}${cell(r).padEnd(26)}${diff === undefined ? "" : `${diff >= 0 ? "+" : ""}${num(diff)}`}`,
      );
    }
    const withheld = (a.withheld ?? []).map((w) => {
      const info = RUNNING_METRICS[w.metric];
      const unit = info.unit === "°" ? "°" : ` ${info.unit}`;
      const seen = w.seen === undefined ? "" : `, ${num(w.seen)}${unit} seen`;
      return `${info.label}${w.side ? ` (${w.side})` : ""}${seen}`;
    });
    if (withheld.length > 0)
      lines.push(`Not reported (implausible or not measurable here): ${withheld.join("; ")}`);
    const q = a.quality;
    lines.push(
      "",
      `Quality: keypoint score ${num(q.meanScore, 2)}, steps ${q.stepsUsed.left} left / ${q.stepsUsed.right} right, ${Number.isFinite(q.legLengthPx) ? `leg ${q.legLengthPx} px in the picture` : "leg length not measurable"}, leg swaps put back ${q.legSwaps ?? 0}`,
    );
  } else if (a.kind === "single-leg-squat") {
    lines.push(`Single-leg squat, ${a.view} view: ${a.reps.length} repetitions`);
    for (const side of ["left", "right"] as const) {
      const m = a.metrics[side];
      if (!m.kneeFppa && !m.pelvicDrop) continue;
      lines.push(
        `  ${side} leg: knee FPPA ${cell(m.kneeFppa)}°, pelvic drop ${cell(m.pelvicDrop)}°, trunk lean ${cell(m.trunkLean)}°, depth ${cell(m.depthPct, 0)} % leg`,
      );
    }
  } else {
    lines.push(`Single-leg stance: ${a.holds.length} hold${a.holds.length === 1 ? "" : "s"}`);
    for (const hold of a.holds) {
      lines.push(
        `  on the ${hold.side} leg for ${num(hold.durationS, 0)} s: pelvic drop ${cell(hold.pelvicDrop)}°, up to ${num(hold.peakDropDeg)}°`,
      );
    }
  }
  const warnings = [...result.notices, ...a.warnings.map((w) => w.message)];
  if (warnings.length > 0) {
    lines.push("Warnings:");
    for (const w of warnings) lines.push(`  - ${w}`);
  }
  if (result.evidence.length > 0) {
    lines.push("Movement evidence:");
    for (const e of result.evidence) {
      lines.push(
        `  - [${e.present ? "seen" : "not seen"}, ${e.confidence} confidence] ${e.observation}`,
      );
    }
  }
  if (result.files.length > 0)
    lines.push(`Written${options.out ? ` to ${options.out}` : ""}: ${result.files.join(", ")}`);
  return lines.join("\n");
}

/** A one-line progress bar on a terminal stream; returns the callback to feed it. */
export function progressBar(
  stream: { write(text: string): unknown; isTTY?: boolean },
  label: string,
  unit = "frames",
): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    // On a terminal redraw each percent; in a log file write a line every 10 %.
    const step = stream.isTTY ? 1 : 10;
    const percent = Math.floor((share * 100) / step) * step;
    if (percent === last) return;
    last = percent;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${percent}% (${done}/${total} ${unit})`;
    stream.write(stream.isTTY ? `\r${bar}${done >= total ? "\n" : ""}` : `${bar}\n`);
  };
}

const PHASES: Record<AnalysisPhase, { label: string; unit: string }> = {
  pose: { label: "Finding the runner", unit: "frames" },
  pictures: { label: "Drawing the pictures", unit: "pictures" },
  video: { label: "Writing annotated.mp4", unit: "frames" },
};

/**
 * Progress of every phase of an analysis on one stream (stderr, so that --json output stays
 * clean), one bar per phase; `finish` closes the last bar and says how long it all took.
 */
export function phaseProgress(stream: { write(text: string): unknown; isTTY?: boolean }): {
  onProgress: (done: number, total: number, phase: AnalysisPhase) => void;
  finish: (seconds: number) => void;
} {
  let phase: AnalysisPhase | undefined;
  let bar: ((done: number, total: number) => void) | undefined;
  let last = { done: 0, total: 0 };
  const close = () => {
    // A phase that ended short of its total (a video ending early) says where it stopped.
    if (phase && last.done < last.total) {
      const { label, unit } = PHASES[phase];
      stream.write(
        `${stream.isTTY ? "\n" : ""}${label}: stopped at ${last.done} of ${last.total} ${unit}\n`,
      );
    }
    last = { done: 0, total: 0 };
  };
  return {
    onProgress(done, total, next) {
      if (next !== phase) {
        close();
        phase = next;
        bar = progressBar(stream, PHASES[next].label, PHASES[next].unit);
      }
      bar?.(done, total);
      last = { done, total };
    },
    finish(seconds) {
      close();
      stream.write(`Done in ${num(seconds)} s\n`);
    },
  };
}
