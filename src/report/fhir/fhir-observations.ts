/** The Observations of a strength result and of a movement observation, and the codings they share. */
import type { CodeableConcept, Observation, ObservationComponent } from "@medplum/fhirtypes";
import type { MovementEvidence } from "../../core/movement/evidence.js";
import type { Side } from "../../core/side.js";
import {
  isHipTest,
  type StrengthTestResult,
  strengthTestLabel,
} from "../../core/strength/strength.types.js";
import {
  BODY,
  BODY_POSITION_EXTENSION,
  hipcheckCode,
  INTERPRETATION,
  LATERALITY,
  OBSERVATION_CATEGORY,
  quantity,
  SIDE_CODES,
} from "./fhir-codes.js";

/** An Observation without the fields every Observation of the Bundle shares (status, subject, date). */
export type ObservationBody = Omit<Observation, "resourceType" | "status" | "subject">;

export function strengthObservation(
  test: StrengthTestResult,
  side: Side,
): Omit<Observation, "resourceType" | "status" | "subject"> | undefined {
  const s = test.sides[side];
  if (!s) return undefined;
  const components: ObservationComponent[] = [
    lateralityComponent(side),
    ...s.trialsN.map((n, i) => ({
      code: {
        coding: [hipcheckCode("strength-measure", `trial-${i + 1}`)],
        text: `Trial ${i + 1}`,
      },
      valueQuantity: quantity(n, "N"),
    })),
  ];
  // Without a body mass there is no value per kilogram to carry.
  if (s.forceNPerKg !== undefined)
    components.push({
      code: {
        coding: [hipcheckCode("strength-measure", "force-per-kg")],
        text: "Force per body mass",
      },
      valueQuantity: quantity(s.forceNPerKg, "N/kg"),
    });
  if (s.leverArmM !== undefined)
    components.push({
      code: { coding: [hipcheckCode("strength-measure", "lever-arm")], text: "Lever arm" },
      valueQuantity: quantity(s.leverArmM * 100, "cm"),
    });
  if (s.torqueNm !== undefined)
    components.push({
      code: { coding: [hipcheckCode("strength-measure", "torque")], text: "Torque" },
      valueQuantity: quantity(s.torqueNm, "N·m"),
    });
  if (s.torqueNmPerKg !== undefined)
    components.push({
      code: {
        coding: [hipcheckCode("strength-measure", "torque-per-kg")],
        text: "Torque per body mass",
      },
      valueQuantity: quantity(s.torqueNmPerKg, "N·m/kg"),
    });
  if (test.lsiPercent !== undefined && side === test.involvedSide)
    components.push({
      code: { coding: [hipcheckCode("strength-measure", "lsi")], text: "Limb symmetry index" },
      valueQuantity: quantity(test.lsiPercent, "%"),
    });
  if (s.testerLimitN !== undefined)
    components.push({
      code: { coding: [hipcheckCode("strength-measure", "tester-limit")], text: "Tester limit" },
      valueQuantity: quantity(s.testerLimitN, "N"),
    });
  const ref = s.reference;
  const band = ref ? { below: "L", within: "N", above: "H" }[ref.band] : undefined;
  return {
    category: [category("exam")],
    code: {
      coding: [hipcheckCode("strength-test", test.test, strengthTestLabel(test.test))],
      text: `${strengthTestLabel(test.test)} strength, hand-held dynamometer`,
    },
    bodySite: concept(isHipTest(test.test) ? BODY.hip : BODY.knee),
    method: {
      coding: [
        hipcheckCode(
          "strength-method",
          test.method === "mixed" ? (s.trialsN.length ? "make" : "break") : test.method,
        ),
      ],
      text: `${test.method} test`,
    },
    extension: [
      {
        url: BODY_POSITION_EXTENSION,
        valueCodeableConcept: {
          coding: [hipcheckCode("body-position", test.position)],
          text: test.position,
        },
      },
    ],
    valueQuantity: quantity(s.bestN, "N"),
    component: components,
    ...(band
      ? {
          interpretation: [
            {
              coding: [{ system: INTERPRETATION, code: band }],
              text: `${ref?.band} reference values`,
            },
          ],
        }
      : {}),
    ...(ref
      ? {
          referenceRange: [
            {
              text: `${ref.expectedText} Nm/kg; ${ref.population}`.replace("Nm/kg Nm/kg", "Nm/kg"),
            },
          ],
        }
      : {}),
  };
}

export function movementObservation(
  m: MovementEvidence,
): Omit<Observation, "resourceType" | "status" | "subject"> {
  const components: ObservationComponent[] = [
    {
      code: { coding: [hipcheckCode("movement-measure", "present")], text: "Sign seen" },
      valueBoolean: m.present,
    },
    {
      code: { coding: [hipcheckCode("movement-measure", "confidence")], text: "Confidence" },
      valueCodeableConcept: { coding: [hipcheckCode("confidence", m.confidence)] },
    },
    {
      code: { coding: [hipcheckCode("movement-measure", "source")], text: "Source" },
      valueString: m.source,
    },
  ];
  if (m.side) components.push(lateralityComponent(m.side));
  if (m.measured?.reference)
    components.push({
      code: { coding: [hipcheckCode("movement-measure", "reference")], text: "Reference" },
      valueString: m.measured.reference,
    });
  return {
    category: [category("exam")],
    code: {
      coding: [hipcheckCode("movement-sign", m.sign), hipcheckCode("movement-task", m.task)],
      text: `${m.sign} in ${m.task}`,
    },
    method: { coding: [hipcheckCode("evidence-method", m.method)], text: m.method },
    ...(m.measured
      ? { valueQuantity: quantity(m.measured.value, m.measured.unit) }
      : { valueBoolean: m.present }),
    component: components,
    note: [{ text: m.observation }],
  };
}

export function lateralityComponent(side: Side): ObservationComponent {
  return { code: LATERALITY, valueCodeableConcept: { coding: [SIDE_CODES[side]], text: side } };
}

export function concept(coding: {
  system: string;
  code: string;
  display: string;
}): CodeableConcept {
  return { coding: [coding], text: coding.display };
}

export function category(code: string): CodeableConcept {
  return { coding: [{ system: OBSERVATION_CATEGORY, code }] };
}

/** A version-5-style UUID from a SHA-1 of `key`: stable identifiers without a random source. */
