import type { AnswerOption, Instrument } from "../questionnaire.types.js";

/*
 * Numeric pain rating scale, 11 points (0–10), lower is better.
 *
 * Two minimal important changes are in use, and hipcheck reports both:
 * - 1.2 points (1.16) in patellofemoral pain after 8 weeks of physiotherapy (piva-2009).
 *   This one decides the judgement, because it was measured in knee pain like ours.
 * - about 2 points or 30 % of the starting pain, across chronic pain conditions
 *   (farrar-2001). It is stated beside the judgement of a fall in pain, never instead of it.
 * Ratings are whole numbers, so 1.2 points means a fall of at least 2. The marks differ only
 * for a 1-point fall from a low start (3 → 2 is 33 %): not judged improved, but the
 * statement says that the general mark would count it.
 *
 * The question is hipcheck's own wording. Asking the same question each time matters more
 * than its exact words: usual knee pain over the last week, so that one bad day does not
 * decide a change. Pain during a run is tracked separately by the run-pain monitor.
 */

const NPRS_OPTIONS: readonly AnswerOption[] = Array.from({ length: 11 }, (_, score) => ({
  score,
  label: score === 0 ? "0 – no pain" : score === 10 ? "10 – worst pain imaginable" : String(score),
}));

/** NPRS: one rating 0–10, lower is better; MCID 1.2 points in PFP (piva-2009), general 2 points / 30 % (farrar-2001). */
export const NPRS: Instrument = {
  id: "nprs",
  name: "Numeric Pain Rating Scale (knee pain, 0–10)",
  shortName: "NPRS",
  version: "11-point scale; usual knee pain over the last week",
  instructions:
    "Pick the number that best describes your usual knee pain over the last week: 0 is no pain, 10 is the worst pain you can imagine.",
  items: [{ id: "pain", text: "Usual knee pain over the last week", options: NPRS_OPTIONS }],
  range: [0, 10],
  higherIsBetter: false,
  mcid: { points: 1.2, source: "piva-2009", population: "patellofemoral pain" },
  generalReduction: { points: 2, percent: 30, source: "farrar-2001", population: "chronic pain" },
  scoring: { kind: "sum", minAnswered: 1 },
  missingRule: "The single rating is required.",
  source: "piva-2009",
  licence: "A generic rating scale with no owner; free to use.",
  wordingBundled: true,
};
