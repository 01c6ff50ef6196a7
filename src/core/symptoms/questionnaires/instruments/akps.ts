import type { AnswerOption, Instrument } from "../questionnaire.types.js";

/*
 * Anterior Knee Pain Scale (Kujala score), kujala-1993.
 *
 * Pinned version: the original 1993 scoring, as reprinted item by item in a 2023 review
 * table (J Orthop 2023;42:54–62, PMC10362729). Forms in circulation differ in a few option
 * scores: some give "Limp: constant" 2 points instead of 0, and "Squatting: possible with
 * partial weight bearing" 1 point instead of 2, and some reword the jumping options. Those
 * scores are not options here, so an answer copied from such a form is rejected rather than
 * silently mis-scored. The item and option wording is the instrument's own and is kept as
 * published: a validated scale must be asked as it was validated.
 */

const opts = (...pairs: [number, string][]): AnswerOption[] =>
  pairs.map(([score, label]) => ({ score, label }));

/** AKPS: 13 items, total 0–100, higher is better; MCID 10 points (crossley-2004). */
export const AKPS: Instrument = {
  id: "akps",
  name: "Anterior Knee Pain Scale (Kujala score)",
  shortName: "AKPS",
  version: "Kujala 1993, original option scores",
  instructions: "For each question, choose the one answer that best describes your knee now.",
  items: [
    {
      id: "1",
      text: "Limp",
      options: opts([5, "None"], [3, "Slight or periodical"], [0, "Constant"]),
    },
    {
      id: "2",
      text: "Support",
      options: opts(
        [5, "Full support without pain"],
        [3, "Painful"],
        [0, "Weight bearing impossible"],
      ),
    },
    {
      id: "3",
      text: "Walking",
      options: opts([5, "Unlimited"], [3, "More than 2 km"], [2, "1–2 km"], [0, "Unable"]),
    },
    {
      id: "4",
      text: "Stairs",
      options: opts(
        [10, "No difficulty"],
        [8, "Slight pain when descending"],
        [5, "Pain both when descending and ascending"],
        [0, "Unable"],
      ),
    },
    {
      id: "5",
      text: "Squatting",
      options: opts(
        [5, "No difficulty"],
        [4, "Repeated squatting painful"],
        [3, "Painful each time"],
        [2, "Possible with partial weight bearing"],
        [0, "Unable"],
      ),
    },
    {
      id: "6",
      text: "Running",
      options: opts(
        [10, "No difficulty"],
        [8, "Pain after more than 2 km"],
        [6, "Slight pain from start"],
        [3, "Severe pain"],
        [0, "Unable"],
      ),
    },
    {
      id: "7",
      text: "Jumping",
      options: opts(
        [10, "No difficulty"],
        [7, "Slight difficulty"],
        [2, "Constant pain"],
        [0, "Unable"],
      ),
    },
    {
      id: "8",
      text: "Prolonged sitting with the knees flexed",
      options: opts(
        [10, "No difficulty"],
        [8, "Pain after exercise"],
        [6, "Constant pain"],
        [4, "Pain forces to extend knees temporarily"],
        [0, "Unable"],
      ),
    },
    {
      id: "9",
      text: "Pain",
      options: opts(
        [10, "None"],
        [8, "Slight and occasional"],
        [6, "Interferes with sleep"],
        [3, "Occasionally severe"],
        [0, "Constant and severe"],
      ),
    },
    {
      id: "10",
      text: "Swelling",
      options: opts(
        [10, "None"],
        [8, "After severe exertion"],
        [6, "After daily activities"],
        [4, "Every evening"],
        [0, "Constant"],
      ),
    },
    {
      id: "11",
      text: "Abnormal painful kneecap (patellar) movements (subluxations)",
      options: opts(
        [10, "None"],
        [6, "Occasionally in sports activities"],
        [4, "Occasionally in daily activities"],
        [2, "At least one documented dislocation"],
        [0, "More than 2 dislocations"],
      ),
    },
    {
      id: "12",
      text: "Atrophy of thigh",
      options: opts([5, "None"], [3, "Slight"], [0, "Severe"]),
    },
    {
      id: "13",
      text: "Flexion deficiency",
      options: opts([5, "None"], [3, "Slight"], [0, "Severe"]),
    },
  ],
  range: [0, 100],
  higherIsBetter: true,
  // 10 of 100 points, the smallest difference patients or clinicians rated important (crossley-2004).
  mcid: { points: 10, source: "crossley-2004", population: "patellofemoral pain" },
  // Items weigh 5 or 10 points, so a blank item cannot be filled in fairly: all 13 are needed.
  scoring: { kind: "sum", minAnswered: 13 },
  missingRule:
    "All 13 items must be answered. Items weigh 5 or 10 points, so a blank cannot be filled in fairly; an incomplete form is not scored.",
  source: "kujala-1993",
  licence:
    "Published in Arthroscopy (1993) and reproduced widely for clinical and research use; no licence terms or permission process from the authors or publisher were found. Confirm terms with the publisher before commercial use.",
  wordingBundled: true,
};
