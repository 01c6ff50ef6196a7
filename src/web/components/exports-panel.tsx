import { useState } from "react";
import { downloadFile } from "../api.js";
import { showDate } from "../prefs.js";
import { type AssessmentRow, day } from "../types.js";
import { Choice, ErrorBox, Field } from "./ui.js";

type PaperSize = "a4" | "letter";

const PAPER: readonly { value: PaperSize; label: string }[] = [
  { value: "a4", label: "A4" },
  { value: "letter", label: "Letter" },
];

/** Letter where it is the paper in the tray (North America), A4 elsewhere. */
function localPaper(): PaperSize {
  return /^(en|es|fr)-(US|CA|MX)$/.test(navigator.language) ? "letter" : "a4";
}

function latestFirst(a: AssessmentRow, b: AssessmentRow): number {
  return (
    day(b.assessedOn).localeCompare(day(a.assessedOn)) || b.createdAt.localeCompare(a.createdAt)
  );
}

function hasStrength(a: AssessmentRow | undefined): boolean {
  const strength = a?.input.strength as { tests?: unknown[] } | undefined;
  return Boolean(strength?.tests?.length);
}

/**
 * The record as files: the assessment and progress reports and the handout as PDF, the
 * programme's calendar, the strength data as CSV and the record as FHIR JSON. Each is fetched,
 * then saved under the server's file name; a refusal is shown in the server's words.
 */
export function ExportsPanel({
  runnerId,
  assessments,
  programmeId,
}: {
  runnerId: string;
  assessments: readonly AssessmentRow[];
  /** The programme the handout and the calendar file are of (the current one). */
  programmeId: string | null;
}) {
  // Latest assessment first: the one a report is usually wanted of.
  const assessed = assessments.filter((a) => a.result).sort(latestFirst);
  const [paper, setPaper] = useState<PaperSize>(localPaper);
  const [chosenId, setChosenId] = useState(assessed[0]?.id ?? "");
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chosen = assessed.find((a) => a.id === chosenId) ?? assessed[0];
  const save = async (what: string, url: string) => {
    setBusy(what);
    setSaved(null);
    setError(null);
    try {
      setSaved(`${what} saved as ${await downloadFile(url)}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const button = (what: string, url: string) => (
    <button type="button" disabled={busy !== null} onClick={() => save(what, url)}>
      {what}
    </button>
  );
  if (!chosen && !programmeId) return null;
  return (
    <section aria-labelledby="exports-h" className="card">
      <h2 id="exports-h">Reports and files</h2>
      {chosen && (
        <>
          <Choice
            legend="Paper size of the PDFs"
            name="paper"
            options={PAPER}
            value={paper}
            onChange={setPaper}
          />
          {assessed.length > 1 && (
            <Field label="Assessment to export">
              {(id) => (
                <select id={id} value={chosen.id} onChange={(e) => setChosenId(e.target.value)}>
                  {assessed.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.kind === "retest" ? "Retest" : "Assessment"} {showDate(day(a.assessedOn))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </>
      )}
      <div className="actions">
        {chosen &&
          button(
            "Assessment report (PDF)",
            `/api/assessments/${chosen.id}/report.pdf?page=${paper}`,
          )}
        {assessed.length > 1 &&
          button(
            "Progress report (PDF)",
            `/api/runners/${runnerId}/progress-report.pdf?page=${paper}`,
          )}
        {programmeId &&
          button(
            "Exercise handout (PDF)",
            `/api/programmes/${programmeId}/handout.pdf?page=${paper}`,
          )}
        {programmeId &&
          button("Calendar file (.ics)", `/api/programmes/${programmeId}/calendar.ics`)}
        {chosen &&
          hasStrength(chosen) &&
          button("Strength data (CSV)", `/api/assessments/${chosen.id}/strength.csv`)}
        {chosen && button("FHIR record (JSON)", `/api/runners/${runnerId}/fhir`)}
      </div>
      {assessed.length === 1 && (
        <p className="hint">The progress report comes with the first retest.</p>
      )}
      <p className="hint">
        The FHIR record is the latest assessment and the current programme in the format clinic
        record systems read; the strength data opens in a spreadsheet.
      </p>
      <p role="status" className={busy ? "loading" : undefined}>
        {busy ? `Preparing: ${busy}…` : saved}
      </p>
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
