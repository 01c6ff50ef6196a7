import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { assess } from "../core/assessment/assess.js";
import { generateProgramme } from "../core/program/programme.js";
import { assessmentFile, pairedTest } from "../core/test-support/assessment.builder.js";
import { doseText, programmeToIcs, sessionTitle } from "./programme-calendar.js";

const programme = generateProgramme({
  assessment: assess(assessmentFile({ strength: { tests: pairedTest("hip-abduction", 120, 84) } })),
  availability: { daysPerWeek: 6, minutesPerSession: 45, equipment: ["band"] },
  start: "2026-12-01",
  weeks: 6,
});

describe("iCalendar export", () => {
  const text = programmeToIcs(programme, new Date("2026-11-21T09:30:00Z"));
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

  it("parses as RFC 5545 with one all-day event per programme day", () => {
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//hipcheck//programme//EN");
    expect(events).toHaveLength(programme.sessions.length);
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
  });

  it("holds the same sessions as the programme, on the same dates", () => {
    const fromIcs = events.map((e) => [e.startDate.toString(), e.summary]);
    const fromPlan = programme.sessions.map((s) => [s.date, sessionTitle(s)]);
    expect(fromIcs).toEqual(fromPlan);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("puts the day's exercises with their doses in the description", () => {
    const strengthDay = programme.sessions.find((s) => s.kind === "strength");
    const event = events.find((e) => e.startDate.toString() === strengthDay?.date);
    const first = strengthDay?.strength[0];
    expect(first).toBeDefined();
    if (first) expect(event?.description).toContain(doseText(first));
    expect(doseText(first ?? programme.sessions[0]!.stretching[0]!)).toBe(
      "Side-lying clamshell 3 × 12–15 per side (right 4 sets)",
    );
  });

  it("folds long lines at 75 octets", () => {
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
