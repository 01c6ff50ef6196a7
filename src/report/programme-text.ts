import { findExercise, ladderOf } from "../core/exercises/library.js";
import type { Programme } from "../core/program/programme.types.js";
import { SOURCES } from "../core/sources.js";
import { doseText, sessionLines, sessionTitle } from "./programme-calendar.js";
import { heading, wrap } from "./text-layout.js";

/** The programme as a readable plan: phases, the week-by-week schedule, then one card per exercise. */
export function renderProgramme(programme: Programme): string {
  const parts = [
    `hipcheck programme · ${programme.start} to ${programme.end} · ${programme.weeks} weeks · rules ${programme.rulesVersion}`,
    `${programme.availability.daysPerWeek} days a week, up to ${programme.availability.minutesPerSession} min a session; equipment: ${programme.availability.equipment.join(", ") || "none"}`,
  ];
  if (programme.notes.length)
    parts.push(heading("Before you start"), ...programme.notes.map((n) => wrap(n, 2, "! ")));
  parts.push(wrap(`Hip work: ${programme.basis.note}.`, 2, "· "));
  parts.push(
    heading("Phases"),
    ...programme.phases.map((p) =>
      wrap(`Weeks ${p.weeks[0]}–${p.weeks[1]}: ${p.name}. ${p.aim}`, 2, `${p.phase}. `),
    ),
    heading("Running"),
    ...programme.runPlan.rules.map((r) => wrap(r, 2, "- ")),
    ...(programme.runPlan.cadenceCue ? [wrap(programme.runPlan.cadenceCue.text, 2, "- ")] : []),
  );
  for (let week = 1; week <= programme.weeks; week++) {
    const days = programme.sessions.filter((s) => s.week === week);
    const runs = days.filter((s) => s.kind === "run").length;
    parts.push(
      heading(
        `Week ${week} (phase ${days[0]?.phase ?? ""}) · ${runs} runs, ${7 - runs} days without running`,
      ),
    );
    for (const s of days) {
      parts.push(`  ${s.date} ${s.weekday.slice(0, 3)}  ${sessionTitle(s)}`);
      for (const line of sessionLines(s).filter((l) => !l.startsWith("Run: ")))
        parts.push(wrap(line, 18, "· "));
    }
  }
  parts.push(
    heading("Exercise cards"),
    ...programme.exercises.map((id) => exerciseCard(id, chosenByOf(programme, id))),
  );
  parts.push(
    heading("Sources"),
    ...programme.sources.map((id) => wrap(SOURCES[id].citation, 2, `[${id}] `)),
  );
  return `${parts.join("\n")}\n`;
}

/** Why an exercise is in this programme: the findings recorded on its first prescription. */
function chosenByOf(programme: Programme, id: string): string[] {
  for (const s of programme.sessions)
    for (const p of [...s.strength, ...s.stretching, ...s.aroundRun, ...s.activation])
      if (p.exercise === id) return p.chosenBy;
  return [];
}

/** Everything a runner needs to do one exercise well; `chosenBy` says which finding put it here. */
export function exerciseCard(id: string, chosenBy: readonly string[] = []): string {
  const e = findExercise(id);
  const ladder = ladderOf(id).map((step) => (step.id === e.id ? `[${step.name}]` : step.name));
  const dose = doseText({
    exercise: e.id,
    name: "Dose:",
    kind: e.kind,
    sets: e.dose.sets[1] === e.dose.sets[0] ? e.dose.sets[0] : e.dose.sets[1],
    ...(e.dose.reps ? { reps: e.dose.reps } : {}),
    ...(e.dose.seconds ? { seconds: e.dose.seconds } : {}),
    ...(e.dose.metres ? { metres: e.dose.metres } : {}),
    perSide: e.dose.perSide,
    minutes: e.minutes,
    why: "",
    forFindings: [],
    chosenBy: [],
    doseSource: e.doseSource,
  });
  const sets =
    e.dose.sets[0] === e.dose.sets[1] ? "" : ` (${e.dose.sets[0]}–${e.dose.sets[1]} sets)`;
  return [
    "",
    `  ${e.name.toUpperCase()} — ${e.kind}; works ${e.targets.join(", ")}; needs ${e.equipment.join(", ")}`,
    wrap(
      `${dose}${sets}${e.dose.note ? `; ${e.dose.note}` : ""} [${e.doseSource}${e.doseBasis === "clinic-default" ? ", clinic default" : ""}]`,
      4,
    ),
    wrap(`Why: ${e.why}`, 4),
    ...(chosenBy.length ? [wrap(`Chosen for: ${chosenBy.join("; ")}.`, 4)] : []),
    wrap(`Start: ${e.startPosition}`, 4),
    ...e.steps.map((step, i) => wrap(step, 4, `${i + 1}. `)),
    wrap(`Cues: ${e.cues.join("; ")}.`, 4),
    wrap(`Watch for: ${e.commonFaults.join("; ")}.`, 4),
    ...(ladder.length > 1 ? [wrap(`Ladder: ${ladder.join(" → ")}`, 4)] : []),
  ].join("\n");
}
