import type { MovementEvidence, MovementSign } from "../movement/evidence.js";
import type { Side } from "../side.js";
import { movementQuality, type SignGroup } from "./confidence.js";
import type { FindingEvidence } from "./finding.types.js";

/** Evidence of the named signs, restated for a finding. */
export function movementFindingEvidence(
  movement: readonly MovementEvidence[],
  signs: readonly MovementSign[],
): FindingEvidence[] {
  return movement
    .filter((m) => signs.includes(m.sign))
    .map((m) => ({
      statement: m.observation,
      supports: m.present,
      ...(m.measured
        ? { value: `${m.measured.value} ${m.measured.unit}`, reference: m.measured.reference }
        : {}),
      source: m.source,
    }));
}

/** One independent sign from a family of movement observations: present if any was seen. */
export function movementSignGroup(
  name: string,
  movement: readonly MovementEvidence[],
  signs: readonly MovementSign[],
): SignGroup & { sides: Side[] } {
  const relevant = movement.filter((m) => signs.includes(m.sign));
  const present = relevant.filter((m) => m.present);
  const quality = movementQuality(present.length > 0 ? present : relevant);
  return {
    name,
    supports: relevant.length === 0 ? undefined : present.length > 0,
    ...(quality ? { quality } : {}),
    sides: [...new Set(present.flatMap((m) => (m.side ? [m.side] : [])))],
  };
}
