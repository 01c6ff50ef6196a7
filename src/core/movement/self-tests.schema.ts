import { z } from "zod";

const yesNo = (what: string) => z.boolean({ error: `answer true or false: ${what}` }).optional();

/** Standing on one leg for 30 s: does the pelvis stay level or drop on the lifted side? */
const stanceSchema = z
  .object({
    pelvis: z.enum(["level", "drops"], {
      error: 'pelvis must be "level" or "drops" (on the lifted side)',
    }),
    seconds: z
      .number({ error: "seconds held must be a number" })
      .min(0, "seconds held cannot be negative")
      .max(600, "seconds held must be at most 600")
      .optional(),
  })
  .strict();

const rating = z.enum(["good", "fair", "poor"], { error: 'rate as "good", "fair" or "poor"' });

/** Crossley 2011: five criteria, each rated good / fair / poor. */
const singleLegSquatSchema = z
  .object({ overall: rating, trunk: rating, pelvis: rating, hip: rating, knee: rating })
  .partial()
  .strict()
  .refine(
    (r) => Object.keys(r).length > 0,
    "rate at least one criterion (overall, trunk, pelvis, hip, knee)",
  );

const perSide = <T extends z.ZodType>(schema: T) =>
  z.object({ left: schema.optional(), right: schema.optional() }).strict();

/**
 * The self-tests of seed-004 and crossley-2011 (docs/clinical-sources.md). Sides are the stance leg: `singleLegStance.right`
 * means standing on the right leg (a drop is then seen on the left, lifted side).
 */
export const selfTestsSchema = z
  .object({
    observedBy: z.enum(["self", "clinician"]).default("self"),
    singleLegStance: perSide(stanceSchema).optional(),
    sitToStand: z
      .object({
        kneesCave: yesNo("do the knees cave in together?"),
        kneeTension: yesNo("is tension felt in the knees?"),
      })
      .strict()
      .optional(),
    squat: z
      .object({
        kneesCave: yesNo("do the knees cave in?"),
        thighDominant: yesNo("is the effort all in the front of the thighs?"),
        weightOnToes: yesNo("does the weight shift onto the toes?"),
      })
      .strict()
      .optional(),
    lunge: z
      .object({
        kneesCave: yesNo("does the front knee cave in?"),
        thighDominant: yesNo("is the effort all in the front of the thigh?"),
      })
      .strict()
      .optional(),
    singleLegSquat: perSide(singleLegSquatSchema).optional(),
  })
  .strict();

export type SelfTests = z.output<typeof selfTestsSchema>;
export type SingleLegSquatRating = z.output<typeof singleLegSquatSchema>;
