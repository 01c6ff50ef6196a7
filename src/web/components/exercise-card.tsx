import { findExercise } from "../../core/exercises/library.js";
import type { Prescription } from "../../core/program/programme.types.js";
import { CoreFigure } from "./core-figure.js";

/** "3 × 10–15 per side", "2 × 60 s" */
export function doseText(p: Prescription): string {
  const range = (r: readonly [number, number]) => (r[0] === r[1] ? `${r[0]}` : `${r[0]}–${r[1]}`);
  const sets = p.setsBySide
    ? `${p.setsBySide.right} right / ${p.setsBySide.left} left`
    : `${p.sets}`;
  const amount = p.reps
    ? range(p.reps)
    : p.seconds
      ? `${range(p.seconds)} s`
      : p.metres
        ? `${range(p.metres)} m`
        : "";
  return `${sets} × ${amount}${p.perSide ? " per side" : ""}`;
}

/** An exercise card: the core's illustration, the steps, the cues and the dose. */
export function ExerciseCard({ p, children }: { p: Prescription; children?: React.ReactNode }) {
  const exercise = findExercise(p.exercise);
  return (
    <article className="card exercise" data-exercise={p.exercise}>
      <h3>{p.name}</h3>
      <p className="dose">{doseText(p)}</p>
      <CoreFigure exercise={p.exercise} alt={`How to do ${p.name}`} />
      <details>
        <summary>Steps and cues</summary>
        <ol>
          {exercise.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <ul className="cues">
          {exercise.cues.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
      <p className="small">{p.why}</p>
      {children}
    </article>
  );
}
