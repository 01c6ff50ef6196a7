import ical from "ical-generator";
import { formatNumber } from "../core/format.js";
import type { PlannedSession, Prescription, Programme } from "../core/program/programme.types.js";

/** One line for an exercise: "Clamshell 3 × 12–15 per side (right 4 sets)". */
export function doseText(p: Prescription): string {
  const range = (r: readonly [number, number], unit = "") =>
    r[0] === r[1] ? `${r[0]}${unit}` : `${r[0]}–${r[1]}${unit}`;
  const amount = p.reps
    ? range(p.reps)
    : p.seconds
      ? range(p.seconds, " s")
      : p.metres
        ? range(p.metres, " m")
        : "";
  const extra = p.setsBySide
    ? ` (${p.setsBySide.left > p.setsBySide.right ? `left ${p.setsBySide.left}` : `right ${p.setsBySide.right}`} sets)`
    : "";
  return `${p.name} ${p.sets}${amount ? ` × ${amount}` : " sets"}${p.perSide ? " per side" : ""}${extra}`;
}

/** A session's title, e.g. "Run: Walk 9 min, run 1 min, × 3 (30 min)" or "Hip strength (37 min)". */
export function sessionTitle(s: PlannedSession): string {
  if (s.kind === "run" && s.run) return `Run: ${s.run.label}`;
  if (s.kind === "strength") return `Hip strength (${formatNumber(s.minutes, 0)} min)`;
  return `No running: stretching (${formatNumber(s.minutes, 0)} min)`;
}

/** Everything to do that day, one item a line. */
export function sessionLines(s: PlannedSession): string[] {
  const lines: string[] = [];
  if (s.run)
    lines.push(`Run: ${s.run.label}${s.run.repeat ? ` (time ${s.run.repeat} at this level)` : ""}`);
  if (s.aroundRun.length)
    lines.push(`Before and after the run: ${s.aroundRun.map(doseText).join("; ")}`);
  for (const p of s.strength) lines.push(doseText(p));
  if (s.stretching.length) lines.push(`Stretching: ${s.stretching.map(doseText).join("; ")}`);
  if (s.activation.length)
    lines.push(`Glute activation: ${s.activation.map((p) => p.name).join("; ")}`);
  return lines;
}

/**
 * The programme as an iCalendar file (RFC 5545): one all-day event per day, the day's work in
 * its description. `stamp` is when the file was made (DTSTAMP); the caller passes the clock.
 */
export function programmeToIcs(programme: Programme, stamp: Date): string {
  return sessionsToIcs(programme.sessions, { stamp });
}

export interface CalendarOptions {
  /** DTSTAMP of every event: when the plan was last revised (RFC 5545 §3.8.7.2). */
  stamp: Date;
  /** For a subscribed feed: how often a calendar app should fetch it again. */
  refreshSeconds?: number;
}

/**
 * Planned days as an iCalendar file; no days gives an empty calendar (a subscribed feed stays
 * valid before a plan exists). Event ids are the day and its kind, so an app that fetches the
 * feed again updates the same events instead of adding copies.
 */
export function sessionsToIcs(
  sessions: readonly PlannedSession[],
  options: CalendarOptions,
): string {
  const calendar = ical({
    name: "hipcheck programme",
    prodId: { company: "hipcheck", product: "programme", language: "EN" },
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  for (const s of sessions) {
    calendar.createEvent({
      id: `${s.date}-${s.kind}@hipcheck`,
      start: dateOnly(s.date),
      allDay: true,
      stamp: options.stamp,
      summary: sessionTitle(s),
      description: [`Week ${s.week}, phase ${s.phase}.`, ...sessionLines(s)].join("\n"),
    });
  }
  return calendar.toString();
}

/** A date-only value: ical-generator writes all-day dates from the Date's UTC fields. */
function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
