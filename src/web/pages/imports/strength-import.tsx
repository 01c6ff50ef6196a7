import { useEffect, useRef, useState } from "react";
import {
  STRENGTH_POSITIONS,
  type StrengthTestName,
  strengthTestLabel,
} from "../../../core/strength/strength.types.js";
import type { StrengthField } from "../../../report/dynamometer/strength-import.js";
import { api, upload } from "../../api.js";
import { type Problem, ProblemList, UploadError } from "../../components/problem-list.js";
import { Choice, ErrorBox, Field, NumberField, TableWrap, useLoad } from "../../components/ui.js";
import { showDate } from "../../prefs.js";
import { useSession } from "../../session.js";
import { type AssessmentRow, day } from "../../types.js";
import { forgetDraftSection } from "../assessment/draft.js";

type Format = "vald" | "generic" | "trace";
type Unit = "N" | "kgf" | "lbf";

/** What each field of a row is, in the words of the mapping form; required ones first. */
const FIELD_LABELS: Record<StrengthField, string> = {
  test: "Test",
  side: "Side (left or right)",
  force: "Peak force",
  position: "Body position",
  method: "Make or break",
  repetition: "Trial number",
  leverArmCm: "Lever arm (cm)",
  rfd: "Rate of force development",
  timeToPeakS: "Time to peak (s)",
  timeToPeakMs: "Time to peak (ms)",
};
const FIELDS = Object.keys(FIELD_LABELS) as StrengthField[];
const REQUIRED: readonly StrengthField[] = ["test", "side", "force"];
const TRACE_TESTS: StrengthTestName[] = [
  "hip-abduction",
  "hip-external-rotation",
  "hip-extension",
  "knee-extension",
  "knee-flexion",
];

interface Layout {
  format: Format;
  columns: Partial<Record<StrengthField, string>>;
  unit: Unit;
  position: string;
  method: "" | "make" | "break";
  mappingName: string;
  test: string;
  side: "" | "left" | "right";
  leverArmCm: number | undefined;
}

const START: Layout = {
  format: "vald",
  columns: {},
  unit: "N",
  position: "",
  method: "",
  mappingName: "",
  test: "",
  side: "",
  leverArmCm: undefined,
};

interface Entry {
  test: StrengthTestName;
  side: string;
  position: string;
  unit: Unit;
  trials: number[];
}

interface Preview {
  file: string;
  header: string[];
  rows: { line: number; values: string[] }[];
  rowCount: number;
  columns: { index: number; name: string; field: StrengthField | "time" | null }[];
  tests: Entry[];
  changes: { test: string; side: string; position: string; action: "add" | "replace" }[];
  problems: Problem[];
  importable: boolean;
}

interface SavedMapping {
  name: string;
  mapping: Partial<Record<StrengthField, string>>;
  unit: Unit;
  savedBy: string | null;
}

const assessmentLabel = (a: AssessmentRow) =>
  `${a.kind === "retest" ? "Retest" : "Assessment"} of ${showDate(day(a.assessedOn) || day(a.createdAt))}`;

/** The form the import routes read: the layout's fields, then the file. */
function formOf(layout: Layout, file: File): FormData {
  const form = new FormData();
  form.append("format", layout.format);
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") form.append(name, String(value));
  };
  add("position", layout.position);
  add("method", layout.method);
  if (layout.format === "trace") {
    add("test", layout.test);
    add("side", layout.side);
    add("leverArmCm", layout.leverArmCm);
    add("unit", layout.unit);
  } else if (layout.format === "generic") {
    add("mappingName", layout.mappingName);
    add("unit", layout.unit);
    for (const field of FIELDS) add(`column.${field}`, layout.columns[field]);
  }
  form.append("file", file);
  return form;
}

/** A trace is read only once it is known what it is of. */
const readyToRead = (layout: Layout) =>
  layout.format !== "trace" || (layout.test !== "" && layout.side !== "" && layout.position !== "");

/**
 * A dynamometer file into an assessment's strength section: choose the file and its layout
 * (for another device, the column of each field), see what would be imported and every problem
 * with its line and column, optionally save the mapping for the clinic, then import.
 */
