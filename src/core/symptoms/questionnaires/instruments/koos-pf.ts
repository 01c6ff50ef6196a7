import type { AnswerOption, Instrument } from "../questionnaire.types.js";

/*
 * KOOS patellofemoral pain and osteoarthritis subscale (KOOS-PF), crossley-2018: 11 items
 * scored 0 (no problems) to 4 (extreme problems); score = 100 − mean item score × 25, so
 * 100 is no problems; at least half the items (6 of 11) must be answered; minimal important
 * change 16.4 points.
 *
 * The item wording is NOT bundled: no authoritative copy of the English KOOS-PF form was
 * available when this was written, and the wording of a validated form must not be guessed.
 * The items are identified as PF1–PF11 in the order of the published form; the clinic supplies
 * the wording from its own copy of the form (free for non-commercial use). Scoring does not
 * depend on the wording.
 */

const KOOS_OPTIONS: readonly AnswerOption[] = [
  { score: 0, label: "0 – no problems" },
  { score: 1, label: "1 – mild problems" },
  { score: 2, label: "2 – moderate problems" },
  { score: 3, label: "3 – severe problems" },
  { score: 4, label: "4 – extreme problems" },
];

const ITEM_COUNT = 11;

/** KOOS-PF: 11 items 0–4, score 0–100 (100 = no problems); ≥ 6 answered; MIC 16.4 (crossley-2018). */
export const KOOS_PF: Instrument = {
  id: "koos-pf",
  name: "KOOS patellofemoral pain and osteoarthritis subscale (KOOS-PF)",
  shortName: "KOOS-PF",
  version: "Crossley 2018, 11 items (item wording supplied by the clinic)",
  instructions: "",
  items: Array.from({ length: ITEM_COUNT }, (_, index) => ({
    id: `PF${index + 1}`,
    text: `KOOS-PF item ${index + 1} (wording to be supplied from the clinic's KOOS-PF form)`,
    options: KOOS_OPTIONS,
  })),
  range: [0, 100],
  higherIsBetter: true,
  mcid: {
    points: 16.4,
    source: "crossley-2018",
    population: "patellofemoral pain and osteoarthritis",
  },
  // Half of 11 is 5.5, so 6 answered items are needed (crossley-2018, as for all KOOS subscales).
  scoring: { kind: "koos", minAnswered: 6 },
  missingRule:
    "At least 6 of the 11 items (half, rounded up) must be answered; the score uses the mean of the answered items, to one decimal.",
  source: "crossley-2018",
  licence:
    "KOOS and its subscales are free for non-commercial use; commercial use needs the copyright holder's agreement. The item wording is not bundled with hipcheck and must be supplied from the clinic's own copy of the form.",
  wordingBundled: false,
};
