import { CoreFigure } from "../../components/core-figure.js";
import { Choice, NumberField } from "../../components/ui.js";
import type { StepProps } from "./intake-steps.js";

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === "object" ? (value as Obj) : {});
type YesNo = "yes" | "no";
const yn = (v: unknown): YesNo | undefined => (v === true ? "yes" : v === false ? "no" : undefined);
const YES_NO = [
  { value: "no" as const, label: "No" },
  { value: "yes" as const, label: "Yes" },
];
const RATINGS = [
  { value: "good" as const, label: "Good" },
  { value: "fair" as const, label: "Fair" },
  { value: "poor" as const, label: "Poor" },
];

/** A figure from the core's exercise drawings that shows the movement of the test. */
function Figure({ exercise, caption }: { exercise: string; caption: string }) {
  return (
    <figure className="test-figure">
      <CoreFigure exercise={exercise} alt={caption} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/**
 * The home self-tests (seed 004; CLINICAL.md §4): one-leg stance, sit to stand, squat, lunge,
 * and for clinicians the single-leg squat rated on Crossley's five criteria. Use a mirror or a
 * phone's camera; sides are the standing leg.
 */
export function SelfTestsStep({ input, update, mode }: StepProps) {
  const tests = obj(input.selfTests);
  const set = (key: string, value: unknown) =>
    update("selfTests", {
      observedBy: mode === "runner" ? "self" : "clinician",
      ...tests,
      [key]: value,
    });
  const stance = obj(tests.singleLegStance);
  const sitToStand = obj(tests.sitToStand);
  const squat = obj(tests.squat);
  const lunge = obj(tests.lunge);
  const sls = obj(tests.singleLegSquat);
  return (
    <>
      <section className="card self-test">
        <h3>1. Stand on one leg</h3>
        <Figure
          exercise="glute-squeeze-standing"
          caption="Stand tall facing a mirror, hands on hips"
        />
        <p>
          Face a mirror with your hands on your hips and lift one foot for up to 30 seconds. Watch
          the hip of the lifted leg: does it stay level or drop? Then the other leg.
        </p>
        {(["left", "right"] as const).map((side) => {
          const current = obj(stance[side]);
          return (
            <div key={side} className="row">
              <Choice
                legend={`Standing on the ${side} leg, the pelvis…`}
                name={`stance-${side}`}
                value={current.pelvis as "level" | "drops" | undefined}
                options={[
                  { value: "level", label: "stays level" },
                  { value: "drops", label: "drops on the lifted side" },
                ]}
                onChange={(pelvis) =>
                  set("singleLegStance", { ...stance, [side]: { ...current, pelvis } })
                }
              />
              <NumberField
                label={`Seconds held on the ${side} leg`}
                value={current.seconds as number | undefined}
                onChange={(seconds) =>
                  current.pelvis &&
                  set("singleLegStance", { ...stance, [side]: { ...current, seconds } })
                }
              />
            </div>
          );
        })}
      </section>
      <section className="card self-test">
        <h3>2. Sit down and stand up</h3>
        <Figure exercise="sit-to-stand" caption="From a chair, stand up and sit down five times" />
        <Choice
          legend="Do the knees cave in towards each other?"
          name="sts-cave"
          value={yn(sitToStand.kneesCave)}
          options={YES_NO}
          onChange={(a) => set("sitToStand", { ...sitToStand, kneesCave: a === "yes" })}
        />
        <Choice
          legend="Do you feel tension in the knees?"
          name="sts-tension"
          value={yn(sitToStand.kneeTension)}
          options={YES_NO}
          onChange={(a) => set("sitToStand", { ...sitToStand, kneeTension: a === "yes" })}
        />
      </section>
      <section className="card self-test">
        <h3>3. Squat</h3>
        <Figure exercise="squat" caption="Feet hip-width apart, sit the hips back and down" />
        <Choice
          legend="Squat: do the knees cave in?"
          name="sq-cave"
          value={yn(squat.kneesCave)}
          options={YES_NO}
          onChange={(a) => set("squat", { ...squat, kneesCave: a === "yes" })}
        />
        <Choice
          legend="Squat: is all the effort in the front of the thighs?"
          name="sq-thigh"
          value={yn(squat.thighDominant)}
          options={YES_NO}
          onChange={(a) => set("squat", { ...squat, thighDominant: a === "yes" })}
        />
        <Choice
          legend="Squat: does the weight shift onto the toes?"
          name="sq-toes"
          value={yn(squat.weightOnToes)}
          options={YES_NO}
          onChange={(a) => set("squat", { ...squat, weightOnToes: a === "yes" })}
        />
      </section>
      <section className="card self-test">
        <h3>4. Lunge</h3>
        <Figure
          exercise="lunge"
          caption="A long step forward, lower the back knee towards the floor"
        />
        <Choice
          legend="Lunge: does the front knee cave in?"
          name="lu-cave"
          value={yn(lunge.kneesCave)}
          options={YES_NO}
          onChange={(a) => set("lunge", { ...lunge, kneesCave: a === "yes" })}
        />
        <Choice
          legend="Lunge: is all the effort in the front of the thigh?"
          name="lu-thigh"
          value={yn(lunge.thighDominant)}
          options={YES_NO}
          onChange={(a) => set("lunge", { ...lunge, thighDominant: a === "yes" })}
        />
      </section>
      {mode === "clinician" && (
        <section className="card self-test">
          <h3>5. Single-leg squat (rated by the clinician)</h3>
          <Figure
            exercise="step-down"
            caption="Squat on one leg to about 60° of knee bend, five times"
          />
          {(["left", "right"] as const).map((side) =>
            (["overall", "trunk", "pelvis", "hip", "knee"] as const).map((criterion) => {
              const current = obj(sls[side]);
              return (
                <Choice
                  key={`${side}-${criterion}`}
                  legend={`Single-leg squat on the ${side} leg: ${criterion}`}
                  name={`sls-${side}-${criterion}`}
                  value={current[criterion] as "good" | "fair" | "poor" | undefined}
                  options={RATINGS}
                  onChange={(r) =>
                    set("singleLegSquat", { ...sls, [side]: { ...current, [criterion]: r } })
                  }
                />
              );
            }),
          )}
        </section>
      )}
    </>
  );
}
