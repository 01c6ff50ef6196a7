/**
 * The red-flag screen: which flags are raised, which questions are still unanswered, and
 * what the person should do. Hits come first in any output; nothing is hidden or assumed.
 */
import { z } from "zod";
import type { Symptoms } from "./intake.schema.js";
import { OTTAWA_MAX_DAYS_SINCE_INJURY, type OttawaResult, ottawaKneeRule } from "./ottawa-knee.js";
import {
  ageBandOf,
  RED_FLAG_QUESTION_IDS,
  RED_FLAGS,
  type RedFlag,
  type RedFlagQuestionId,
  redFlagForAge,
  URGENCIES,
  URGENCY_ACTION,
  URGENCY_MEANWHILE,
  type Urgency,
} from "./red-flags.data.js";

export type {
  AgeBand,
  InjuryRedFlagId,
  RedFlag,
  RedFlagId,
  RedFlagQuestionId,
  Urgency,
} from "./red-flags.data.js";
export {
  ageBandOf,
  RED_FLAG_QUESTION_IDS,
  RED_FLAGS,
  redFlagById,
  redFlagForAge,
  URGENCY_ACTION,
  URGENCY_MEANWHILE,
} from "./red-flags.data.js";

/** An answer: yes, no, or "unsure" (kept as unanswered, never read as "no"). */
export type RedFlagAnswer = boolean | "unsure";
export type RedFlagAnswers = Partial<Record<RedFlagQuestionId, RedFlagAnswer>>;

const answerSchema = z
  .union([z.boolean(), z.literal("unsure"), z.null()], {
    error: 'answer yes (true), no (false) or "unsure"',
  })
  .optional();

const questionShape = Object.fromEntries(
  RED_FLAG_QUESTION_IDS.map((id) => [id, answerSchema]),
) as Record<RedFlagQuestionId, typeof answerSchema>;

const VALID_IDS = RED_FLAG_QUESTION_IDS.join(", ");

/**
 * `redFlags:` section: one answer per red-flag question id (true, false, "unsure"; empty =
 * unanswered). An unknown id is an error that lists the valid ones (nhs-knee-pathway).
 */
export const redFlagAnswersSchema = z
  // Loose, then checked by hand: as strict as .strictObject(), but the message can list
  // the valid ids (the shared formatter prints only "unknown field" for strict objects).
  .looseObject(questionShape)
  // The JSON Schema says what the check below enforces, so an editor flags a misspelt id too.
  .meta({ additionalProperties: false, propertyNames: { enum: [...RED_FLAG_QUESTION_IDS] } })
  .superRefine(
    (answers, ctx) => {
      for (const key of Object.keys(answers)) {
        if (!(RED_FLAG_QUESTION_IDS as readonly string[]).includes(key)) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `unknown red-flag question "${key}"; valid ids are: ${VALID_IDS}`,
          });
        }
      }
    },
    // Report unknown ids even when a known one has a bad answer.
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        !Array.isArray(payload.value),
    },
  )
  .transform((answers): RedFlagAnswers => {
    const out: RedFlagAnswers = {};
    for (const id of RED_FLAG_QUESTION_IDS) {
      const answer = answers[id];
      if (answer !== undefined && answer !== null) out[id] = answer;
    }
    return out;
  });

/** A raised flag (worded for the person's age) and what raised it, in plain words. */
export interface RedFlagHit {
  flag: RedFlag;
  because: string;
  /** What to do until seen, in plain words. */
  meanwhile: string;
}

/** A "yes" that raised no flag, and why: no answer is ever dropped silently. */
export interface UnraisedYes {
  flag: RedFlag;
  answer: string;
  reason: string;
}

export interface RedFlagScreen {
  /** true when any flag is raised: the person should be seen before following a programme. */
  referral: boolean;
  /** The most urgent level raised, or null when none is. */
  urgency: Urgency | null;
  /** Raised flags, most urgent first (emergency, then see-doctor-soon, then see-physiotherapist). */
  hits: RedFlagHit[];
  /** Flags that apply to this person but have no answer yet. */
  unanswered: RedFlag[];
  /** Yes answers that raised no flag, each with the reason (e.g. an injury too old for the Ottawa rules). */
  notRaised: UnraisedYes[];
  /** The Ottawa knee rule applied to the injury answers (stiell-1996). */
  ottawa: OttawaResult;
  /** What to do, in plain words, most important first. */
  advice: string[];
}

