import { useState } from "react";
import type { WatchRun } from "../../../report/watch/watch-run.js";
import { upload } from "../../api.js";
import { type Problem, ProblemList, UploadError } from "../../components/problem-list.js";
import { Field } from "../../components/ui.js";
import { formatNumber, type Prefs, showDate, showDistance } from "../../prefs.js";
import { useSession } from "../../session.js";

/** A run of the files as the preview shows it, and whether it was imported before. */
interface Run extends WatchRun {
  alreadyImported: { on: string | null; from: string; reason: string } | null;
}

interface RunsPreview {
  runs: Run[];
  cadence: {
    assessmentId: string;
    evidence: { present: boolean; measured: { value: number }; observation: string } | null;
  } | null;
  problems: Problem[];
  importable: boolean;
}

interface Pain {
  during?: number;
  after?: number;
}

const KM_PER_MI = 1.609344;

/** 7.58 min/km → "7:35 /km" (or per mile). */
function pace(minPerKm: number, prefs: Prefs): string {
  const minutes = prefs.distance === "mi" ? minPerKm * KM_PER_MI : minPerKm;
  const whole = Math.floor(minutes);
  const seconds = Math.round((minutes - whole) * 60);
  return `${whole}:${String(seconds).padStart(2, "0")} /${prefs.distance}`;
}

function formOf(files: File[], extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  for (const f of files) form.append("file", f);
  return form;
}

const painValue = (text: string): number | undefined =>
  text === "" || Number.isNaN(Number(text)) ? undefined : Number(text);

/**
 * Runs from a watch (FIT or GPX files): see each run, say how much it hurt (a watch cannot),
 * and import them into the training log; runs imported before are marked and skipped.
 */
export function RunsImport({ runnerId }: { runnerId: string }) {
  const { prefs } = useSession();
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<RunsPreview | null>(null);
  const [pain, setPain] = useState<Record<string, Pain>>({});
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File[]) => {
    setFiles(chosen);
    setPreview(null);
    setDone(null);
    setError(null);
    if (chosen.length === 0) return;
    try {
      setPreview(
        await upload<RunsPreview>(`/api/runners/${runnerId}/imports/runs/preview`, formOf(chosen)),
      );
    } catch (e) {
      setError(e);
    }
  };

  const fresh = preview?.runs.filter((r) => !r.alreadyImported) ?? [];
  const ready =
    !!preview?.importable && fresh.every((r) => pain[r.startTime]?.during !== undefined);

  const importRuns = async () => {
    setBusy(true);
    setError(null);
    try {
      const runs = fresh.map((r) => ({
        startTime: r.startTime,
        painDuring: pain[r.startTime]?.during,
        ...(pain[r.startTime]?.after === undefined ? {} : { painAfter: pain[r.startTime]?.after }),
      }));
      const reply = await upload<{ message: string }>(
        `/api/runners/${runnerId}/imports/runs`,
        formOf(files, { runs: JSON.stringify(runs) }),
      );
      setDone(reply.message);
      setPreview(null);
      setFiles([]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const setRunPain = (run: Run, key: keyof Pain, text: string) =>
    setPain((current) => ({
      ...current,
      [run.startTime]: { ...current[run.startTime], [key]: painValue(text) },
    }));

  return (
    <section className="card" aria-labelledby="runs-import-h">
      <h2 id="runs-import-h">Runs from a watch</h2>
      <Field
        label="Watch files (FIT or GPX)"
        hint="Export the activity from the watch's app; several files at once are fine"
      >
        {(id, hintId) => (
          <input
            id={id}
            type="file"
            multiple
            accept=".fit,.gpx,application/gpx+xml,application/octet-stream"
            aria-describedby={hintId}
            onChange={(e) => void choose([...(e.target.files ?? [])])}
          />
        )}
      </Field>
      {error !== null && <UploadError error={error} />}
      {preview && preview.problems.length > 0 && (
        <ProblemList
          title="These files cannot be read: nothing is imported until they are left out or fixed"
          problems={preview.problems}
        />
      )}
      {preview && preview.runs.length > 0 && (
        <section aria-label="The runs in the files">
          <p>The runs in the files. Say how much each new run hurt, 0 (none) to 10.</p>
          <ul className="plain-list run-list">
            {preview.runs.map((run) => (
              <li key={`${run.file}-${run.startTime}`} className="card">
                <h3>
                  {showDate(run.date)} <span className="small">{run.file}</span>
                </h3>
                <p>
                  {showDistance(run.distanceKm, prefs)} in {formatNumber(run.durationMin, 0)} min (
                  {pace(run.paceMinPerKm, prefs)})
                  {run.cadenceSpm === undefined ? "" : ` · ${run.cadenceSpm} steps/min`}
                  {run.heartRateBpm === undefined ? "" : ` · ${run.heartRateBpm} bpm`}
                </p>
                {run.alreadyImported ? (
                  <p className="small">Not imported again: {run.alreadyImported.reason}.</p>
                ) : (
                  <div className="row">
                    <PainField
                      label={`Pain during the run of ${showDate(run.date)} (0–10)`}
                      onChange={(text) => setRunPain(run, "during", text)}
                    />
                    <PainField
                      label={`Pain after the run of ${showDate(run.date)} (0–10)`}
                      onChange={(text) => setRunPain(run, "after", text)}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview?.cadence?.evidence && (
        <p>
          {preview.cadence.evidence.observation} It is kept with the latest assessment as the
          watch's cadence.
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {preview && (
        <div className="actions">
          <button type="button" className="primary" disabled={!ready || busy} onClick={importRuns}>
            {busy
              ? "Importing…"
              : `Import ${fresh.length} run${fresh.length === 1 ? "" : "s"} into the training log`}
          </button>
        </div>
      )}
    </section>
  );
}

function PainField({ label, onChange }: { label: string; onChange: (text: string) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          className="run-pain"
          type="number"
          inputMode="decimal"
          min={0}
          max={10}
          step="any"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
