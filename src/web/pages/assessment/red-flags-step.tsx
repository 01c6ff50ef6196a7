import type { AssessmentResult } from "../../../core/assessment/assess.js";
import { RED_FLAGS, URGENCY_ACTION } from "../../../core/symptoms/red-flags.data.js";
import { Choice } from "../../components/ui.js";
import type { StepProps } from "./intake-steps.js";

type Answer = "yes" | "no" | "unsure";
const toAnswer = (v: unknown): Answer | undefined =>
  v === true ? "yes" : v === false ? "no" : v === "unsure" ? "unsure" : undefined;

/** The red-flag questions of the core, each answered yes / no / not sure (never assumed "no"). */
export function RedFlagsStep({ input, update }: StepProps) {
  const answers = (input.redFlags as Record<string, unknown> | undefined) ?? {};
  // Every question is asked at every age: the core words the flag for the person's age.
  const questions = RED_FLAGS.filter((f) => f.answeredFrom === "question");
  return (
    <>
      <p>
        These questions look for signs that need a doctor or physiotherapist before any exercise.
      </p>
      {questions.map((flag) => (
        <Choice
          key={flag.id}
          legend={flag.question}
          name={`flag-${flag.id}`}
          value={toAnswer(answers[flag.id])}
          options={[
            { value: "no", label: "No" },
            { value: "yes", label: "Yes" },
            { value: "unsure", label: "Not sure" },
          ]}
          onChange={(a) =>
            update("redFlags", {
              ...answers,
              [flag.id]: a === "yes" ? true : a === "no" ? false : "unsure",
            })
          }
        />
      ))}
    </>
  );
}

/** The referral, first and alone: what was raised, how urgent, and what to do. */
export function Referral({
  result,
  mode,
}: {
  result: AssessmentResult;
  mode: "clinician" | "runner";
}) {
  const screen = result.redFlags;
  if (!screen.referral || !screen.urgency) return null;
  return (
    <section className="referral" aria-labelledby="referral-h" role="alert">
      <h2 id="referral-h">
        {screen.urgency === "emergency" ? "Urgent: " : ""}See a professional before training
      </h2>
      <p className="urgency">
        <strong>Urgency: {screen.urgency.replace(/-/g, " ")}.</strong>{" "}
        {URGENCY_ACTION[screen.urgency]}.
      </p>
      <ul>
        {screen.hits.map((hit) => (
          <li key={hit.flag.id}>
            <strong>{hit.flag.title}</strong>:{" "}
            {mode === "runner" ? hit.flag.plainReason : hit.flag.reason}{" "}
            <span className="small">
              ({hit.because}; source: {hit.flag.source})
            </span>
          </li>
        ))}
      </ul>
      {screen.advice.length > 0 && (
        <ul className="advice">
          {screen.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <p>No exercise programme is made until a professional has seen the knee.</p>
    </section>
  );
}
