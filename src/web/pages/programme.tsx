import { useState } from "react";
import { EXERCISES } from "../../core/exercises/library.js";
import type { PlannedSession, Prescription } from "../../core/program/programme.types.js";
import { api } from "../api.js";
import { doseText, ExerciseCard } from "../components/exercise-card.js";
import { ErrorBox, Field, Show, useLoad } from "../components/ui.js";
import { showDate } from "../prefs.js";
import { useSession } from "../session.js";
import type { ProgrammeRow } from "../types.js";
import { NextDecision } from "./next-decision.js";

interface Edit {
  id: string | number;
  reason: string;
  changes: { op: string; exercise?: string; with?: string }[];
  editedAt?: string;
  createdAt?: string;
  editedBy?: string | null;
}

async function load(id: string) {
  const [row, edits] = await Promise.all([
    api<ProgrammeRow>("GET", `/api/programmes/${id}`),
    api<{ items: Edit[] }>("GET", `/api/programmes/${id}/edits`),
  ]);
  return { row, edits: edits.items };
}

/** All prescriptions of the programme, one per exercise (the first time it appears). */
function prescriptions(sessions: readonly PlannedSession[]): Prescription[] {
  const seen = new Map<string, Prescription>();
  for (const s of sessions)
    for (const p of [...s.activation, ...s.strength, ...s.stretching, ...s.aroundRun])
      if (!seen.has(p.exercise)) seen.set(p.exercise, p);
  return [...seen.values()];
}

export default function ProgrammePage({ programmeId }: { programmeId: string }) {
  const [loaded, reload] = useLoad(() => load(programmeId), [programmeId]);
  return (
    <Show loaded={loaded} what="the programme" retry={reload}>
      {({ row, edits }) => <Programme row={row} edits={edits} reload={reload} />}
    </Show>
  );
}

