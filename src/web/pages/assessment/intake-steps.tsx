import { Check, Choice, Field, NumberField } from "../../components/ui.js";
import type { Prefs } from "../../prefs.js";
import type { Input } from "./draft.js";
import { PainMap, type PainSpot } from "./pain-map.js";

export interface StepProps {
  input: Input;
  update: (section: string, value: unknown) => void;
  prefs: Prefs;
  mode: "clinician" | "runner";
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === "object" ? (value as Obj) : {});
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

export function AboutStep({ input, update, prefs, mode }: StepProps) {
  const person = obj(input.person);
  const set = (key: string, value: unknown) =>
    update("person", { bodyMassUnit: prefs.mass, ...person, [key]: value });
  return (
    <>
      <Field label="Date of the assessment">
        {(id) => (
          <input
            id={id}
            type="date"
            value={String(input.assessedOn ?? "")}
            onChange={(e) => update("assessedOn", e.target.value)}
          />
        )}
      </Field>
      <NumberField
        label={mode === "runner" ? "Your age (years)" : "Age (years)"}
        value={num(person.age)}
        onChange={(v) => set("age", v)}
        step="1"
      />
      <Choice
        legend="Sex"
        name="sex"
        value={person.sex as "female" | "male" | "other" | undefined}
        options={[
          { value: "female", label: "Female" },
          { value: "male", label: "Male" },
          { value: "other", label: "Other" },
        ]}
        onChange={(v) => set("sex", v)}
      />
      <NumberField
        label="Height (cm)"
        value={num(person.heightCm)}
        onChange={(v) => set("heightCm", v)}
      />
      <div className="row">
        <NumberField
          label={`Body mass (${String(person.bodyMassUnit ?? prefs.mass)})`}
          value={num(person.bodyMass)}
          onChange={(v) => set("bodyMass", v)}
        />
        <Choice
          legend="Body mass unit"
          name="mass-unit"
          value={(person.bodyMassUnit as "kg" | "lb" | undefined) ?? prefs.mass}
          options={[
            { value: "kg", label: "kg" },
            { value: "lb", label: "lb" },
          ]}
          onChange={(v) => set("bodyMassUnit", v)}
        />
      </div>
    </>
  );
}

const PAIN_SCALE_HINT = "0 = no pain, 10 = the worst imaginable";

