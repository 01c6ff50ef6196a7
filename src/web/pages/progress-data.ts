import { mondayOf } from "../../core/calendar-date.js";
import type { Programme } from "../../core/program/programme.types.js";
import type { Series } from "../components/chart.js";
import { type AssessmentRow, day, type LogRow } from "../types.js";

/** Figures for the progress charts, from stored assessments, logs and the plan. Pure. */

interface RunEntry {
  date: string;
  run: { durationMin?: number; painDuring: number; painAfter: number; painNextMorning?: number };
}

export function assessed(assessments: readonly AssessmentRow[]) {
  return assessments
    .filter((a) => a.result)
    .sort((a, b) => a.result!.assessedOn.localeCompare(b.result!.assessedOn));
}

/** LSI per test over time, one series per test. */
export function symmetrySeries(assessments: readonly AssessmentRow[]): Series[] {
  const byTest = new Map<string, Series>();
  for (const a of assessed(assessments))
    for (const t of a.result!.strength?.tests ?? []) {
      if (t.lsiPercent === undefined) continue;
      const s = byTest.get(t.test) ?? { label: t.test.replace(/-/g, " "), points: [] };
      s.points.push({ x: a.result!.assessedOn, y: t.lsiPercent });
      byTest.set(t.test, s);
    }
  return [...byTest.values()];
}

/** Nm/kg per test and side over time (hip tests, where the programme works). */
export function torqueSeries(assessments: readonly AssessmentRow[]): Series[] {
  const series = new Map<string, Series>();
  for (const a of assessed(assessments))
    for (const t of a.result!.strength?.tests ?? [])
      for (const side of ["left", "right"] as const) {
        const value = t.sides[side]?.torqueNmPerKg;
        if (value === undefined || !t.test.startsWith("hip")) continue;
        const key = `${t.test} ${side}`;
        const s = series.get(key) ?? { label: `${t.test.replace(/-/g, " ")}, ${side}`, points: [] };
        s.points.push({ x: a.result!.assessedOn, y: value });
        series.set(key, s);
      }
  return [...series.values()];
}

export function painSeries(logs: readonly LogRow[]): Series[] {
  const runs = logs
    .filter((l) => l.kind === "run")
    .map((l) => ({ ...(l.entry as unknown as RunEntry), date: day(l.loggedOn) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const pick = (label: string, f: (r: RunEntry["run"]) => number | undefined): Series => ({
    label,
    points: runs.flatMap((r) => {
      const y = f(r.run);
      return y === undefined ? [] : [{ x: r.date, y }];
    }),
  });
  return [
    pick("during the run", (r) => r.painDuring),
    pick("after the run", (r) => r.painAfter),
    pick("next morning", (r) => r.painNextMorning),
  ];
}

/** Per week: planned sessions done (a log on a planned day) and run minutes against the plan. */
export function weekly(programme: Programme | undefined, logs: readonly LogRow[], today: string) {
  if (!programme) return { adherence: [] as Series[], volume: [] as Series[] };
  const logged = new Map<string, LogRow[]>();
  for (const l of logs) logged.set(day(l.loggedOn), [...(logged.get(day(l.loggedOn)) ?? []), l]);
  const weeks = new Map<
    string,
    { planned: number; done: number; planMin: number; runMin: number }
  >();
  for (const s of programme.sessions) {
    if (s.date >= today) continue; // today is not over yet
    const w = mondayOf(s.date);
    const row = weeks.get(w) ?? { planned: 0, done: 0, planMin: 0, runMin: 0 };
    if (s.kind !== "rest") {
      row.planned += 1;
      if (logged.get(s.date)?.some((l) => l.kind === s.kind)) row.done += 1;
    }
    if (s.kind === "run") row.planMin += s.run?.minutes ?? 0;
    for (const l of logged.get(s.date) ?? [])
      if (l.kind === "run") row.runMin += (l.entry as unknown as RunEntry).run.durationMin ?? 0;
    weeks.set(w, row);
  }
  const list = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    adherence: [
      {
        label: "sessions done, % of planned",
        points: list
          .filter(([, r]) => r.planned > 0)
          .map(([x, r]) => ({ x, y: (r.done / r.planned) * 100 })),
      },
    ],
    volume: [
      { label: "minutes run", points: list.map(([x, r]) => ({ x, y: r.runMin })) },
      {
        label: "minutes planned",
        points: list.map(([x, r]) => ({ x, y: r.planMin })),
        dashed: true,
      },
    ],
  };
}

export function questionnaireSeries(assessments: readonly AssessmentRow[], instrument: string) {
  const points: { x: string; y: number }[] = [];
  let mcid: number | undefined;
  for (const a of assessed(assessments)) {
    const q = a.result!.questionnaires.find((s) => s.instrument === instrument);
    if (q?.latest) {
      points.push({ x: q.latest.date, y: q.latest.score });
      mcid = q.fromFirst?.mcid.points ?? mcid;
    }
  }
  return { points, mcid };
}
