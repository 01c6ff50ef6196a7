import { useState } from "react";
import type { AssessmentResult } from "../../../core/assessment/assess.js";
import { api } from "../../api.js";
import { ErrorBox, Show, useLoad } from "../../components/ui.js";
import { navigate, queryParam } from "../../router.js";
import { useSession } from "../../session.js";
import type { AssessmentRow } from "../../types.js";
import { SaveStatus, useDraft } from "./draft.js";
import { AboutStep, PainStep, type StepProps, TrainingStep } from "./intake-steps.js";
import { QuestionnairesStep } from "./questionnaires-step.js";
import { RedFlagsStep, Referral } from "./red-flags-step.js";
import { SelfTestsStep } from "./self-tests-step.js";
import { StrengthStep } from "./strength-step.js";

interface Step {
  id: string;
  title: string;
  Body: (props: StepProps) => React.ReactNode;
}

const STEPS: Record<string, Step> = {
  about: { id: "about", title: "About the runner", Body: AboutStep },
  pain: { id: "pain", title: "Pain", Body: PainStep },
  "red-flags": { id: "red-flags", title: "Red flags", Body: RedFlagsStep },
  training: { id: "training", title: "Running", Body: TrainingStep },
  strength: { id: "strength", title: "Dynamometer", Body: StrengthStep },
  "self-tests": { id: "self-tests", title: "Self-tests", Body: SelfTestsStep },
  questionnaires: { id: "questionnaires", title: "Questionnaires", Body: QuestionnairesStep },
};

/** A clinician measures strength; a runner at home starts with the self-tests (seed 004). */
const ORDER = {
  clinician: ["about", "pain", "red-flags", "training", "strength", "self-tests", "questionnaires"],
  runner: ["self-tests", "about", "pain", "red-flags", "training", "questionnaires"],
} as const;

export default function AssessmentWizard({
  assessmentId,
  route,
}: {
  assessmentId: string;
  route: string;
}) {
  const [loaded, reload] = useLoad(
    () => api<AssessmentRow>("GET", `/api/assessments/${assessmentId}`),
    [assessmentId],
  );
  return (
    <Show loaded={loaded} what="the assessment" retry={reload}>
      {(row) => <Wizard row={row} stepId={queryParam(route, "step")} />}
    </Show>
  );
}

function Wizard({ row, stepId }: { row: AssessmentRow; stepId: string | null }) {
  const { user, prefs } = useSession();
  const mode = user.role === "runner" ? "runner" : "clinician";
  const order: readonly string[] = ORDER[mode];
  const index = Math.max(0, order.indexOf(stepId ?? order[0]!));
  const step = STEPS[order[index]!]!;
  const { input, update, flush, saveState } = useDraft(row);
  const [error, setError] = useState<unknown>(null);
  const [referral, setReferral] = useState<AssessmentResult | null>(null);
  const [busy, setBusy] = useState(false);
  const go = (i: number) => navigate(`/assessments/${row.id}/edit?step=${order[i]}`);

  const assess = async (): Promise<AssessmentResult | null> => {
    const result = await api<AssessmentRow>("POST", `/api/assessments/${row.id}/assess`);
    return result.result;
  };

  const next = async () => {
    setError(null);
    setBusy(true);
    try {
      if (!(await flush())) return;
      const last = index === order.length - 1;
      // The red-flag screen is checked as soon as it is answered: a flag stops the flow here.
      if (step.id === "red-flags" || last) {
        const result = await assess();
        if (result?.redFlags.referral) {
          setReferral(result);
          return;
        }
        if (last) {
          navigate(`/assessments/${row.id}`);
          return;
        }
      }
      go(index + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (referral)
    return (
      <>
        <h1 tabIndex={-1}>The assessment stops here</h1>
        <Referral result={referral} mode={mode} />
        <div className="actions">
          <a className="button primary" href={`#/assessments/${row.id}`}>
            See the record of this screen
          </a>
          <button type="button" onClick={() => setReferral(null)}>
            Change an answer
          </button>
        </div>
      </>
    );

  const Body = step.Body;
  return (
    <>
      <h1 tabIndex={-1}>
        {row.kind === "retest" ? "Retest" : "Assessment"}: {step.title}
      </h1>
      <nav aria-label="Steps" className="steps">
        <ol>
          {order.map((id, i) => (
            <li key={id}>
              <a
                href={`#/assessments/${row.id}/edit?step=${id}`}
                aria-current={i === index ? "step" : undefined}
                onClick={() => void flush()}
              >
                {i + 1}. {STEPS[id]!.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <form
        className="step"
        onSubmit={(e) => {
          e.preventDefault();
          void next();
        }}
      >
        {step.id === "strength" && (
          <p>
            <a
              href={`#/runners/${row.runnerId}/imports?assessment=${row.id}`}
              onClick={() => void flush()}
            >
              Import the trials from a dynamometer file
            </a>
          </p>
        )}
        <Body input={input} update={update} prefs={prefs} mode={mode} />
        <SaveStatus state={saveState} />
        {error !== null && <ErrorBox error={error} />}
        <div className="actions sticky">
          {index > 0 && (
            <button type="button" onClick={() => void flush().then(() => go(index - 1))}>
              Back
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy
              ? "Saving…"
              : index === order.length - 1
                ? "See the findings"
                : "Save and continue"}
          </button>
        </div>
      </form>
    </>
  );
}
