/** Plain-text report of an analysis for the terminal: metrics per side with quality and warnings. */
import { RUNNING_METRICS, type RunningMetricId } from "../core/movement/running-metrics.js";
import type { MetricSummary } from "../core/movement/stats.js";
import type { AnalyzeResult } from "./analyze-input.js";

const cell = (m: MetricSummary | undefined, places = 1) =>
  m ? `${m.mean.toFixed(places)} ± ${m.sd.toFixed(places)} (${m.n})` : "—";

/** Formats the result of `analyzeInput` as a few aligned lines a clinician can read. */
export function formatAnalysis(result: AnalyzeResult): string {
  const a = result.analysis;
  const lines: string[] = [];
  const where = result.video
    ? `${result.video.width}×${result.video.height}, ${result.video.fps} fps, ${result.video.durationS.toFixed(1)} s`
    : result.source;
  lines.push(`${result.input} (${where}; keypoints: ${result.model})`);
  for (const note of result.notes ?? []) lines.push(`Note: ${note}`);
  if (a.kind === "running") {
    lines.push(`Running, ${a.view} view (${a.viewSource}), ${a.steps.length} steps analysed`);
    const rhythm = a.rhythm
      ? `; the clip's rhythm gives ${a.rhythm.cadenceFromRhythm.toFixed(1)}${a.rhythm.agreementPct === undefined ? "" : `, agreement ${a.rhythm.agreementPct.toFixed(1)} %`}`
      : "";
    if (a.cadence)
      lines.push(
        `Cadence: ${a.cadence.mean.toFixed(0)} steps/min (SD ${a.cadence.sd.toFixed(1)}${rhythm})`,
      );
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
        `${`${info.label} (${info.unit})`.padEnd(44)}${cell(l).padEnd(26)}${cell(r).padEnd(26)}${diff === undefined ? "" : `${diff >= 0 ? "+" : ""}${diff.toFixed(1)}`}`,
      );
    }
    const withheld = (a.withheld ?? []).map((w) => {
      const info = RUNNING_METRICS[w.metric];
      const unit = info.unit === "°" ? "°" : ` ${info.unit}`;
      const seen = w.seen === undefined ? "" : `, ${w.seen.toFixed(1)}${unit} seen`;
      return `${info.label}${w.side ? ` (${w.side})` : ""}${seen}`;
    });
    if (withheld.length > 0)
      lines.push(`Not reported (implausible or not measurable here): ${withheld.join("; ")}`);
    const q = a.quality;
    lines.push(
      "",
      `Quality: keypoint score ${q.meanScore.toFixed(2)}, steps ${q.stepsUsed.left} left / ${q.stepsUsed.right} right, leg ${q.legLengthPx} px in the picture, leg swaps put back ${q.legSwaps ?? 0}`,
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
        `  on the ${hold.side} leg for ${hold.durationS.toFixed(0)} s: pelvic drop ${cell(hold.pelvicDrop)}°, up to ${hold.peakDropDeg.toFixed(1)}°`,
      );
    }
  }
  if (a.warnings.length > 0) {
    lines.push("Warnings:");
    for (const w of a.warnings) lines.push(`  - ${w.message}`);
  }
  if (result.evidence.length > 0) {
    lines.push("Movement evidence:");
    for (const e of result.evidence) {
      lines.push(
        `  - [${e.present ? "seen" : "not seen"}, ${e.confidence} confidence] ${e.observation}`,
      );
    }
  }
  if (result.files.length > 0) lines.push(`Written: ${result.files.join(", ")}`);
  return lines.join("\n");
}

/** A one-line progress bar on a terminal stream; returns the callback to feed it. */
export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
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
    const bar = `${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${percent}% (${done}/${total} frames)`;
    stream.write(stream.isTTY ? `\r${bar}${done >= total ? "\n" : ""}` : `${bar}\n`);
  };
}
