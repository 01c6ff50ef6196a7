import { useState } from "react";
import type { RunningAnalysis } from "../../core/movement/running-analysis.js";
import { type ApiErrorBody, api, csrfHeader } from "../api.js";
import { MetricsTable } from "./metrics-table.js";
import { Choice, ErrorBox, Field } from "./ui.js";

interface AnalysisRow {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  error: string | null;
  measurements: { analysis?: RunningAnalysis } | null;
  pictures: string[];
}

/** Sends the file with the session's CSRF token, reporting upload progress (fetch cannot). */
function upload(
  url: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}") as { id: string } & Partial<ApiErrorBody>;
      if (xhr.status === 202) resolve(body);
      else reject(new Error(body.message ?? `the server answered ${xhr.status}`));
    };
    xhr.onerror = () =>
      reject(new Error("the upload was interrupted: check the connection and try again"));
    const form = new FormData();
    form.append("video", file);
    xhr.send(form);
  });
}

/** The clinic's path: the video goes to the server, which analyses it and draws the pictures. */
export function VideoUpload({ runnerId, onDone }: { runnerId: string; onDone?: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [view, setView] = useState<"rear" | "side" | "front">("rear");
  const [stage, setStage] = useState<{ label: string; share: number } | null>(null);
  const [row, setRow] = useState<AnalysisRow | null>(null);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    if (!file) return;
    setError(null);
    setRow(null);
    try {
      setStage({ label: "Uploading", share: 0 });
      const job = await upload(`/api/runners/${runnerId}/analyses?view=${view}`, file, (share) =>
        setStage({ label: "Uploading", share }),
      );
      setStage({ label: "Analysing on the server", share: 0 });
      await new Promise<void>((resolve) => {
        const events = new EventSource(`/api/analyses/${job.id}/events`);
        const finish = () => {
          events.close();
          resolve();
        };
        events.addEventListener("progress", (e) => {
          const update = JSON.parse((e as MessageEvent).data) as { progress: number };
          setStage({ label: "Analysing on the server", share: update.progress });
        });
        events.addEventListener("done", finish);
        events.addEventListener("failed", finish);
        events.onerror = finish;
      });
      const result = await api<AnalysisRow>("GET", `/api/analyses/${job.id}`);
      onDone?.();
      if (result.status === "failed") throw new Error(result.error ?? "the analysis failed");
      setRow(result);
    } catch (e) {
      setError(e);
    } finally {
      setStage(null);
    }
  };

  return (
    <section className="card" aria-labelledby="upload-h">
      <h2 id="upload-h">Video analysis on the server</h2>
      <Field label="Running video to upload">
        {(id) => (
          <input
            id={id}
            type="file"
            accept="video/*"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Choice
        legend="Filmed from"
        name="upload-view"
        value={view}
        options={[
          { value: "rear", label: "Behind" },
          { value: "side", label: "The side" },
          { value: "front", label: "The front" },
        ]}
        onChange={setView}
      />
      <button type="button" disabled={!file || stage !== null} onClick={start}>
        Upload and analyse
      </button>
      {stage && (
        <div role="status">
          <label htmlFor="upload-progress">
            {stage.label}: {Math.round(stage.share * 100)} %
          </label>
          <progress id="upload-progress" max={1} value={stage.share} />
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
      {row?.measurements?.analysis && (
        <>
          <MetricsTable analysis={row.measurements.analysis} />
          <div className="cards">
            {row.pictures.map((src) => (
              <img
                key={src}
                className="annotated"
                src={src}
                alt={`Annotated frame: ${src.split("/").at(-1)?.replace(/[-_]/g, " ").replace(".png", "")}`}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
