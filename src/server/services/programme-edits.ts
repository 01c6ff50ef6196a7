import { z } from "zod";
import { InputError } from "../../core/errors.js";
import type { Programme } from "./core-calls.js";
import { addExercise, libraryExercise, swapExercise } from "./programme-swaps.js";

/** The changes a clinician can make to a generated programme. Each edit is kept with its reason. */

const range = z
  .tuple([z.number().int().min(1).max(600), z.number().int().min(1).max(600)])
  .refine(([min, max]) => min <= max, { error: "the first number must not exceed the second" });

export const programmeChange = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("set-dose"),
    exercise: z.string().min(1).max(80),
    sets: z.number().int().min(1).max(20).optional(),
    reps: range.optional(),
    seconds: range.optional(),
  }),
  z.strictObject({ op: z.literal("remove-exercise"), exercise: z.string().min(1).max(80) }),
  z.strictObject({ op: z.literal("add-note"), text: z.string().trim().min(1).max(1000) }),
  z.strictObject({
    op: z.literal("swap-exercise"),
    exercise: z.string().min(1).max(80),
    with: z.string().min(1).max(80),
  }),
  z.strictObject({ op: z.literal("add-exercise"), exercise: z.string().min(1).max(80) }),
]);
export type ProgrammeChange = z.infer<typeof programmeChange>;

type Prescriptions = Programme["sessions"][number]["strength"];
const LISTS = ["strength", "stretching", "aroundRun", "activation"] as const;

/** Applies the changes in order to a copy; a change naming an exercise not in it is an error. */
export function applyChanges(programme: Programme, changes: readonly ProgrammeChange[]): Programme {
  let out: Programme = structuredClone(programme);
  changes.forEach((change, index) => {
    if (change.op === "add-note") {
      out = { ...out, notes: [...out.notes, change.text] };
      return;
    }
    if (change.op === "add-exercise") {
      out = addExercise(out, libraryExercise(change.exercise, `changes[${index}].exercise`));
      return;
    }
    if (!out.exercises.includes(change.exercise as Programme["exercises"][number]))
      throw new InputError([
        {
          path: `changes[${index}].exercise`,
          message: `"${change.exercise}" is not in this programme`,
        },
      ]);
    if (change.op === "swap-exercise") {
      out = swapExercise(
        out,
        change.exercise,
        libraryExercise(change.with, `changes[${index}].with`),
      );
      return;
    }
    const edit = (list: Prescriptions): Prescriptions =>
      change.op === "remove-exercise"
        ? list.filter((p) => p.exercise !== change.exercise)
        : list.map((p) =>
            p.exercise !== change.exercise
              ? p
              : {
                  ...p,
                  ...(change.sets ? { sets: change.sets, setsBySide: undefined } : {}),
                  ...(change.reps ? { reps: change.reps } : {}),
                  ...(change.seconds ? { seconds: change.seconds } : {}),
                },
          );
    out = {
      ...out,
      sessions: out.sessions.map((s) => {
        const next = { ...s };
        for (const key of LISTS) next[key] = edit(s[key]);
        return next;
      }),
      exercises:
        change.op === "remove-exercise"
          ? out.exercises.filter((e) => e !== change.exercise)
          : out.exercises,
    };
  });
  return JSON.parse(JSON.stringify(out)) as Programme;
}
