import type { AnswerOption, Instrument } from "../questionnaire.types.js";

/*
 * Lower Extremity Functional Scale, binkley-1999: 20 activities, each 0 (extreme difficulty
 * or unable) to 4 (no difficulty), total 0–80, higher is better. Item and answer wording is
 * the instrument's own, kept as published.
 */

const LEFS_OPTIONS: readonly AnswerOption[] = [
  { score: 0, label: "Extreme difficulty or unable to perform activity" },
  { score: 1, label: "Quite a bit of difficulty" },
  { score: 2, label: "Moderate difficulty" },
  { score: 3, label: "A little bit of difficulty" },
  { score: 4, label: "No difficulty" },
];

const ACTIVITIES = [
  "Any of your usual work, housework, or school activities.",
  "Your usual hobbies, recreational or sporting activities.",
  "Getting into or out of the bath.",
  "Walking between rooms.",
  "Putting on your shoes or socks.",
  "Squatting.",
  "Lifting an object, like a bag of groceries from the floor.",
  "Performing light activities around your home.",
  "Performing heavy activities around your home.",
  "Getting into or out of a car.",
  "Walking 2 blocks.",
  "Walking a mile.",
  "Going up or down 10 stairs (about 1 flight of stairs).",
  "Standing for 1 hour.",
  "Sitting for 1 hour.",
  "Running on even ground.",
  "Running on uneven ground.",
  "Making sharp turns while running fast.",
  "Hopping.",
  "Rolling over in bed.",
] as const;

/** LEFS: 20 items 0–4, total 0–80, higher is better; MCID 9 points (binkley-1999). */
export const LEFS: Instrument = {
  id: "lefs",
  name: "Lower Extremity Functional Scale",
  shortName: "LEFS",
  version: "Binkley 1999",
  instructions:
    "We are interested in knowing whether you are having any difficulty at all with the activities listed below because of your lower limb problem for which you are currently seeking attention. Please provide an answer for each activity. Today, do you or would you have any difficulty at all with:",
  items: ACTIVITIES.map((text, index) => ({
    id: String(index + 1),
    text,
    options: LEFS_OPTIONS,
  })),
  range: [0, 80],
  higherIsBetter: true,
  // 9 points is both the minimal detectable change (90 % confidence) and the minimal
  // clinically important difference in the development study (binkley-1999).
  mcid: {
    points: 9,
    source: "binkley-1999",
    population: "lower-extremity musculoskeletal conditions",
  },
  // hipcheck's rule, not the authors': up to 4 of 20 blanks (20 %) are prorated, more are not scored.
  scoring: { kind: "prorated-sum", maxMissing: 4 },
  missingRule:
    "Up to 4 of the 20 items may be blank: the total is then prorated (sum of the answered items ÷ number answered × 20, one decimal) and marked as prorated. With 5 or more blank, the form is not scored. This is hipcheck's rule; the original paper gives none.",
  source: "binkley-1999",
  licence:
    "Published in Physical Therapy by the American Physical Therapy Association. A printed or displayed form carries the notice: Reprinted from Binkley J, Stratford P, Lott S, Riddle D, & The North American Orthopaedic Rehabilitation Research Network, The Lower Extremity Functional Scale (LEFS): scale development, measurement properties, and clinical application, Physical Therapy, 1999, 79, 371–383, with permission of the American Physical Therapy Association.",
  wordingBundled: true,
};
