import type { Instrument, InstrumentItem } from "./questionnaire.types.js";

/** One answer that cannot be used: the item key it was stored under, and why, in plain words. */
export interface AnswerIssue {
  itemId: string;
  message: string;
}

/** Whole numbers from 0 up, in a row: listed as a range rather than one by one when this long. */
const RANGE_WORDING_FROM = 6;

/** "AKPS item 3", or "NPRS pain rating" for a single-item scale. */
export function itemLabel(instrument: Instrument, item: Pick<InstrumentItem, "id">): string {
  return instrument.items.length === 1
    ? `${instrument.shortName} ${item.id} rating`
    : `${instrument.shortName} item ${item.id}`;
}

/** The scores an item accepts, in words: "0, 2, 3 or 5", or "a whole number from 0 to 10". */
export function describeOptions(item: InstrumentItem): string {
  const scores = item.options.map((option) => option.score).sort((a, b) => a - b);
  const first = scores[0] ?? 0;
  const last = scores[scores.length - 1] ?? 0;
  const consecutive = scores.every((score, index) => score === first + index);
  if (consecutive && scores.length >= RANGE_WORDING_FROM) {
    return `a whole number from ${first} to ${last}`;
  }
  const words = scores.map(String);
  return words.length <= 1
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function describeValue(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

function knownItemsWording(instrument: Instrument): string {
  const ids = instrument.items.map((item) => item.id);
  if (ids.length === 1) return `its only item is "${ids[0]}"`;
  return `its items are ${ids[0]} to ${ids[ids.length - 1]}`;
}

/**
 * Checks raw answers against an instrument's items: every key must name an item, and every
 * value must be one of that item's option scores, or null for a blank. Returns all problems.
 */
export function checkAnswers(
  instrument: Instrument,
  answers: Readonly<Record<string, unknown>>,
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    const item = instrument.items.find((candidate) => candidate.id === itemId);
    if (item === undefined) {
      issues.push({
        itemId,
        message: `${instrument.shortName} has no item "${itemId}"; ${knownItemsWording(instrument)}`,
      });
      continue;
    }
    if (value === null) continue;
    const accepted =
      typeof value === "number" && item.options.some((option) => option.score === value);
    if (!accepted) {
      issues.push({
        itemId,
        message: `${itemLabel(instrument, item)} takes ${describeOptions(item)} — got ${describeValue(value)}`,
      });
    }
  }
  return issues;
}
