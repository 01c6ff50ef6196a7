import { useState } from "react";
import { api, type Page } from "../api.js";
import { MetricsTable } from "../components/metrics-table.js";
import { Choice, ErrorBox, Field } from "../components/ui.js";
import { formatNumber } from "../prefs.js";
import type { AssessmentRow } from "../types.js";
import type { BrowserAnalysis } from "../video/analyse-in-browser.js";

type View = "rear" | "side" | "front";

/** Film or pick a running clip; the analysis runs on this device and only the numbers are saved. */
export default function VideoPage({ runnerId }: { runnerId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [fps, setFps] = useState<"60" | "30">("60");
  const [view, setView] = useState<View>("rear");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<BrowserAnalysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const analyse = async () => {
    if (!file) return;
    setError(null);
    setResult(null);
    setSaved(null);
    setProgress({ done: 0, total: 1 });
    try {
      // The pose model and its WebAssembly load only now, on this page.
      const { analyseInBrowser } = await import("../video/analyse-in-browser.js");
      setResult(
        await analyseInBrowser(file, {
          fps: Number(fps),
          view,
          onProgress: (done, total) => setProgress({ done, total }),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };

  const save = async () => {
    if (!result) return;
    try {
      const list = await api<Page<AssessmentRow>>(
        "GET",
        `/api/runners/${runnerId}/assessments?limit=1`,
      );
      const latest = list.items[0];
      if (!latest)
        throw new Error("do the self-tests first: the measurements are added to that record");
      const movement = [...((latest.input.movement as unknown[]) ?? []), ...result.evidence];
      await api("PATCH", `/api/assessments/${latest.id}`, { input: { movement } });
      if (latest.result) await api("POST", `/api/assessments/${latest.id}/assess`);
      setSaved(
        `Saved to your assessment: ${result.evidence.length} measurements. The video stayed on this device.`,
      );
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Analyse a running video</h1>
      <section className="card" aria-labelledby="guide-h">
        <h2 id="guide-h">How to film</h2>
        <ul>
          <li>
            Phone at hip height, 3–4 m behind (or beside) the treadmill, held still or propped up.
          </li>
          <li>
            60 frames per second if the phone offers it; the whole body in the picture, feet
            included.
          </li>
          <li>At least 10 seconds of steady running, alone in the picture, in good light.</li>
        </ul>
        <p className="small">
          The clip is analysed here, on this device: it is not uploaded. Only the measurements are
          saved to your record.
        </p>
      </section>
      <div className="card">
        <Field label="Running video">
          {(id) => (
            <input
              id={id}
              type="file"
              accept="video/*"
              capture="environment"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Choice
          legend="Frames per second of the clip"
          name="fps"
          value={fps}
          options={[
            { value: "60", label: "60" },
            { value: "30", label: "30" },
          ]}
          onChange={setFps}
        />
        <Choice
          legend="Filmed from"
          name="view"
          value={view}
          options={[
            { value: "rear", label: "Behind" },
            { value: "side", label: "The side" },
            { value: "front", label: "The front" },
          ]}
          onChange={setView}
        />
        <button
          type="button"
          className="primary"
          disabled={!file || progress !== null}
          onClick={analyse}
        >
          Analyse on this device
        </button>
        {progress && (
          <div role="status">
            <label htmlFor="analysis-progress">
              Analysing frame {progress.done} of {progress.total}
            </label>
            <progress id="analysis-progress" max={progress.total} value={progress.done} />
          </div>
        )}
      </div>
      {error !== null && <ErrorBox error={error} />}
      {result && <Result result={result} onSave={save} saved={saved} />}
    </>
  );
}

function Result({
  result,
  onSave,
  saved,
}: {
  result: BrowserAnalysis;
  onSave: () => void;
  saved: string | null;
}) {
  const { analysis } = result;
  return (
    <section className="card" aria-labelledby="metrics-h">
      <h2 id="metrics-h">Measurements</h2>
      <p className="small">
        {result.frames} frames, {analysis.view} view, in {formatNumber(result.seconds, 0)} s on this
        device.
      </p>
      <MetricsTable analysis={analysis} />
      <figure>
        <img
          className="annotated"
          src={result.picture}
          alt="The clearest frame, with the body points found"
        />
        <figcaption>The clearest frame, with the points the model found.</figcaption>
      </figure>
      {saved ? (
        <p role="status">{saved}</p>
      ) : (
        <button type="button" className="primary" onClick={onSave}>
          Save the measurements to my record
        </button>
      )}
    </section>
  );
}
