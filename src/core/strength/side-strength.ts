import { DomainError } from "../errors.js";
import { formatNumber } from "../format.js";
import { sideLabel } from "../side.js";
import { perKilogram, torqueFromForce } from "./conversions.js";
import { compareWithReference } from "./reference-values.js";
import type {
  SideStrength,
  StrengthContext,
  StrengthPosition,
  StrengthTestInput,
  StrengthTestName,
} from "./strength.types.js";
import { strengthTestLabel } from "./strength.types.js";
import { analyseForceTrace } from "./trace.js";
import { RECOMMENDED_TRIALS, summariseTrials } from "./trials.js";

/**
 * A best reading at or above this share of the tester's limit is flagged as possibly
 * overpowered (krause-2014). 95 % rather than 100 %: a hold that gave way a little early
 * reads just under the limit, and testers rarely know their limit closer than ±5 %.
 */
export const OVERPOWER_FRACTION = 0.95;

/** "Right hip abduction (side-lying)", the subject of a warning. */
export function describeSideTest(options: {
  side: StrengthTestInput["side"];
  test: StrengthTestName;
  position: StrengthPosition;
}): string {
  return `${sideLabel(options.side)} ${strengthTestLabel(options.test).toLowerCase()} (${options.position})`;
}

/**
 * One side of one test: best and mean trial (N), trial CV (%), torque (Nm = best N × lever
 * arm m), N/kg and Nm/kg, the overpowered flag (krause-2014), force trace and reference values.
 * Body mass must be > 0 kg. Returns the side's warnings alongside.
 */
export function analyseSide(
  input: StrengthTestInput,
  context: StrengthContext,
): { strength: SideStrength; warnings: string[] } {
  const subject = describeSideTest(input);
  const warnings: string[] = [];
  const trials = summariseTrials(input.trialsN, context.settings.trialVariationPercent);

  if (input.trialsN.length < RECOMMENDED_TRIALS.min) {
    warnings.push(
      `${subject}: only 1 trial was taken; ${RECOMMENDED_TRIALS.min}–${RECOMMENDED_TRIALS.max} are recommended, keeping the best (thorborg-2010).`,
    );
  }
  if (trials.inconsistent && trials.cvPercent !== undefined) {
    warnings.push(
      `${subject}: the trials vary by ${formatNumber(trials.cvPercent, 1)} % (coefficient of variation), more than the ${context.settings.trialVariationPercent} % allowed; check the set-up and consider repeating (thorborg-2010).`,
    );
  }

  const torqueNm =
    input.leverArmM === undefined ? undefined : torqueFromForce(trials.bestN, input.leverArmM);
  const mass = context.bodyMassKg;
  const torqueNmPerKg =
    torqueNm === undefined || mass === undefined ? undefined : perKilogram(torqueNm, mass);

  const overpowered =
    input.testerLimitN !== undefined && trials.bestN >= OVERPOWER_FRACTION * input.testerLimitN;
  const overpoweredWarning =
    overpowered && input.testerLimitN !== undefined
      ? `${subject}: the best reading, ${formatNumber(trials.bestN, 0)} N, is ${formatNumber((trials.bestN / input.testerLimitN) * 100, 0)} % of the most the tester can hold (${formatNumber(input.testerLimitN, 0)} N); the patient may have overpowered the tester, so true strength may be higher (krause-2014).`
      : undefined;
  if (overpoweredWarning) warnings.push(overpoweredWarning);

  let trace: SideStrength["trace"];
  if (input.trace) {
    try {
      trace = analyseForceTrace(input.trace);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      warnings.push(`${subject}: force trace not analysed. ${error.message}`);
    }
  }

  const bestTrialMetrics = input.trialMetrics?.[input.trialsN.indexOf(trials.bestN)];

  const outcome = compareWithReference({
    test: input.test,
    side: input.side,
    method: input.method,
    position: input.position,
    ...(torqueNmPerKg === undefined ? {} : { torqueNmPerKg }),
    bodyMassKnown: mass !== undefined,
    context: { age: context.age, sex: context.sex, referenceZ: context.settings.referenceZ },
  });

  const strength: SideStrength = {
    side: input.side,
    trialsN: input.trialsN,
    bestN: trials.bestN,
    meanN: trials.meanN,
    ...(trials.cvPercent === undefined ? {} : { trialCvPercent: trials.cvPercent }),
    inconsistent: trials.inconsistent,
    ...(input.leverArmM === undefined ? {} : { leverArmM: input.leverArmM }),
    ...(torqueNm === undefined ? {} : { torqueNm }),
    ...(mass === undefined ? {} : { forceNPerKg: perKilogram(trials.bestN, mass) }),
    ...(torqueNmPerKg === undefined ? {} : { torqueNmPerKg }),
    ...(input.testerLimitN === undefined ? {} : { testerLimitN: input.testerLimitN }),
    overpowered,
    ...(overpoweredWarning ? { overpoweredWarning } : {}),
    ...(trace ? { trace } : {}),
    ...(bestTrialMetrics ? { bestTrialMetrics } : {}),
    ...(outcome && "reference" in outcome ? { reference: outcome.reference } : {}),
    ...(outcome && "missing" in outcome ? { referenceMissing: outcome.missing } : {}),
    enteredUnit: input.enteredUnit,
  };
  return { strength, warnings };
}
