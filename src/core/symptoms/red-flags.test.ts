import { describe, expect, it } from "vitest";
import { InputError, type InputIssue, parseWith } from "../errors.js";
import { SOURCES } from "../sources.js";
import type { Pain, Symptoms } from "./intake.schema.js";
import {
  RED_FLAG_QUESTION_IDS,
  RED_FLAGS,
  type RedFlagAnswers,
  type RedFlagQuestionId,
  redFlagAnswersSchema,
  screenRedFlags,
  type Urgency,
} from "./red-flags.js";
import type { RecentTrauma } from "./trauma.schema.js";

const pain = (overrides: Partial<Pain> = {}): Pain =>
  ({
    locations: [{ area: "lateral", side: "right" }],
    atRest: 0,
    duringRun: 6,
    afterRun: 4,
    ...overrides,
  }) as Pain;

/** Every question answered "no" (the SCFE question included; it is skipped for adults). */
const allNo = (): RedFlagAnswers =>
  Object.fromEntries(RED_FLAG_QUESTION_IDS.map((id) => [id, false])) as RedFlagAnswers;

const screen = (options: {
  answers?: RedFlagAnswers;
  age?: number;
  symptoms?: Partial<Symptoms>;
}) =>
  screenRedFlags({
    answers: options.answers ?? allNo(),
    person: { age: options.age ?? 34 },
    symptoms: { pain: pain(), trauma: { recent: false }, ...options.symptoms },
  });

const PERSIST_ADVICE =
  "If the knee pain persists or gets worse, have it assessed by a physiotherapist or doctor: this check does not replace a diagnosis.";

describe("RED_FLAGS", () => {
  it("covers every question id once, and cites a known source", () => {
    const questionFlags = RED_FLAGS.filter((flag) => flag.answeredFrom === "question");
    expect(questionFlags.map((flag) => flag.id)).toEqual([...RED_FLAG_QUESTION_IDS]);
    for (const flag of RED_FLAGS) expect(SOURCES[flag.source]).toBeDefined();
    expect(new Set(RED_FLAGS.map((flag) => flag.id)).size).toBe(RED_FLAGS.length);
  });
});

/** Age bands the screen words flags for; undefined = age not given. */
const AGE_BANDS: readonly (number | undefined)[] = [12, 17, 18, 34, 54, 55, 80, undefined];
const ANSWERS = [true, false, "unsure", undefined] as const;

describe("screenRedFlags: every question × age band × answer", () => {
  const cases = RED_FLAG_QUESTION_IDS.flatMap((id) =>
    AGE_BANDS.flatMap((age) => ANSWERS.map((answer) => ({ id, age, answer }))),
  );
  it.each(cases)("$id at age $age answered $answer", ({ id, age, answer }) => {
    const answers: RedFlagAnswers = { ...allNo() };
    if (answer === undefined) delete answers[id];
    else answers[id] = answer;
    const result = screenRedFlags({
      answers,
      person: age === undefined ? {} : { age },
      symptoms: { pain: pain(), trauma: { recent: false } },
    });
    const hit = result.hits.find((h) => h.flag.id === id);
    const unraised = result.notRaised.find((n) => n.flag.id === id);
    const unanswered = result.unanswered.some((flag) => flag.id === id);
    if (answer === true) {
      // A yes is never dropped: it raises its flag or is shown with the reason it does not.
      expect(hit !== undefined || unraised !== undefined).toBe(true);
      if (hit) {
        expect(result.referral).toBe(true);
        expect(hit.flag.title.length).toBeGreaterThan(0);
        expect(hit.meanwhile.length).toBeGreaterThan(0);
        expect(SOURCES[hit.flag.source]).toBeDefined();
      } else expect(unraised?.reason.length).toBeGreaterThan(0);
    } else if (answer === false) {
      expect([hit, unraised, unanswered]).toEqual([undefined, undefined, false]);
    } else {
      // "unsure" and no answer are never read as no.
      expect(hit).toBeUndefined();
      expect(unanswered).toBe(true);
    }
  });

  const INJURY_YES = [
    ["swellingWithinTwoHours", true, "rapidSwellingAfterInjury"],
    ["isolatedKneecapTenderness", true, "ottawaXrayAdvised"],
    ["fibularHeadTenderness", true, "ottawaXrayAdvised"],
    ["canBendTo90Degrees", false, "ottawaXrayAdvised"],
  ] as const;
  const injuryCases = INJURY_YES.flatMap(([answer, value, flag]) =>
    AGE_BANDS.flatMap((age) => [2, 12].map((daysAgo) => ({ answer, value, flag, age, daysAgo }))),
  );
  it.each(injuryCases)(
    "injury answer $answer = $value at age $age, $daysAgo days ago: raised or shown with a reason",
    ({ answer, value, flag, age, daysAgo }) => {
      const result = screenRedFlags({
        answers: allNo(),
        person: age === undefined ? {} : { age },
        symptoms: { pain: pain(), trauma: { recent: true, daysAgo, [answer]: value } },
      });
      const raised = result.hits.some((h) => h.flag.id === flag);
      const shown = result.notRaised.some((n) => n.flag.id === flag && n.reason.length > 0);
      expect(raised || shown).toBe(true);
      expect(result.hits.some((h) => h.flag.id === "recentInjury")).toBe(true);
    },
  );

  it("shows Ottawa answers of an injury older than 7 days with the reason they raise no X-ray flag", () => {
    const result = screen({
      symptoms: {
        trauma: {
          recent: true,
          daysAgo: 12,
          fibularHeadTenderness: true,
          swellingWithinTwoHours: false,
        },
      },
    });
    expect(result.hits.map((hit) => hit.flag.id)).toEqual(["recentInjury"]);
    expect(result.notRaised.map((n) => n.answer)).toEqual(["the fibular head is tender"]);
    expect(result.notRaised[0]?.reason).toMatch(/up to 7 days old and this one is 12 days old/);
  });
});