function Programme({
  row,
  edits,
  reload,
}: {
  row: ProgrammeRow;
  edits: Edit[];
  reload: () => void;
}) {
  const { user } = useSession();
  const isStaff = user.role !== "runner";
  const programme = row.programme;
  const list = prescriptions(programme.sessions);
  return (
    <>
      <h1 tabIndex={-1}>
        Programme {showDate(programme.start)} – {showDate(programme.end)}
      </h1>
      <p>
        {programme.weeks} weeks ·{" "}
        {programme.phases.map((p) => `${p.name} (weeks ${p.weeks[0]}–${p.weeks[1]})`).join(" · ")}
      </p>
      {programme.extraVolume && <p className="warning">{programme.extraVolume.reason}</p>}
      <NextDecision programmeId={row.id} />
      {isStaff && <Editor row={row} list={list} onSaved={reload} />}
      <section aria-labelledby="cal-h">
        <h2 id="cal-h">Plan</h2>
        <Calendar sessions={programme.sessions} />
      </section>
      <section aria-labelledby="ex-h">
        <h2 id="ex-h">Exercises</h2>
        <div className="cards">
          {list.map((p) => (
            <ExerciseCard key={p.exercise} p={p} />
          ))}
        </div>
      </section>
      {programme.notes.length > 0 && (
        <section aria-labelledby="notes-h">
          <h2 id="notes-h">Notes</h2>
          <ul>
            {programme.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="edits-h">
        <h2 id="edits-h">Changes and their reasons</h2>
        {edits.length === 0 ? (
          <p className="empty">The programme is as generated.</p>
        ) : (
          <ul className="edits">
            {edits.map((e) => (
              <li key={e.id}>
                <strong>{e.changes.map(changeText).join("; ")}</strong> — because: “{e.reason}”
                {e.editedBy
                  ? ` (${e.editedBy}${e.editedAt ? `, ${showDate(String(e.editedAt).slice(0, 10))}` : ""})`
                  : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function changeText(c: Edit["changes"][number]): string {
  const name = (id?: string) => EXERCISES.find((e) => e.id === id)?.name ?? id ?? "";
  if (c.op === "swap-exercise") return `swapped ${name(c.exercise)} for ${name(c.with)}`;
  if (c.op === "add-exercise") return `added ${name(c.exercise)}`;
  if (c.op === "remove-exercise") return `removed ${name(c.exercise)}`;
  if (c.op === "set-dose") return `changed the dose of ${name(c.exercise)}`;
  return "added a note";
}

/** The plan as a calendar: one row per week, one cell per day. */
export function Calendar({
  sessions,
  today,
}: {
  sessions: readonly PlannedSession[];
  today?: string;
}) {
  const weeks = new Map<number, PlannedSession[]>();
  for (const s of sessions) weeks.set(s.week, [...(weeks.get(s.week) ?? []), s]);
  return (
    <div className="calendar">
      {[...weeks.entries()].map(([week, days]) => (
        <div key={week} className="week">
          <h3>Week {week}</h3>
          <ol>
            {days.map((d) => (
              <li key={d.date} className={`day ${d.kind}${d.date === today ? " today" : ""}`}>
                <span className="date">{showDate(d.date)}</span>
                <span>
                  {d.kind === "run"
                    ? (d.run?.label ?? "Run")
                    : d.kind === "strength"
                      ? "Strength"
                      : "Rest"}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}

type Op = "swap-exercise" | "add-exercise" | "remove-exercise" | "set-dose";

function Editor({
  row,
  list,
  onSaved,
}: {
  row: ProgrammeRow;
  list: Prescription[];
  onSaved: () => void;
}) {
  const [op, setOp] = useState<Op>("swap-exercise");
  const [exercise, setExercise] = useState(list[0]?.exercise ?? "");
  const [other, setOther] = useState("");
  const [sets, setSets] = useState("");
  const [reps, setReps] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inProgramme = new Set(list.map((p) => p.exercise));
  const candidates = EXERCISES.filter((e) => !inProgramme.has(e.id));
  const current = list.find((p) => p.exercise === exercise);

  const save = async () => {
    setError(null);
    const change =
      op === "swap-exercise"
        ? { op, exercise, with: other }
        : op === "add-exercise"
          ? { op, exercise: other }
          : op === "remove-exercise"
            ? { op, exercise }
            : {
                op,
                exercise,
                ...(sets ? { sets: Number(sets) } : {}),
                ...(reps ? { reps: [Number(reps), Number(reps)] } : {}),
              };
    try {
      await api("PATCH", `/api/programmes/${row.id}`, { reason, changes: [change] });
      setSaved("Saved, with its reason.");
      setReason("");
      onSaved();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card editor" aria-labelledby="edit-h">
      <h2 id="edit-h">Change the programme</h2>
      <Field label="Change">
        {(id) => (
          <select id={id} value={op} onChange={(e) => setOp(e.target.value as Op)}>
            <option value="swap-exercise">Swap an exercise</option>
            <option value="add-exercise">Add an exercise</option>
            <option value="remove-exercise">Remove an exercise</option>
            <option value="set-dose">Change a dose</option>
          </select>
        )}
      </Field>
      {op !== "add-exercise" && (
        <Field label="Exercise in the programme">
          {(id) => (
            <select id={id} value={exercise} onChange={(e) => setExercise(e.target.value)}>
              {list.map((p) => (
                <option key={p.exercise} value={p.exercise}>
                  {p.name} ({doseText(p)})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {(op === "swap-exercise" || op === "add-exercise") && (
        <Field label={op === "swap-exercise" ? "Replace with" : "Exercise to add"}>
          {(id) => (
            <select id={id} value={other} onChange={(e) => setOther(e.target.value)}>
              <option value="">Choose an exercise</option>
              {candidates.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {op === "set-dose" && (
        <div className="row">
          <Field label={`Sets (now ${current?.sets ?? "–"})`}>
            {(id) => (
              <input
                id={id}
                inputMode="numeric"
                value={sets}
                onChange={(e) => setSets(e.target.value)}
              />
            )}
          </Field>
          <Field label="Repetitions per set">
            {(id) => (
              <input
                id={id}
                inputMode="numeric"
                value={reps}
                onChange={(e) => setReps(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <Field label="Reason for the change" hint="Kept with the change: who, when and why.">
        {(id, hintId) => (
          <textarea
            id={id}
            aria-describedby={hintId}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {error !== null && <ErrorBox error={error} />}
      {saved && <p role="status">{saved}</p>}
      <button type="button" className="primary" onClick={save} disabled={reason.trim().length < 3}>
        Save the change
      </button>
    </section>
  );
}
