import type { RunningAnalysis } from "../../core/movement/running-analysis.js";
import { RUNNING_METRICS } from "../../core/movement/running-metrics.js";
import { formatNumber } from "../prefs.js";

/** A running analysis per side, with its warnings: the same table for the device and the server. */
export function MetricsTable({ analysis }: { analysis: RunningAnalysis }) {
  const ids = Object.keys(RUNNING_METRICS) as (keyof typeof RUNNING_METRICS)[];
  const shown = ids.filter((id) => analysis.metrics.left[id] || analysis.metrics.right[id]);
  return (
    <>
      {analysis.warnings.map((w) => (
        <p key={w.code} className="warning">
          {w.message}
        </p>
      ))}
      {shown.length === 0 ? (
        <p>Nothing could be measured from this clip: see the notes above.</p>
      ) : (
        <table data-testid="video-metrics">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Left</th>
              <th scope="col">Right</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((id) => (
              <tr key={id}>
                <th scope="row">
                  {RUNNING_METRICS[id].label} ({RUNNING_METRICS[id].unit})
                </th>
                {(["left", "right"] as const).map((side) => {
                  const m = analysis.metrics[side][id];
                  return <td key={side}>{m ? `${formatNumber(m.mean)} (${m.n} steps)` : "–"}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
