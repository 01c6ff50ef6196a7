import {
  as,
  type Centimetres,
  type ForceUnit,
  type Metres,
  NEWTONS_PER_KGF,
  NEWTONS_PER_LBF,
  type NewtonMetres,
  type Newtons,
} from "../units.js";

/** Converts newtons back to the unit a reading was entered in, for messages; inverse of toNewtons. */
export function fromNewtons(value: Newtons, unit: ForceUnit): number {
  if (unit === "N") return value;
  return value / (unit === "kgf" ? NEWTONS_PER_KGF : NEWTONS_PER_LBF);
}

/** Centimetres → metres (a lever arm of 5–100 cm becomes 0.05–1 m). */
export function centimetresToMetres(value: Centimetres): Metres {
  return as<Metres>(value / 100);
}

/**
 * Joint torque, Nm = force (N) × lever arm (m, joint centre to dynamometer pad).
 * Valid for forces > 0 and lever arms 0.05–1 m (thorborg-2010).
 */
export function torqueFromForce(force: Newtons, leverArm: Metres): NewtonMetres {
  return as<NewtonMetres>(force * leverArm);
}

/** Normalises a force (N) or torque (Nm) to body mass: N/kg or Nm/kg. Body mass must be > 0 kg. */
export function perKilogram(value: Newtons | NewtonMetres, bodyMassKg: number): number {
  return value / bodyMassKg;
}