export function PainStep({ input, update, prefs }: StepProps) {
  const symptoms = obj(input.symptoms);
  const pain = obj(symptoms.pain);
  const onset = obj(pain.onset);
  const aggravators = obj(symptoms.aggravators);
  const setSymptoms = (key: string, value: unknown) =>
    update("symptoms", { aggravators: {}, trauma: { recent: false }, ...symptoms, [key]: value });
  const setPain = (key: string, value: unknown) => setSymptoms("pain", { ...pain, [key]: value });
  const onsetUnit = (onset.unit as "km" | "mi" | undefined) ?? prefs.distance;
  const trauma = obj(symptoms.trauma);
  return (
    <>
      <PainMap
        spots={(pain.locations as PainSpot[] | undefined) ?? []}
        onChange={(locations) => setPain("locations", locations)}
      />
      <div className="row">
        <NumberField
          label="Pain at rest (0–10)"
          hint={PAIN_SCALE_HINT}
          value={num(pain.atRest)}
          onChange={(v) => setPain("atRest", v)}
          min={0}
          max={10}
        />
        <NumberField
          label="Pain during a run (0–10)"
          hint={PAIN_SCALE_HINT}
          value={num(pain.duringRun)}
          onChange={(v) => setPain("duringRun", v)}
          min={0}
          max={10}
        />
        <NumberField
          label="Pain after a run (0–10)"
          hint={PAIN_SCALE_HINT}
          value={num(pain.afterRun)}
          onChange={(v) => setPain("afterRun", v)}
          min={0}
          max={10}
        />
      </div>
      <div className="row">
        <NumberField
          label={`Pain starts after (${onsetUnit})`}
          value={num(onset.afterDistance)}
          onChange={(v) =>
            setPain("onset", v === undefined ? undefined : { afterDistance: v, unit: onsetUnit })
          }
        />
        <NumberField
          label="Weeks it has hurt"
          value={num(pain.durationWeeks)}
          onChange={(v) => setPain("durationWeeks", v)}
        />
      </div>
      <Choice
        legend="Is the pain getting better or worse?"
        name="trend"
        value={pain.trend as "improving" | "same" | "worsening" | undefined}
        options={[
          { value: "improving", label: "Better" },
          { value: "same", label: "The same" },
          { value: "worsening", label: "Worse" },
        ]}
        onChange={(v) => setPain("trend", v)}
      />
      <fieldset className="checks">
        <legend>What makes it worse?</legend>
        {(
          [
            ["hills", "Hills"],
            ["stairs", "Stairs"],
            ["squats", "Squats"],
            ["prolongedSitting", "Sitting for long"],
            ["unevenGround", "Uneven ground"],
          ] as const
        ).map(([key, label]) => (
          <Check
            key={key}
            label={label}
            checked={aggravators[key] === true}
            onChange={(c) => setSymptoms("aggravators", { ...aggravators, [key]: c })}
          />
        ))}
      </fieldset>
      <NumberField
        label="Hours sitting per day"
        value={num(symptoms.sittingHoursPerDay)}
        onChange={(v) => setSymptoms("sittingHoursPerDay", v)}
      />
      <Check
        label="The pain began with a fall, twist or blow to the knee in the last weeks"
        checked={trauma.recent === true}
        onChange={(c) => setSymptoms("trauma", { recent: c })}
      />
    </>
  );
}

export function TrainingStep({ input, update, prefs }: StepProps) {
  const training = obj(input.training);
  const unit = (training.distanceUnit as "km" | "mi" | undefined) ?? prefs.distance;
  const weeks = (training.weeklyDistance as number[] | undefined) ?? [];
  const breakFrom = obj(training.breakFromRunning);
  const set = (key: string, value: unknown) =>
    update("training", { distanceUnit: unit, ...training, [key]: value });
  const weekText = weeks.join(", ");
  return (
    <>
      <Choice
        legend="Distances in"
        name="distance-unit"
        value={unit}
        options={[
          { value: "km", label: "km" },
          { value: "mi", label: "miles" },
        ]}
        onChange={(v) => set("distanceUnit", v)}
      />
      <Field
        label={`Weekly distance for the last weeks, oldest first (${unit}, up to 8, commas between)`}
      >
        {(id) => (
          <input
            id={id}
            inputMode="decimal"
            defaultValue={weekText}
            onChange={(e) => {
              const values = e.target.value
                .split(/[,;\s]+/)
                .filter(Boolean)
                .map(Number)
                .filter((n) => !Number.isNaN(n));
              set("weeklyDistance", values);
            }}
          />
        )}
      </Field>
      <div className="row">
        <NumberField
          label={`Longest recent run (${unit})`}
          value={num(training.longestRecentRun)}
          onChange={(v) => set("longestRecentRun", v)}
        />
        <NumberField
          label={`Latest run (${unit})`}
          value={num(training.latestRun)}
          onChange={(v) => set("latestRun", v)}
        />
      </div>
      <div className="row">
        <NumberField
          label="Break from running before this (weeks, 0 if none)"
          value={num(breakFrom.weeks)}
          onChange={(v) =>
            set("breakFromRunning", v ? { resumedWeeksAgo: 0, ...breakFrom, weeks: v } : undefined)
          }
        />
        <NumberField
          label="Running again since (weeks ago)"
          value={num(breakFrom.resumedWeeksAgo)}
          onChange={(v) =>
            breakFrom.weeks && set("breakFromRunning", { ...breakFrom, resumedWeeksAgo: v ?? 0 })
          }
        />
      </div>
    </>
  );
}
