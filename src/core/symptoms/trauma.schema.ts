/**
 * `symptoms.trauma`: was the knee hurt in a fall, twist or knock, and if so the answers
 * the Ottawa knee rules (stiell-1996) and the rapid-swelling red flag need.
 */
import { z } from "zod";

/** A recent knee injury. Each Ottawa answer may be absent: then it is listed as unanswered. */
export interface RecentTrauma {
  recent: true;
  /** What happened, in the person's words. */
  description?: string;
  /** Whole days since the injury, 0–365. The Ottawa rules apply up to 7 days (stiell-1996). */
  daysAgo: number;
  /** The knee swelled up a lot within about two hours of the injury. */
  swellingWithinTwoHours?: boolean;
  /** Could take four steps, limping allowed, straight after the injury. */
  couldWalkFourStepsImmediately?: boolean;
  /** Can take four steps now (when seen). */
  canWalkFourStepsNow?: boolean;
  /** The kneecap is tender to touch and no other bone of the knee is. */
  isolatedKneecapTenderness?: boolean;
  /** The head of the fibula (bony bump below the outside of the knee) is tender. */
  fibularHeadTenderness?: boolean;
  /** Can bend the knee to a right angle (90°). */
  canBendTo90Degrees?: boolean;
}

export type Trauma = { recent: false } | RecentTrauma;

/** Answers that only make sense when there was a recent injury. */
const INJURY_DETAILS = [
  "description",
  "daysAgo",
  "swellingWithinTwoHours",
  "couldWalkFourStepsImmediately",
  "canWalkFourStepsNow",
  "isolatedKneecapTenderness",
  "fibularHeadTenderness",
  "canBendTo90Degrees",
] as const;

const DAYS_AGO_MESSAGE = "days since the injury must be a whole number between 0 and 365";

/** `{ recent: false }`, or `{ recent: true, daysAgo, … }` with the Ottawa knee rule answers. */
export const traumaSchema = z
  .strictObject({
    recent: z.boolean(),
    description: z
      .string()
      .trim()
      .min(1, "describe the injury in a few words, or leave description out")
      .max(500, "keep the injury description under 500 characters")
      .optional(),
    daysAgo: z
      .number()
      // A refinement rather than .int(), so the message below is the one shown.
      .refine(Number.isInteger, DAYS_AGO_MESSAGE)
      .min(0, DAYS_AGO_MESSAGE)
      .max(365, DAYS_AGO_MESSAGE)
      .optional(),
    swellingWithinTwoHours: z.boolean().optional(),
    couldWalkFourStepsImmediately: z.boolean().optional(),
    canWalkFourStepsNow: z.boolean().optional(),
    isolatedKneecapTenderness: z.boolean().optional(),
    fibularHeadTenderness: z.boolean().optional(),
    canBendTo90Degrees: z.boolean().optional(),
  })
  .superRefine((trauma, ctx) => {
    if (trauma.recent && trauma.daysAgo === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["daysAgo"],
        message: "say how many days ago the injury happened (0–365)",
      });
    }
    if (!trauma.recent) {
      for (const key of INJURY_DETAILS) {
        if (trauma[key] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "injury details belong only with recent: true",
          });
        }
      }
    }
  })
  .transform((trauma): Trauma => {
    if (!trauma.recent) return { recent: false };
    const { recent: _recent, daysAgo, ...answers } = trauma;
    return { recent: true, daysAgo: daysAgo ?? 0, ...answers };
  });