export function StrengthImport({
  assessments,
  initialAssessmentId,
}: {
  assessments: AssessmentRow[];
  initialAssessmentId?: string;
}) {
  const { user } = useSession();
  const isStaff = user.role !== "runner";
  const [assessmentId, setAssessmentId] = useState(initialAssessmentId ?? assessments[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [layout, setLayout] = useState<Layout>(START);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mappings, reloadMappings] = useLoad(
    () =>
      isStaff
        ? api<{ items: SavedMapping[] }>("GET", "/api/column-mappings")
        : Promise.resolve({ items: [] }),
    [isStaff],
  );
  const asked = useRef(0);
  const change = (patch: Partial<Layout>) => {
    setDone(null);
    setLayout((current) => ({ ...current, ...patch }));
  };

  // Every change of file or layout asks for a new preview; a late answer to an older one is dropped.
  useEffect(() => {
    if (!file || !assessmentId || !readyToRead(layout)) {
      setPreview(null);
      return;
    }
    const ask = ++asked.current;
    setError(null);
    upload<Preview>(
      `/api/assessments/${assessmentId}/imports/strength/preview`,
      formOf(layout, file),
    ).then(
      (reply) => ask === asked.current && setPreview(reply),
      (e) => {
        if (ask !== asked.current) return;
        setPreview(null);
        setError(e);
      },
    );
  }, [file, assessmentId, layout]);

  const chooseMapping = (name: string) => {
    const saved =
      mappings.state === "ready" ? mappings.data.items.find((m) => m.name === name) : undefined;
    change(
      saved
        ? { mappingName: name, format: "generic", columns: saved.mapping, unit: saved.unit }
        : { mappingName: "" },
    );
  };

  const importFile = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const reply = await upload<{ imported: { tests: number; trials: number } }>(
        `/api/assessments/${assessmentId}/imports/strength`,
        formOf(layout, file),
      );
      // The device's unsaved copy of the section would hide the imported one in the form.
      forgetDraftSection(assessmentId, "strength");
      const target = assessments.find((a) => a.id === assessmentId);
      setDone(
        `Imported ${reply.imported.tests} tests (${reply.imported.trials} trials) into the ${target ? assessmentLabel(target).toLowerCase() : "assessment"}.`,
      );
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (assessments.length === 0)
    return (
      <section className="card" aria-labelledby="strength-import-h">
        <h2 id="strength-import-h">Dynamometer file</h2>
        <p>Start an assessment first: a dynamometer file goes into its strength section.</p>
      </section>
    );

  const header = preview?.header ?? [];
  return (
    <section className="card" aria-labelledby="strength-import-h">
      <h2 id="strength-import-h">Dynamometer file</h2>
      <Field label="Into the assessment">
        {(id) => (
          <select id={id} value={assessmentId} onChange={(e) => setAssessmentId(e.target.value)}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {assessmentLabel(a)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Dynamometer file (CSV)" hint="Comma, semicolon or tab separated">
        {(id, hintId) => (
          <input
            id={id}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={hintId}
            onChange={(e) => {
              setDone(null);
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        )}
      </Field>
      <Choice
        legend="Layout of the file"
        name="strength-format"
        value={layout.format}
        options={[
          { value: "vald", label: "VALD-style (columns found by name)" },
          { value: "generic", label: "Another layout: I choose the columns" },
          { value: "trace", label: "A force–time trace" },
        ]}
        onChange={(format) => change({ format, mappingName: "" })}
      />
      {layout.format !== "trace" && isStaff && mappings.state === "ready" && (
        <Field label="Saved column mapping of the clinic">
          {(id) => (
            <select
              id={id}
              value={layout.mappingName}
              onChange={(e) => chooseMapping(e.target.value)}
            >
              <option value="">None</option>
              {mappings.data.items.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name} ({m.unit}
                  {m.savedBy ? `, saved by ${m.savedBy}` : ""})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {layout.format === "generic" && (
        <fieldset>
          <legend>Which column holds each field</legend>
          {header.length === 0 ? (
            <p className="small">Choose the file: its columns are listed here.</p>
          ) : (
            <div className="mapping">
              {FIELDS.map((field) => (
                <Field
                  key={field}
                  label={`Column for: ${FIELD_LABELS[field]}${REQUIRED.includes(field) ? " (required)" : ""}`}
                >
                  {(id) => (
                    <select
                      id={id}
                      value={layout.columns[field] ?? ""}
                      onChange={(e) =>
                        change({
                          mappingName: "",
                          columns: { ...layout.columns, [field]: e.target.value || undefined },
                        })
                      }
                    >
                      <option value="">Not in the file</option>
                      {header.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
            </div>
          )}
        </fieldset>
      )}
      {layout.format === "trace" && (
        <div className="row">
          <Field label="Test of the trace">
            {(id) => (
              <select
                id={id}
                value={layout.test}
                onChange={(e) => change({ test: e.target.value })}
              >
                <option value="">Choose the test</option>
                {TRACE_TESTS.map((t) => (
                  <option key={t} value={t}>
                    {strengthTestLabel(t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Choice
            legend="Side of the trace"
            name="trace-side"
            value={layout.side || undefined}
            options={[
              { value: "left", label: "Left" },
              { value: "right", label: "Right" },
            ]}
            onChange={(side) => change({ side })}
          />
          <NumberField
            label="Lever arm (cm)"
            value={layout.leverArmCm}
            min={5}
            max={100}
            onChange={(leverArmCm) => change({ leverArmCm })}
          />
        </div>
      )}
      <div className="row">
        {layout.format !== "vald" && (
          <Choice
            legend="Unit of the force"
            name="strength-unit"
            value={layout.unit}
            options={[
              { value: "N", label: "N" },
              { value: "kgf", label: "kgf" },
              { value: "lbf", label: "lbf" },
            ]}
            onChange={(unit) => change({ unit })}
          />
        )}
        <Field
          label="Body position"
          hint={layout.format === "trace" ? undefined : "When the file has no position column"}
        >
          {(id, hintId) => (
            <select
              id={id}
              aria-describedby={hintId}
              value={layout.position}
              onChange={(e) => change({ position: e.target.value })}
            >
              <option value="">From the file</option>
              {STRENGTH_POSITIONS.filter((p) => p !== "unknown").map((p) => (
                <option key={p} value={p}>
                  {p.replace("-", " ")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {error !== null && <UploadError error={error} />}
      {preview && <PreviewTables preview={preview} />}
      {preview && layout.format === "generic" && isStaff && (
        <SaveMapping
          layout={layout}
          onSaved={(name) => {
            reloadMappings();
            change({ mappingName: name });
          }}
        />
      )}
      {done && (
        <p className="card" role="status">
          {done}{" "}
          <a href={`#/assessments/${assessmentId}/edit?step=strength`}>See the dynamometer step</a>{" "}
          · <a href={`#/assessments/${assessmentId}`}>the findings</a>
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!preview?.importable || busy}
          onClick={importFile}
        >
          {busy ? "Importing…" : "Import into the assessment"}
        </button>
      </div>
    </section>
  );
}

const fieldWord = (field: StrengthField | "time" | null) =>
  field === null ? "not read" : field === "time" ? "time" : FIELD_LABELS[field];

function PreviewTables({ preview }: { preview: Preview }) {
  return (
    <>
      {preview.header.length > 0 && (
        <TableWrap label="The file's first rows">
          <table className="preview-table">
            <caption>
              {preview.file}: the first {preview.rows.length} of {preview.rowCount} rows, and the
              field each column fills
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {preview.columns.map((c) => (
                  <th key={c.index} scope="col">
                    {c.name}
                    <small>{fieldWord(c.field)}</small>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line}>
                  <td className="line">{row.line}</td>
                  {row.values.map((v, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row have only their place
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {preview.problems.length > 0 && (
        <ProblemList
          title={`${preview.problems.length === 1 ? "A problem" : `${preview.problems.length} problems`} in ${preview.file}: nothing can be imported until ${preview.problems.length === 1 ? "it is" : "they are"} fixed`}
          problems={preview.problems}
        />
      )}
      {preview.tests.length > 0 && (
        <TableWrap label="What the import does">
          <table>
            <caption>What the import does to the assessment's strength section</caption>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Side</th>
                <th scope="col">Position</th>
                <th scope="col">Trials</th>
                <th scope="col">In the assessment</th>
              </tr>
            </thead>
            <tbody>
              {preview.tests.map((t, i) => (
                <tr key={`${t.test}-${t.side}-${t.position}`}>
                  <td>{strengthTestLabel(t.test)}</td>
                  <td>{t.side}</td>
                  <td>{t.position.replace("-", " ")}</td>
                  <td>
                    {t.trials.join(", ")} {t.unit}
                  </td>
                  <td>
                    {preview.changes[i]?.action === "replace"
                      ? "replaces the entry there"
                      : "added"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

/** Saves the columns chosen under a name, for everyone at the clinic with the same device. */
function SaveMapping({ layout, onSaved }: { layout: Layout; onSaved: (name: string) => void }) {
  const [name, setName] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    try {
      const reply = await api<{ name: string }>(
        "PUT",
        `/api/column-mappings/${encodeURIComponent(name.trim())}`,
        { mapping: layout.columns, unit: layout.unit },
      );
      setSaved(`Saved “${reply.name}” for the clinic.`);
      onSaved(reply.name);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="row">
      <Field label="Save this mapping for the clinic as">
        {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="button" disabled={!name.trim()} onClick={save}>
          Save the mapping
        </button>
      </div>
      {saved && <p role="status">{saved}</p>}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
