/**
 * The red-flag screen (docs/clinical-sources.md, "Symptoms") as data. A "yes" to any of these means: refer, do
 * not prescribe. Questions are worded for the person; reasons are for the clinician.
 */
import type { SourceId } from "../sources.js";

/** How soon the person must be seen. */
export type Urgency = "emergency" | "see-doctor-soon" | "see-physiotherapist";

/** Most urgent first: the order hits are reported in. */
export const URGENCIES: readonly Urgency[] = [
  "emergency",
  "see-doctor-soon",
  "see-physiotherapist",
];

/** What to do until seen, for each urgency, in plain words (a flag may say more). */
export const URGENCY_MEANWHILE: Readonly<Record<Urgency, string>> = {
  emergency: "Until you are seen: no running, no hopping or jumping tests, no exercise programme.",
  "see-doctor-soon":
    "Until you are seen: do not start the exercise programme or any new training; everyday walking is fine if it does not make the pain worse.",
  "see-physiotherapist":
    "Until you are examined: no running and no hopping tests; everyday walking is fine if it does not make the pain worse.",
};

/** What each urgency asks the person to do, in plain words. */
export const URGENCY_ACTION: Readonly<Record<Urgency, string>> = {
  emergency: "Stop running and get seen today, at an emergency department or urgent care service",
  "see-doctor-soon": "See a doctor within the next few days, before going on with running",
  "see-physiotherapist": "Have a physiotherapist examine the knee before starting the programme",
};

/** Flags answered by a yes/no question in the `redFlags:` section of an assessment file. */
export const RED_FLAG_QUESTION_IDS = [
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
] as const;
export type RedFlagQuestionId = (typeof RED_FLAG_QUESTION_IDS)[number];

/** Flags read from the injury answers (`symptoms.trauma`) rather than asked on their own. */
export type InjuryRedFlagId = "recentInjury" | "rapidSwellingAfterInjury" | "ottawaXrayAdvised";
export type RedFlagId = RedFlagQuestionId | InjuryRedFlagId;

/** What a flag says; a flag whose meaning depends on age carries one wording per age band. */
export interface RedFlagWording {
  /** Short clinical label, e.g. "Suspected septic arthritis". */
  title: string;
  /** Why it matters, for the clinician. */
  reason: string;
  /** Why it matters, for the runner. */
  plainReason: string;
  /** What to do until seen, in plain words; the urgency's default when absent. */
  meanwhile?: string;
  source: SourceId;
}

/** Age bands a flag's wording can depend on; "unknown" when the age was not given. */
export type AgeBand = "under-18" | "adult" | "unknown";

interface RedFlagFields {
  /** Short clinical label, e.g. "Suspected septic arthritis". */
  title: string;
  /** Asked of the person; "yes" raises the flag. */
  question: string;
  urgency: Urgency;
  /** Why it matters, for the clinician. */
  reason: string;
  /** Why it matters, for the runner. */
  plainReason: string;
  /** What to do until seen, in plain words; the urgency's default when absent. */
  meanwhile?: string;
  source: SourceId;
  /** Read only from the injury answers of a recent injury. */
  onlyFor?: "recent-injury";
  /** Wording by age band, where the same answer means different things at different ages. */
  byAge?: Readonly<Record<AgeBand, RedFlagWording>>;
}

/** A red flag, answered by its own question or read from the injury answers. */
export type RedFlag =
  | (RedFlagFields & { id: RedFlagQuestionId; answeredFrom: "question" })
  | (RedFlagFields & { id: InjuryRedFlagId; answeredFrom: "injury" });

