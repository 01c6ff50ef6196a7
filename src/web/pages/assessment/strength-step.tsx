import { parseWith } from "../../../core/errors.js";
import { DEFAULT_SETTINGS } from "../../../core/settings.js";
import { strengthSchema } from "../../../core/strength/strength.schema.js";
import { analyseStrength } from "../../../core/strength/strength.service.js";
import type { StrengthReport, StrengthTestName } from "../../../core/strength/strength.types.js";
import { strengthTestLabel } from "../../../core/strength/strength.types.js";
import { personSchema } from "../../../core/symptoms/intake.schema.js";
import { Choice, NumberField } from "../../components/ui.js";
import { formatNumber } from "../../prefs.js";
import type { StepProps } from "./intake-steps.js";

interface Entry {
  test: StrengthTestName;
  side: "left" | "right";
  position: string;
  method: "make" | "break";
  leverArmCm?: number;
  unit: "N" | "kgf" | "lbf";
  trials: (number | undefined)[];
}

/** The tests of a hip-and-knee screen, each in its usual position (CLINICAL.md §3). */
const TESTS: { test: StrengthTestName; position: string }[] = [
  { test: "hip-abduction", position: "side-lying" },
  { test: "hip-external-rotation", position: "seated" },
  { test: "hip-extension", position: "prone" },
  { test: "knee-extension", position: "seated" },
  { test: "knee-flexion", position: "seated" },
];
const TRIALS = 3;

function entriesOf(value: unknown): Entry[] {
  const tests = (value as { tests?: Entry[] } | undefined)?.tests;
  return Array.isArray(tests) ? tests : [];
}

/** Entries ready for the core: every trial typed in. Half-typed ones wait. */
function complete(entries: Entry[]) {
  return entries
    .map((e) => ({
      ...e,
      trials: e.trials.filter((t): t is number => typeof t === "number" && t > 0),
    }))
    .filter((e) => e.trials.length > 0);
}

/** Live figures from the core: torque, Nm/kg, LSI and the reference comparison as you type. */
function liveReport(input: StepProps["input"], entries: Entry[]): StrengthReport | string {
  const ready = complete(entries);
  if (ready.length === 0) return "Type trials to see torque, Nm/kg and the side-to-side index.";
  try {
    const person = parseWith(personSchema, input.person, "person");
    const parsed = parseWith(strengthSchema, { tests: ready }, "strength");
    const locations = (input.symptoms as { pain?: { locations?: { side: string }[] } } | undefined)
      ?.pain?.locations;
    const sides = new Set(locations?.map((l) => l.side));
    const painSide =
      sides.has("both") || sides.size > 1
        ? "both"
        : ([...sides][0] as "left" | "right" | undefined);
    return analyseStrength(parsed.tests, {
      bodyMassKg: person.bodyMassKg,
      age: person.age,
      sex: person.sex,
      ...(painSide ? { painSide } : {}),
      settings: DEFAULT_SETTINGS.strength,
    });
  } catch (error) {
    return (error as Error).message;
  }
}

