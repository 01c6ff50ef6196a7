import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  as,
  type Centimetres,
  type ForceUnit,
  type Metres,
  type Newtons,
  toNewtons,
} from "../units.js";
import { centimetresToMetres, fromNewtons, perKilogram, torqueFromForce } from "./conversions.js";

const units: ForceUnit[] = ["N", "kgf", "lbf"];
const force = fc.double({ min: 0.1, max: 5000, noNaN: true });
const leverArm = fc.double({ min: 0.05, max: 1, noNaN: true });

describe("force units", () => {
  it.each([
    { value: 20, unit: "kgf" as const, newtons: 196.133 },
    { value: 45, unit: "lbf" as const, newtons: 200.17 },
    { value: 182, unit: "N" as const, newtons: 182 },
  ])("$value $unit is $newtons N and converts back", ({ value, unit, newtons }) => {
    const converted = toNewtons(value, unit);
    expect(converted).toBeCloseTo(newtons, 2);
    expect(fromNewtons(converted, unit)).toBeCloseTo(value, 10);
  });

  it("round-trips any reading through newtons in every unit", () => {
    fc.assert(
      fc.property(force, fc.constantFrom(...units), (value, unit) => {
        const back = fromNewtons(toNewtons(value, unit), unit);
        expect(Math.abs(back - value) / value).toBeLessThan(1e-12);
      }),
    );
  });
});

describe("torque and normalisation", () => {
  it("gives 190 N at 45 cm as 85.5 Nm, and 1.22 Nm/kg for 70 kg", () => {
    const torque = torqueFromForce(as<Newtons>(190), centimetresToMetres(as<Centimetres>(45)));
    expect(torque).toBeCloseTo(85.5, 10);
    expect(perKilogram(torque, 70)).toBeCloseTo(1.2214, 4);
  });

  it("is linear in the lever arm", () => {
    fc.assert(
      fc.property(force, leverArm, fc.double({ min: 0.1, max: 10, noNaN: true }), (f, arm, k) => {
        const base = torqueFromForce(as<Newtons>(f), as<Metres>(arm));
        const scaled = torqueFromForce(as<Newtons>(f), as<Metres>(arm * k));
        expect(scaled).toBeCloseTo(base * k, 6);
      }),
    );
  });
});