describe("screenRedFlags: one yes per flag", () => {
  it.each<[RedFlagQuestionId, Urgency, number]>([
    ["kneeLooksDeformed", "emergency", 34],
    ["cannotStraightenKnee", "emergency", 34],
    ["hotSwollenWithFever", "emergency", 34],
    ["numbOrColdFoot", "emergency", 34],
    ["cannotBearWeight", "emergency", 34],
    ["kneeLocked", "emergency", 34],
    ["calfPainAndSwelling", "emergency", 34],
    ["hipPainOnRotation", "emergency", 15],
    ["unexplainedWeightLoss", "see-doctor-soon", 34],
    ["nightOrConstantPain", "see-doctor-soon", 34],
    ["hardLump", "see-doctor-soon", 34],
    ["morningStiffness", "see-doctor-soon", 34],
    ["severalSwollenJoints", "see-doctor-soon", 34],
  ])("%s → %s", (id, urgency, age) => {
    const result = screen({ answers: { ...allNo(), [id]: true }, age });
    expect(result.referral).toBe(true);
    expect(result.urgency).toBe(urgency);
    expect(result.hits.map((hit) => [hit.flag.id, hit.flag.urgency])).toEqual([[id, urgency]]);
    expect(result.hits[0]?.because).toMatch(/^answered yes: "/);
    expect(result.unanswered).toEqual([]);
  });

  it.each<[string, Partial<RecentTrauma>, string[]]>([
    ["an injury with reassuring answers", {}, ["recentInjury"]],
    [
      "swelling within two hours",
      { swellingWithinTwoHours: true },
      ["rapidSwellingAfterInjury", "recentInjury"],
    ],
    [
      "kneecap tender alone",
      { isolatedKneecapTenderness: true },
      ["ottawaXrayAdvised", "recentInjury"],
    ],
  ])("injury: %s → %j", (_case, overrides, ids) => {
    const trauma: RecentTrauma = {
      recent: true,
      daysAgo: 2,
      swellingWithinTwoHours: false,
      isolatedKneecapTenderness: false,
      fibularHeadTenderness: false,
      canBendTo90Degrees: true,
      couldWalkFourStepsImmediately: true,
      canWalkFourStepsNow: true,
      ...overrides,
    };
    const result = screen({ symptoms: { trauma } });
    expect(result.hits.map((hit) => hit.flag.id)).toEqual(ids);
    expect(result.unanswered).toEqual([]);
  });
});

describe("screenRedFlags: the whole screen", () => {
  it("raises nothing when every answer is no, and still says to seek help if pain persists", () => {
    const result = screen({});
    expect(result).toMatchObject({ referral: false, urgency: null, hits: [], unanswered: [] });
    expect(result.ottawa.status).toBe("not-applicable");
    expect(result.advice).toEqual([PERSIST_ADVICE]);
  });

  it("orders hits emergency first, then soon, then physiotherapist, and advises in that order", () => {
    const result = screen({
      answers: { ...allNo(), morningStiffness: true, calfPainAndSwelling: true, hardLump: true },
      symptoms: {
        trauma: {
          recent: true,
          daysAgo: 10,
          description: "knocked it on a table",
          swellingWithinTwoHours: false,
        },
      },
    });
    expect(result.hits.map((hit) => hit.flag.id)).toEqual([
      "calfPainAndSwelling",
      "hardLump",
      "morningStiffness",
      "recentInjury",
    ]);
    expect(result.urgency).toBe("emergency");
    expect(result.hits[3]?.because).toBe("knee injured 10 days ago (knocked it on a table)");
    expect(result.advice).toEqual([
      "Stop running and get seen today, at an emergency department or urgent care service: Suspected deep vein thrombosis.",
      "See a doctor within the next few days, before going on with running: Hard mass; Prolonged morning stiffness.",
      "Have a physiotherapist examine the knee before starting the programme: Recent knee injury.",
      PERSIST_ADVICE,
    ]);
  });

  it("lists every unanswered question, never reading it as no", () => {
    const result = screen({ answers: {}, symptoms: { trauma: undefined } });
    expect(result.referral).toBe(false);
    expect(result.unanswered.map((flag) => flag.id)).toEqual([
      "kneeLooksDeformed",
      "cannotStraightenKnee",
      "hotSwollenWithFever",
      "numbOrColdFoot",
      "cannotBearWeight",
      "kneeLocked",
      "calfPainAndSwelling",
      "hipPainOnRotation",
      "unexplainedWeightLoss",
      "nightOrConstantPain",
      "hardLump",
      "morningStiffness",
      "severalSwollenJoints",
      "recentInjury",
    ]);
    expect(result.advice[0]).toBe(
      "14 safety questions still unanswered: answer them, or ask a clinician, before starting the programme.",
    );
  });

  it('keeps "unsure" as unanswered', () => {
    const result = screen({ answers: { ...allNo(), numbOrColdFoot: "unsure" } });
    expect(result.unanswered.map((flag) => flag.id)).toEqual(["numbOrColdFoot"]);
    expect(result.advice[0]).toBe(
      "1 safety question still unanswered: answer it, or ask a clinician, before starting the programme.",
    );
  });

  it.each<[number | undefined, string, string]>([
    [15, "Suspected slipped capital femoral epiphysis", "sufe-referral"],
    [17, "Suspected slipped capital femoral epiphysis", "sufe-referral"],
    [18, "Suspected femoral neck stress fracture", "robertson-2017"],
    [34, "Suspected femoral neck stress fracture", "robertson-2017"],
    [61, "Suspected femoral neck stress fracture", "robertson-2017"],
    [
      undefined,
      "Suspected femoral neck stress fracture or slipped growth plate (age not given)",
      "robertson-2017",
    ],
  ])("hip pain on rotation at age %s raises %s, same day", (age, title, source) => {
    const result = screenRedFlags({
      answers: { ...allNo(), hipPainOnRotation: true },
      person: age === undefined ? {} : { age },
      symptoms: { pain: pain(), trauma: { recent: false } },
    });
    expect(result.referral).toBe(true);
    expect(result.urgency).toBe("emergency");
    expect(result.hits.map((hit) => [hit.flag.title, hit.flag.source])).toEqual([[title, source]]);
    expect(result.hits[0]?.meanwhile).toMatch(/no running, no hopping/);
  });

  it("lists injury answers still needed: rapid swelling and the Ottawa checklist", () => {
    const result = screen({ symptoms: { trauma: { recent: true, daysAgo: 1 } } });
    expect(result.hits.map((hit) => hit.flag.id)).toEqual(["recentInjury"]);
    expect(result.unanswered.map((flag) => flag.id)).toEqual([
      "rapidSwellingAfterInjury",
      "ottawaXrayAdvised",
    ]);
    expect(result.ottawa.status).toBe("incomplete");
  });

  it("advises an X-ray for a runner of 61 after an injury, whatever else was answered", () => {
    const result = screen({ age: 61, symptoms: { trauma: { recent: true, daysAgo: 3 } } });
    const ottawa = result.hits.find((hit) => hit.flag.id === "ottawaXrayAdvised");
    expect(ottawa?.flag.urgency).toBe("emergency");
    expect(ottawa?.because).toBe("injury 3 days ago; aged 55 or over");
    expect(result.unanswered.map((flag) => flag.id)).toEqual(["rapidSwellingAfterInjury"]);
  });

  it("does not apply the Ottawa rules to an injury more than 7 days old", () => {
    const result = screen({ age: 61, symptoms: { trauma: { recent: true, daysAgo: 8 } } });
    expect(result.ottawa.status).toBe("not-applicable");
    expect(result.hits.map((hit) => hit.flag.id)).toEqual(["recentInjury"]);
  });
});

describe("screenRedFlags: seek a professional when pain persists or worsens", () => {
  it.each<[Partial<Pain>, string[]]>([
    [{ trend: "improving", durationWeeks: 2 }, [PERSIST_ADVICE]],
    [{ durationWeeks: 5 }, [PERSIST_ADVICE]],
    [
      { trend: "worsening" },
      [
        "Your knee pain is getting worse: book an assessment with a physiotherapist or doctor now, rather than waiting for it to settle.",
      ],
    ],
    [
      { durationWeeks: 6 },
      [
        "Your knee has hurt for 6 weeks: pain that lasts this long should be assessed by a physiotherapist or doctor, not only treated with home exercises.",
      ],
    ],
    [
      { trend: "worsening", durationWeeks: 10 },
      [
        "Your knee pain is getting worse: book an assessment with a physiotherapist or doctor now, rather than waiting for it to settle.",
        "Your knee has hurt for 10 weeks: pain that lasts this long should be assessed by a physiotherapist or doctor, not only treated with home exercises.",
      ],
    ],
  ])("%j", (painOverrides, advice) => {
    expect(screen({ symptoms: { pain: pain(painOverrides) } }).advice).toEqual(advice);
  });

  it("lets a clinic set its own persistent-pain threshold", () => {
    const result = screenRedFlags({
      answers: allNo(),
      person: { age: 34 },
      symptoms: { pain: pain({ durationWeeks: 3 }), trauma: { recent: false } },
      persistentPainWeeks: 3,
    });
    expect(result.advice[0]).toMatch(/^Your knee has hurt for 3 weeks/);
  });
});

describe("redFlagAnswersSchema", () => {
  function issuesOf(data: unknown): InputIssue[] {
    try {
      parseWith(redFlagAnswersSchema, data);
    } catch (error) {
      if (error instanceof InputError) return [...error.issues];
      throw error;
    }
    throw new Error("expected the answers to be rejected");
  }

  it('keeps yes, no and "unsure"; drops empty answers', () => {
    expect(
      parseWith(redFlagAnswersSchema, {
        cannotStraightenKnee: false,
        hotSwollenWithFever: true,
        kneeLocked: "unsure",
        hardLump: null,
      }),
    ).toEqual({ cannotStraightenKnee: false, hotSwollenWithFever: true, kneeLocked: "unsure" });
  });

  it("rejects an unknown id and lists the valid ones", () => {
    expect(issuesOf({ cannotStraightenKnee: false, swollenKnee: true })).toEqual([
      {
        path: "swollenKnee",
        message: `unknown red-flag question "swollenKnee"; valid ids are: ${RED_FLAG_QUESTION_IDS.join(", ")}`,
      },
    ]);
  });

  it("reports a bad answer and an unknown id together", () => {
    expect(issuesOf({ kneeLocked: "yes", fever: true })).toEqual([
      { path: "kneeLocked", message: 'answer yes (true), no (false) or "unsure"' },
      {
        path: "fever",
        message: expect.stringMatching(
          /^unknown red-flag question "fever"; valid ids are: kneeLooksDeformed, /,
        ),
      },
    ]);
  });

  it("rejects a section that is not a list of answers", () => {
    expect(issuesOf([true])).toEqual([
      { path: "", message: expect.stringMatching(/expected object/) },
    ]);
  });
});
