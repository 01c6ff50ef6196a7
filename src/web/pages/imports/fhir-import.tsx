import { useState } from "react";
import { upload } from "../../api.js";
import { UploadError } from "../../components/problem-list.js";
import { Choice, Field } from "../../components/ui.js";

interface Imported {
  runner?: { id: string; displayName: string };
  assessment: { id: string; runnerId: string };
  notes: string[];
}

/**
 * A FHIR R4 Bundle from another records system: into a new assessment of this runner, or (no
 * runner given) as a new runner record of the clinic. A refused Bundle lists every problem with
 * its FHIR path.
 */
export function FhirImport({ runnerId }: { runnerId?: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"initial" | "retest">("initial");
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    if (runnerId) form.append("kind", kind);
    else if (name.trim()) form.append("name", name.trim());
    form.append("file", file);
    try {
      setResult(
        await upload<Imported>(
          runnerId ? `/api/runners/${runnerId}/imports/fhir` : "/api/imports/fhir",
          form,
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="fhir-import-h">
      <h2 id="fhir-import-h">
        {runnerId ? "FHIR Bundle into a new assessment" : "New runner from a FHIR Bundle"}
      </h2>
      <Field label="FHIR R4 Bundle (JSON)">
        {(id) => (
          <input
            id={id}
            type="file"
            accept=".json,application/json,application/fhir+json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {runnerId ? (
        <Choice
          legend="The assessment is"
          name="fhir-kind"
          value={kind}
          options={[
            { value: "initial", label: "A first assessment" },
            { value: "retest", label: "A retest" },
          ]}
          onChange={setKind}
        />
      ) : (
        <Field label="Runner's name" hint="Leave empty to use the Patient's name in the Bundle">
          {(id, hintId) => (
            <input
              id={id}
              aria-describedby={hintId}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
      )}
      <div className="actions">
        <button type="button" disabled={!file || busy} onClick={send}>
          {busy ? "Importing…" : "Import the Bundle"}
        </button>
      </div>
      {error !== null && <UploadError error={error} />}
      {result && (
        <div role="status">
          <p>
            Imported
            {result.runner ? ` as a new runner record, ${result.runner.displayName},` : ""} with an
            assessment made from the Bundle.{" "}
            <a href={`#/assessments/${result.assessment.id}`}>See the findings</a>
            {result.runner && (
              <>
                {" "}
                · <a href={`#/runners/${result.runner.id}`}>the runner's record</a>
              </>
            )}
          </p>
          {result.notes.length > 0 && (
            <ul>
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