/** Every red flag, grouped by urgency (nhs-knee-pathway, stiell-1996, nice-ng158, sufe-referral, robertson-2017). */
export const RED_FLAGS: readonly RedFlag[] = [
  // Same day.
  {
    id: "kneeLooksDeformed",
    title: "Suspected fracture or dislocation",
    question:
      "Does the knee or kneecap look out of place or misshapen, or do you think a bone may be broken?",
    urgency: "emergency",
    reason:
      "Visible deformity or a suspected bony injury: fracture or dislocation of the patella or tibiofemoral joint must be excluded on imaging before any loading.",
    plainReason:
      "A bone or the kneecap may be broken or out of place. That needs an X-ray and treatment, not exercises.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "cannotStraightenKnee",
    title: "Suspected extensor mechanism rupture",
    question:
      "Sitting on a chair, are you unable to lift your foot and straighten the knee fully by yourself?",
    urgency: "emergency",
    reason:
      "No active knee extension against gravity suggests a quadriceps or patellar tendon rupture; repair done early has the best outcome.",
    plainReason:
      "If the leg will not straighten on its own, the tendon that straightens it may be torn. It mends best when repaired early.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "hotSwollenWithFever",
    title: "Suspected septic arthritis",
    question: "Is the knee hot, red and swollen while you feel feverish or generally unwell?",
    urgency: "emergency",
    reason:
      "A hot, red, swollen joint with fever is septic arthritis until shown otherwise; joint infection can destroy cartilage within days.",
    plainReason:
      "A hot, swollen knee with a fever can mean an infection inside the joint, which can damage it quickly.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "numbOrColdFoot",
    title: "Neurovascular compromise",
    question:
      "Do you have numbness or pins and needles in the leg or foot, or does the foot feel cold or look pale?",
    urgency: "emergency",
    reason:
      "Altered sensation or a cold, pale foot points to nerve or vascular compromise (for example after a dislocation) and needs assessment the same day.",
    plainReason:
      "Numbness, tingling or a cold, pale foot can mean a nerve or blood vessel is pressed on or damaged.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "cannotBearWeight",
    title: "Unable to bear weight",
    question: "Are you unable to put weight on the leg and walk a few steps?",
    urgency: "emergency",
    reason:
      "Inability to weight-bear suggests a fracture or major internal derangement; assess and image the same day.",
    plainReason: "Not being able to stand or walk on the leg suggests a serious injury.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "kneeLocked",
    title: "Locked knee",
    question: "Is the knee stuck (locked) so that you cannot straighten it, even with help?",
    urgency: "emergency",
    reason:
      "A true locked knee, a mechanical block to full extension, suggests a displaced (bucket-handle) meniscal tear or a loose body; early orthopaedic review can save the meniscus.",
    plainReason:
      "A knee that is jammed and will not straighten may have a torn piece of cartilage caught inside the joint.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "rapidSwellingAfterInjury",
    title: "Rapid swelling after injury",
    question: "After the injury, did the knee swell up a lot within about two hours?",
    urgency: "emergency",
    reason:
      "A large effusion within about 2 h of injury is usually a haemarthrosis, which points to an ACL tear, an osteochondral fracture or a patellar dislocation.",
    plainReason:
      "Swelling that comes up fast after an injury usually means bleeding inside the joint, often from a torn ligament.",
    source: "nhs-knee-pathway",
    answeredFrom: "injury",
    onlyFor: "recent-injury",
  },
  {
    id: "ottawaXrayAdvised",
    title: "X-ray advised (Ottawa knee rules)",
    question:
      "About the injury: is the kneecap the only tender bone, is the bony bump below the outside of the knee tender, can you bend the knee to a right angle, and could you take four steps straight after it and now?",
    urgency: "emergency",
    reason:
      "Within 7 days of an acute knee injury, any one of age ≥ 55, isolated patellar tenderness, fibular head tenderness, flexion short of 90° or inability to take four weight-bearing steps both immediately and when examined calls for radiography to exclude a fracture.",
    plainReason:
      "Your answers about the injury match the checklist doctors use to decide when an X-ray is needed to rule out a broken bone.",
    source: "stiell-1996",
    answeredFrom: "injury",
    onlyFor: "recent-injury",
  },
  {
    id: "calfPainAndSwelling",
    title: "Suspected deep vein thrombosis",
    question: "Is your calf painful and swollen, or warm, red or tender to touch?",
    // Urgent the same day: a clot can travel to the lungs (nice-ng158).
    urgency: "emergency",
    reason:
      "Calf pain and swelling in one leg raise suspicion of deep vein thrombosis; it needs same-day assessment and a proximal leg vein ultrasound within 4 hours, because of the risk of pulmonary embolism.",
    plainReason:
      "A painful, swollen calf can be a blood clot, which can travel to the lungs. It needs checking today.",
    source: "nice-ng158",
    answeredFrom: "question",
  },
  {
    id: "hipPainOnRotation",
    title: "Hip pain on rotation",
    question:
      "Does your hip, groin or thigh hurt when the hip is turned in or out, or have you started to limp?",
    // Both readings go to imaging the same day: a stable slip can become unstable with further
    // weight-bearing (sufe-referral); a femoral neck stress fracture can displace (robertson-2017).
    urgency: "emergency",
    reason:
      "Hip, groin or thigh pain on rotation or with a limp: a hip cause referred to the knee must be excluded before any loading.",
    plainReason:
      "Knee pain can come from the hip. Pain when the hip turns, or a new limp, needs the hip checked with an X-ray or scan today.",
    meanwhile:
      "Until you are seen: no running, no hopping or jumping, walk as little as you can (crutches if you have them).",
    source: "sufe-referral",
    answeredFrom: "question",
    byAge: {
      "under-18": {
        title: "Suspected slipped capital femoral epiphysis",
        reason:
          "Under 18, knee pain with painful or reduced hip rotation (internal rotation especially) or a limp may be a slipped capital femoral epiphysis referred to the knee; X-ray both hips, AP and frog-leg lateral, non-weight-bearing until seen.",
        plainReason:
          "While you are still growing, knee pain can come from the growth plate at the top of the thigh bone slipping. It needs a hip X-ray today, and no running or hopping until then.",
        meanwhile:
          "Until you are seen: no running, no hopping or jumping, keep weight off the leg (crutches if you have them).",
        source: "sufe-referral",
      },
      adult: {
        title: "Suspected femoral neck stress fracture",
        reason:
          "In an adult runner, groin, hip or thigh pain with hip rotation or on loading is the classic presentation of a femoral neck stress fracture; urgent imaging (MRI if the radiograph is normal), no running and no hop test until excluded, because a tension-side fracture can displace.",
        plainReason:
          "In runners, pain in the hip or groin when the hip turns can be a stress fracture at the top of the thigh bone, a crack from overload. It needs an X-ray or scan urgently, because it can break through if you keep running on it.",
        meanwhile:
          "Until you are seen: no running, no hopping or jumping, walk as little as you can (crutches if you have them).",
        source: "robertson-2017",
      },
      unknown: {
        title: "Suspected femoral neck stress fracture or slipped growth plate (age not given)",
        reason:
          "Hip, groin or thigh pain on rotation or a limp, age not recorded: a femoral neck stress fracture in an adult runner, a slipped capital femoral epiphysis under 18; either needs same-day imaging and no weight-bearing running or hopping until excluded.",
        plainReason:
          "Pain when the hip turns can be a stress fracture at the top of the thigh bone (adults) or a slipped growth plate (under 18). Either needs an X-ray or scan today.",
        meanwhile:
          "Until you are seen: no running, no hopping or jumping, walk as little as you can (crutches if you have them).",
        source: "robertson-2017",
      },
    },
  },
  // Within days.
  {
    id: "unexplainedWeightLoss",
    title: "Unexplained weight loss",
    question: "Have you lost weight recently without trying to?",
    urgency: "see-doctor-soon",
    reason:
      "Unexplained weight loss with joint pain raises concern for malignancy or systemic disease.",
    plainReason:
      "Losing weight without trying, together with a painful knee, should be checked by a doctor for causes other than running.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "nightOrConstantPain",
    title: "Night or unremitting pain",
    question: "Does the pain wake you at night, or is it there all the time whatever you do?",
    urgency: "see-doctor-soon",
    reason:
      "Pain unrelated to load (night pain, or constant pain no position eases) is not mechanical and needs investigation for tumour, infection or inflammatory disease.",
    plainReason:
      "Running injuries ease with rest. Pain that wakes you or never lets up needs a doctor to look for other causes.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "hardLump",
    title: "Hard mass",
    question: "Have you found a hard lump in or around the knee, or a lump that is growing?",
    urgency: "see-doctor-soon",
    reason: "A hard or enlarging mass needs imaging to exclude a bone or soft-tissue tumour.",
    plainReason: "A hard lump, or one that gets bigger, should be examined and scanned.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "morningStiffness",
    title: "Prolonged morning stiffness",
    question: "When you get up in the morning, does the knee stay stiff for more than 30 minutes?",
    urgency: "see-doctor-soon",
    reason:
      "Early-morning stiffness lasting over 30 min suggests an inflammatory arthritis rather than a load-related problem.",
    plainReason:
      "Stiffness that lasts long into the morning is typical of joint inflammation (arthritis), which a doctor should check and treat.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  {
    id: "severalSwollenJoints",
    title: "Several swollen joints",
    question:
      "Are other joints swollen or painful as well, such as the other knee, ankles, wrists or fingers?",
    urgency: "see-doctor-soon",
    reason:
      "Swelling of several joints suggests an inflammatory arthropathy; refer for a rheumatology opinion.",
    plainReason:
      "Several swollen joints at once point to a whole-body cause, such as an inflammatory arthritis.",
    source: "nhs-knee-pathway",
    answeredFrom: "question",
  },
  // Before the programme.
  {
    id: "recentInjury",
    title: "Recent knee injury",
    question: "Have you hurt the knee recently in a fall, twist or knock?",
    urgency: "see-physiotherapist",
    reason:
      "An acute injury is not an overuse pattern: ligaments, menisci and the patella should be examined before a hip-strengthening programme is started.",
    plainReason:
      "A knee hurt in a fall, twist or knock needs a hands-on check of its ligaments and cartilage before you start the programme.",
    source: "nhs-knee-pathway",
    answeredFrom: "injury",
  },
];

/** A flag by its id. */
export function redFlagById(id: RedFlagId): RedFlag {
  const flag = RED_FLAGS.find((candidate) => candidate.id === id);
  if (flag === undefined) throw new Error(`no red flag with id "${id}"`);
  return flag;
}

/** The age band of a person: under 18, adult, or unknown when the age was not given. */
export function ageBandOf(age: number | undefined): AgeBand {
  if (age === undefined) return "unknown";
  return age < 18 ? "under-18" : "adult";
}

/** The flag as it reads for a person of this age band: its own wording, or its band's. */
export function redFlagForAge(flag: RedFlag, band: AgeBand): RedFlag {
  const wording = flag.byAge?.[band];
  return wording ? { ...flag, ...wording } : flag;
}