export function StrengthStep({ input, update }: StepProps) {
  const entries = entriesOf(input.strength);
  const find = (test: StrengthTestName, side: "left" | "right") =>
    entries.find((e) => e.test === test && e.side === side);
  const put = (test: StrengthTestName, side: "left" | "right", change: Partial<Entry>) => {
    const position = TESTS.find((t) => t.test === test)!.position;
    const shared = entries.find((e) => e.test === test);
    const base: Entry = find(test, side) ?? {
      test,
      side,
      position,
      method: shared?.method ?? "make",
      unit: shared?.unit ?? "N",
      ...(shared?.leverArmCm !== undefined ? { leverArmCm: shared.leverArmCm } : {}),
      trials: [],
    };
    const next = { ...base, ...change };
    const rest = entries.filter((e) => !(e.test === test && e.side === side));
    update("strength", { tests: [...rest, next] });
  };
  const putBoth = (test: StrengthTestName, change: Partial<Entry>) => {
    const position = TESTS.find((t) => t.test === test)!.position;
    const next = (["left", "right"] as const).map(
      (side): Entry => ({
        ...(find(test, side) ?? { test, side, position, method: "make", unit: "N", trials: [] }),
        ...change,
      }),
    );
    update("strength", { tests: [...entries.filter((e) => e.test !== test), ...next] });
  };
  const report = liveReport(input, entries);
  return (
    <>
      <p>
        Hand-held dynamometer: {TRIALS} trials per side. The lever arm is the distance from the
        joint centre to the pad; with it, torque and Nm/kg are worked out.
      </p>
      {TESTS.map(({ test }) => {
        const label = strengthTestLabel(test);
        const any = find(test, "left") ?? find(test, "right");
        const result =
          typeof report === "string" ? undefined : report.tests.find((t) => t.test === test);
        return (
          <fieldset key={test} className="card strength-test">
            <legend>{label}</legend>
            <div className="row">
              <Choice
                legend={`${label}: method`}
                name={`${test}-method`}
                value={any?.method ?? "make"}
                options={[
                  { value: "make", label: "Make" },
                  { value: "break", label: "Break" },
                ]}
                onChange={(method) => putBoth(test, { method })}
              />
              <Choice
                legend={`${label}: unit`}
                name={`${test}-unit`}
                value={any?.unit ?? "N"}
                options={[
                  { value: "N", label: "N" },
                  { value: "kgf", label: "kgf" },
                  { value: "lbf", label: "lbf" },
                ]}
                onChange={(unit) => putBoth(test, { unit })}
              />
              <NumberField
                label={`${label}: lever arm (cm)`}
                value={any?.leverArmCm}
                onChange={(leverArmCm) => putBoth(test, { leverArmCm })}
              />
            </div>
            {(["left", "right"] as const).map((side) => {
              const entry = find(test, side);
              const figures = result?.sides[side];
              return (
                <div key={side} className="trials">
                  <span className="side-label">{side === "left" ? "Left" : "Right"}</span>
                  {Array.from({ length: TRIALS }, (_, i) => (
                    <NumberField
                      // biome-ignore lint/suspicious/noArrayIndexKey: trial slots are fixed positions
                      key={i}
                      label={`${label} ${side} trial ${i + 1}`}
                      value={entry?.trials[i]}
                      onChange={(v) => {
                        const trials = [...(entry?.trials ?? [])];
                        trials[i] = v;
                        put(test, side, {
                          trials: Array.from(
                            { length: TRIALS },
                            (_, k) => trials[k] ?? null,
                          ) as number[],
                        });
                      }}
                    />
                  ))}
                  <output
                    aria-live="polite"
                    className="figures"
                    data-testid={`figures-${test}-${side}`}
                  >
                    {figures
                      ? `${figures.torqueNm !== undefined ? `${formatNumber(figures.torqueNm)} Nm · ${formatNumber(figures.torqueNmPerKg ?? 0, 2)} Nm/kg` : `${formatNumber(figures.bestN)} N${figures.forceNPerKg !== undefined ? ` · ${formatNumber(figures.forceNPerKg, 2)} N/kg` : " (body mass unknown: no N/kg)"}`}${figures.reference ? ` · ${figures.reference.band} (${figures.reference.expectedText})` : ""}`
                      : "–"}
                  </output>
                </div>
              );
            })}
            <output aria-live="polite" className="lsi" data-testid={`lsi-${test}`}>
              {result?.lsiPercent !== undefined
                ? `LSI ${formatNumber(result.lsiPercent, 0)} %${result.deficit ? ` — ${result.weakerSide} weaker, below the line` : ""}`
                : "LSI: enter both sides"}
            </output>
          </fieldset>
        );
      })}
      {typeof report === "string" && (
        <p className="small" role="status">
          {report}
        </p>
      )}
    </>
  );
}
