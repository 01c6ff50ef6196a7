/**
 * Branded units: a plain number at run time, a distinct type at compile time, so that
 * passing newtons where newton-metres are expected fails to compile.
 */
declare const unitBrand: unique symbol;
export type Unit<Name extends string> = number & { readonly [unitBrand]: Name };

export type Newtons = Unit<"N">;
export type NewtonMetres = Unit<"Nm">;
export type Kilograms = Unit<"kg">;
export type Metres = Unit<"m">;
export type Centimetres = Unit<"cm">;
export type Kilometres = Unit<"km">;
export type Seconds = Unit<"s">;
export type Milliseconds = Unit<"ms">;
export type Minutes = Unit<"min">;
export type Hertz = Unit<"Hz">;
export type Degrees = Unit<"deg">;
export type Percent = Unit<"%">;
export type StepsPerMinute = Unit<"steps/min">;
/** Pain on the 0–10 numeric rating scale. */
export type PainScore = Unit<"NPRS">;

/** Marks a number as carrying a unit; the caller vouches for it. */
export const as = <U extends Unit<string>>(value: number): U => value as U;

/** Newtons per kilogram-force (standard gravity, exact by definition). */
export const NEWTONS_PER_KGF = 9.80665;
/** Newtons per pound-force (exact: 0.45359237 kg × standard gravity). */
export const NEWTONS_PER_LBF = 4.4482216152605;
/** Kilograms per pound (exact, international pound). */
export const KG_PER_LB = 0.45359237;
/** Kilometres per statute mile (exact). */
export const KM_PER_MILE = 1.609344;

export type ForceUnit = "N" | "kgf" | "lbf";
export type MassUnit = "kg" | "lb";
export type DistanceUnit = "km" | "mi";

/** Converts a force reading in the named unit to newtons. */
export function toNewtons(value: number, unit: ForceUnit): Newtons {
  const factor = unit === "N" ? 1 : unit === "kgf" ? NEWTONS_PER_KGF : NEWTONS_PER_LBF;
  return as<Newtons>(value * factor);
}

/** Converts a body mass in the named unit to kilograms. */
export function toKilograms(value: number, unit: MassUnit): Kilograms {
  return as<Kilograms>(unit === "kg" ? value : value * KG_PER_LB);
}

/** Converts a distance in the named unit to kilometres. */
export function toKilometres(value: number, unit: DistanceUnit): Kilometres {
  return as<Kilometres>(unit === "km" ? value : value * KM_PER_MILE);
}

/** Converts kilometres to the named distance unit, for display. */
export function fromKilometres(value: Kilometres, unit: DistanceUnit): number {
  return unit === "km" ? value : value / KM_PER_MILE;
}
