import type { Finding, FindingStatus } from "./finding.types.js";
import { rateFinding } from "./finding-label.js";
import type { FindingsInput } from "./findings-input.js";
import { regionStrength } from "./strength-evidence.js";

/**
 * Knee strength deficit: the knee's own muscles test weak by symmetry or reference values
 * (knee-strength-meta). Hip and knee strengthening together beat knee work alone (nascimento-2018).
 */
export function kneeDeficitFinding(input: FindingsInput): Finding {
  const knee = regionStrength(input.strength, "knee", input.settings.strength.lsiDeficitPercent);
  const groups = [
    {
      name: "knee symmetry",
      supports: knee.paired ? knee.asymmetric.length > 0 : undefined,
      quality: "measured" as const,
    },
    {
      name: "knee reference values",
      supports:
        knee.belowReference.length > 0 ? true : knee.withinReference.length > 0 ? false : undefined,
      quality: "measured" as const,
    },
  ];
  const signs = groups.filter((g) => g.supports === true).length;
  const status: FindingStatus = !knee.tested ? "undetermined" : signs > 0 ? "likely" : "unlikely";
  return {
    id: "knee-strength-deficit",
    title: "Knee muscle weakness",
    status,
    ...(knee.weakSide ? { side: knee.weakSide } : {}),
    ...rateFinding(status, groups),
    plain:
      status === "likely"
        ? `The muscles around your ${knee.weakSide ? `${knee.weakSide} ` : ""}knee test weaker than they should. The plan strengthens the knee as well as the hip.`
        : status === "unlikely"
          ? knee.withinReference.length > 0
            ? "The muscles around your knee test normal."
            : "The muscles around your knee test even on both sides."
          : "Knee strength was not tested.",
    clinical:
      status === "likely"
        ? "Knee extensor/flexor deficit by LSI or reference values: combine knee with hip strengthening (nascimento-2018: hip + knee beats knee alone, −1.5/10 pain)."
        : status === "unlikely"
          ? `Knee strength symmetric${knee.withinReference.length > 0 ? " and within reference values" : "; no reference comparison (needs a lever arm, body mass and sex)"}.`
          : "No knee dynamometry.",
    evidence: knee.evidence,
    next:
      status === "undetermined" ? ["Test knee extension and flexion strength on both sides."] : [],
  };
}
