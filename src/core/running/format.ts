import { type DistanceUnit, fromKilometres, type Kilometres } from "../units.js";
/** Numbers written the way the sentences in plans, checks and decisions show them. */

/** Rounds to a given number of decimals (half away from zero is not needed: values are ≥ 0). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** 12.345 → "12.3 km"; whole numbers lose the ".0". */
export const formatKm = (km: number): string => `${roundTo(km, 1)} km`;

/** A distance held in km, shown in the runner's unit: "5 km" or "3.1 mi". */
export const formatDistance = (km: number, unit: DistanceUnit): string =>
  unit === "km" ? formatKm(km) : `${roundTo(fromKilometres(km as Kilometres, "mi"), 1)} mi`;

/** 45.04 → "45 %"; 10.1 → "10.1 %". */
export const formatPercent = (percent: number): string => `${roundTo(percent, 1)} %`;

/** 4 → "4/10". */
export const formatPain = (pain: number): string => `${roundTo(pain, 1)}/10`;

/** 1 → "1 day", 3 → "3 days". */
export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? "" : "s"}`;
