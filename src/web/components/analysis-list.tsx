import { useState } from "react";
import { api, type Page } from "../api.js";
import { formatNumber, showDate } from "../prefs.js";
import { type AssessmentRow, day } from "../types.js";
import { Empty, ErrorBox, Show, useLoad } from "./ui.js";

interface Measurement {
  metric: string;
  side?: "left" | "right";
  value: number;
  unit: string;
  quality: string;
  withheld?: string;
}

interface AnalysisItem {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  error: string | null;
  task: string;
  view: string | null;
  createdAt: string;
  measurements: Measurement[];
}

/** The measures a clinician looks at first, in this order, with their names. */
const MAIN: Record<string, string> = {
  "pelvic-drop": "pelvic drop",
  "knee-fppa": "knee FPPA",
  "trunk-lean": "trunk lean",
  cadence: "cadence",
};

function measured(m: Measurement): string {
  const name = MAIN[m.metric] ?? m.metric.replace(/-/g, " ");
  return `${name}${m.side ? ` ${m.side}` : ""} ${formatNumber(m.value)}${m.unit === "°" ? "°" : ` ${m.unit}`}`;
}

const dayOf = (a: AssessmentRow) => day(a.assessedOn) || day(a.createdAt);

function summary(a: AnalysisItem): string {
  if (a.status === "failed") return `failed: ${a.error ?? "no reason kept"}`;
  if (a.status !== "done") return `${a.status}, ${Math.round(a.progress * 100)} %`;
  const usable = a.measurements.filter((m) => m.withheld === undefined);
  if (usable.length === 0) return "every measurement withheld as implausible";
  const main = Object.keys(MAIN).flatMap((metric) => usable.filter((m) => m.metric === metric));
  return main.map(measured).join(", ") || `${usable.length} measurements`;
}

/**
 * The runner's video analyses, newest first, each finished one offered for an assessment: its
 * measurements join the assessment's movement evidence, judged when it is assessed.
 */
export function AnalysisList({
  runnerId,
  assessments,
  reloadKey,
}: {
  runnerId: string;
  assessments: readonly AssessmentRow[];
  reloadKey: number;
}) {
  const [loaded, reload] = useLoad(
    () => api<Page<AnalysisItem>>("GET", `/api/runners/${runnerId}/analyses?limit=20`),
    [runnerId, reloadKey],
  );
  // Newest first by the day assessed, so the default is the assessment in progress or just made.
  const dated = [...assessments].sort((a, b) => dayOf(b).localeCompare(dayOf(a)));
  const [target, setTarget] = useState(dated[0]?.id ?? "");
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chosen = assessments.find((a) => a.id === target);
  const use = async (analysisId: string) => {
    setError(null);
    setDone(null);
    try {
      const row = await api<AssessmentRow>("POST", `/api/assessments/${target}/movement`, {
        analysisId,
      });
      setDone(
        `Added to the assessment of ${showDate(dayOf(row))}${row.result ? ", which was assessed again with it" : ""}.`,
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="analyses-h">
      <h2 id="analyses-h">Video analyses</h2>
      <Show loaded={loaded} what="the video analyses" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No video analysed on the server yet.</Empty>
          ) : (
            <>
              {assessments.length > 0 ? (
                <div className="field">
                  <label htmlFor="analysis-target">Use analyses in</label>
                  <select
                    id="analysis-target"
                    value={target}
                    onChange={(e) => setTarget(e.target.value)}
                  >
                    {dated.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.kind === "retest" ? "Retest" : "Assessment"} {showDate(dayOf(a))}
                      </option>
                    ))}
                  </select>
                </div>
              ) : (
                <p className="small">Start an assessment to use an analysis in it.</p>
              )}
              <ul className="plain-list" data-testid="analyses">
                {page.items.map((a) => {
                  const usable =
                    a.status === "done" && a.measurements.some((m) => m.withheld === undefined);
                  return (
                    <li key={a.id}>
                      {showDate(day(a.createdAt))}, {a.task.replace(/-/g, " ")}
                      {a.view ? ` (${a.view})` : ""}: {summary(a)}{" "}
                      {usable && chosen && (
                        <button
                          type="button"
                          aria-label={`Use in this assessment: the analysis of ${showDate(day(a.createdAt))}`}
                          onClick={() => use(a.id)}
                        >
                          Use in this assessment
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </Show>
      {done && <p role="status">{done}</p>}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