/** Pain that has lasted this many weeks or more is "persistent" (project default; see docs). */
export const PERSISTENT_PAIN_WEEKS = 6;

export interface ScreenOptions {
  answers: RedFlagAnswers;
  /** Age in years; undefined when not known (age-dependent flags then use their "unknown" wording). */
  person: { age?: number | undefined };
  symptoms: Pick<Symptoms, "pain" | "trauma">;
  /** Weeks after which pain counts as persistent; default PERSISTENT_PAIN_WEEKS. */
  persistentPainWeeks?: number;
}

type QuestionFlag = Extract<RedFlag, { answeredFrom: "question" }>;
type InjuryFlag = Extract<RedFlag, { answeredFrom: "injury" }>;
type Outcome = { kind: "hit"; because: string } | { kind: "unanswered" } | { kind: "clear" };

/**
 * Screens for red flags (nhs-knee-pathway, stiell-1996, sufe-referral, robertson-2017). Age in
 * years, or undefined when not known. Every yes raises its flag, worded for the age band, or
 * is listed in `notRaised` with the reason.
 * Unanswered questions are listed, never read as "no"; advice says to seek a professional
 * assessment, more firmly when pain worsens or persists (seed-000, seed-004).
 */
export function screenRedFlags(options: ScreenOptions): RedFlagScreen {
  const { answers, person, symptoms } = options;
  const ottawa = ottawaKneeRule({ age: person.age, trauma: symptoms.trauma });
  const band = ageBandOf(person.age);
  const hits: RedFlagHit[] = [];
  const unanswered: RedFlag[] = [];

  for (const generic of RED_FLAGS) {
    const flag = redFlagForAge(generic, band);
    const outcome =
      flag.answeredFrom === "question"
        ? questionOutcome(flag, answers)
        : injuryOutcome(flag, symptoms.trauma, ottawa);
    if (outcome.kind === "hit")
      hits.push({
        flag,
        because: outcome.because,
        meanwhile: flag.meanwhile ?? URGENCY_MEANWHILE[flag.urgency],
      });
    else if (outcome.kind === "unanswered") unanswered.push(flag);
  }

  // Stable sort: within an urgency, flags keep the order of RED_FLAGS.
  hits.sort((a, b) => urgencyRank(a.flag.urgency) - urgencyRank(b.flag.urgency));
  const urgency = hits[0]?.flag.urgency ?? null;

  return {
    referral: hits.length > 0,
    urgency,
    hits,
    unanswered,
    notRaised: unraisedInjuryAnswers(symptoms.trauma, ottawa),
    ottawa,
    advice: [
      ...hitAdvice(hits),
      ...unansweredAdvice(unanswered),
      ...persistenceAdvice(symptoms.pain, options.persistentPainWeeks ?? PERSISTENT_PAIN_WEEKS),
    ],
  };
}

const urgencyRank = (urgency: Urgency): number => URGENCIES.indexOf(urgency);

const CLEAR: Outcome = { kind: "clear" };
const UNANSWERED: Outcome = { kind: "unanswered" };
const plural = (n: number): string => (n === 1 ? "" : "s");

function questionOutcome(flag: QuestionFlag, answers: RedFlagAnswers): Outcome {
  const answer = answers[flag.id];
  if (answer === true) return { kind: "hit", because: `answered yes: "${flag.question}"` };
  if (answer === false) return CLEAR;
  return UNANSWERED;
}

function injuryOutcome(
  flag: InjuryFlag,
  trauma: Symptoms["trauma"],
  ottawa: OttawaResult,
): Outcome {
  // Without the injury question answered, only "recent injury" is listed: the other
  // injury flags follow from it and are asked once it is answered yes.
  if (trauma === undefined) return flag.id === "recentInjury" ? UNANSWERED : CLEAR;
  if (!trauma.recent) return CLEAR;
  const when =
    trauma.daysAgo === 0 ? "today" : `${trauma.daysAgo} day${plural(trauma.daysAgo)} ago`;

  switch (flag.id) {
    case "recentInjury": {
      const what = trauma.description === undefined ? "" : ` (${trauma.description})`;
      return { kind: "hit", because: `knee injured ${when}${what}` };
    }
    case "rapidSwellingAfterInjury":
      if (trauma.swellingWithinTwoHours === true)
        return { kind: "hit", because: `swelled within about two hours of the injury ${when}` };
      return trauma.swellingWithinTwoHours === false ? CLEAR : UNANSWERED;
    case "ottawaXrayAdvised":
      if (ottawa.status === "xray-advised") {
        const met = ottawa.criteria.filter((c) => c.met === true).map((c) => c.text);
        return { kind: "hit", because: `injury ${when}; ${met.join("; ")}` };
      }
      return ottawa.status === "incomplete" ? UNANSWERED : CLEAR;
  }
}

/**
 * Injury answers that would point to an X-ray but raise no Ottawa flag, because the rules were
 * derived for injuries up to 7 days old (stiell-1996). The recent-injury flag still stands.
 */
function unraisedInjuryAnswers(trauma: Symptoms["trauma"], ottawa: OttawaResult): UnraisedYes[] {
  if (trauma === undefined || !trauma.recent || ottawa.status !== "not-applicable") return [];
  const flag = RED_FLAGS.find((f) => f.id === "ottawaXrayAdvised");
  if (!flag) return [];
  const worrying: string[] = [];
  if (trauma.isolatedKneecapTenderness === true)
    worrying.push("the kneecap is the only tender bone");
  if (trauma.fibularHeadTenderness === true) worrying.push("the fibular head is tender");
  if (trauma.canBendTo90Degrees === false) worrying.push("the knee cannot bend to 90°");
  if (trauma.couldWalkFourStepsImmediately === false && trauma.canWalkFourStepsNow === false)
    worrying.push("four steps were impossible straight after the injury and now");
  return worrying.map((answer) => ({
    flag,
    answer,
    reason: `the Ottawa knee rules apply to injuries up to ${OTTAWA_MAX_DAYS_SINCE_INJURY} days old and this one is ${trauma.daysAgo} days old; the recent-injury referral stands and the examining clinician decides on imaging`,
  }));
}

function hitAdvice(hits: readonly RedFlagHit[]): string[] {
  return URGENCIES.flatMap((urgency) => {
    const titles = hits.filter((hit) => hit.flag.urgency === urgency).map((hit) => hit.flag.title);
    return titles.length === 0 ? [] : [`${URGENCY_ACTION[urgency]}: ${titles.join("; ")}.`];
  });
}

function unansweredAdvice(unanswered: readonly RedFlag[]): string[] {
  if (unanswered.length === 0) return [];
  const n = unanswered.length;
  return [
    `${n} safety question${plural(n)} still unanswered: answer ${n === 1 ? "it" : "them"}, or ask a clinician, before starting the programme.`,
  ];
}

/** seed-000 and seed-004: pain that persists or worsens needs a professional assessment. */
function persistenceAdvice(pain: Symptoms["pain"], persistentWeeks: number): string[] {
  const advice: string[] = [];
  if (pain.trend === "worsening") {
    advice.push(
      "Your knee pain is getting worse: book an assessment with a physiotherapist or doctor now, rather than waiting for it to settle.",
    );
  }
  if (pain.durationWeeks !== undefined && pain.durationWeeks >= persistentWeeks) {
    const weeks = pain.durationWeeks;
    advice.push(
      `Your knee has hurt for ${weeks} week${plural(weeks)}: pain that lasts this long should be assessed by a physiotherapist or doctor, not only treated with home exercises.`,
    );
  }
  if (advice.length === 0) {
    advice.push(
      "If the knee pain persists or gets worse, have it assessed by a physiotherapist or doctor: this check does not replace a diagnosis.",
    );
  }
  return advice;
}
