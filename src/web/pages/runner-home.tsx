import { useState } from "react";
import { api, type Page } from "../api.js";
import { CalendarFeedPanel } from "../components/calendar-feed-panel.js";
import { ExportsPanel } from "../components/exports-panel.js";
import { ErrorBox, Field, Show, useLoad } from "../components/ui.js";
import { showDate } from "../prefs.js";
import type { AssessmentRow, RunnerSummary } from "../types.js";
import { startAssessment } from "./runner-record.js";

async function load(runnerId: string) {
  const [runner, assessments, clinics] = await Promise.all([
    api<RunnerSummary>("GET", `/api/runners/${runnerId}`),
    api<Page<AssessmentRow>>("GET", `/api/runners/${runnerId}/assessments?limit=20`),
    api<{ items: { id: string; name: string }[] }>("GET", "/api/clinics"),
  ]);
  return { runner, assessments: assessments.items, clinics: clinics.items };
}

/** The runner's start page: the self-guided path, step by step, and sharing with a clinic. */
export default function RunnerHome({ runnerId }: { runnerId: string }) {
  const [loaded, reload] = useLoad(() => load(runnerId), [runnerId]);
  return (
    <Show loaded={loaded} what="your record" retry={reload}>
      {(data) => <Home {...data} reload={reload} />}
    </Show>
  );
}

function Home({
  runner,
  assessments,
  clinics,
  reload,
}: Awaited<ReturnType<typeof load>> & { reload: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const latest = assessments[0];
  const lastAssessed = assessments.find((a) => a.result);
  const start = (last?: AssessmentRow) => startAssessment(runner.id, last).catch(setError);
  return (
    <>
      <h1 tabIndex={-1}>Hello, {runner.displayName}</h1>
      {error !== null && <ErrorBox error={error} />}
      <ol className="journey">
        <li className={latest ? "done" : "current"}>
          <h2>1. Check your knee and hips at home</h2>
          <p>
            Four simple tests with a mirror (about 10 minutes), then questions about the pain and a
            safety check.
          </p>
          {!latest && (
            <button type="button" className="primary" onClick={() => start()}>
              Start the self-tests
            </button>
          )}
          {latest && !latest.result && (
            <a className="button primary" href={`#/assessments/${latest.id}/edit`}>
              Go on where you stopped
            </a>
          )}
        </li>
        <li className={lastAssessed ? "done" : ""}>
          <h2>2. Your findings and plan</h2>
          {lastAssessed ? (
            <>
              {lastAssessed.referral && (
                <p className="referral" role="alert">
                  Your answers need a professional first: see a physiotherapist or doctor before
                  training.
                </p>
              )}
              <a className="button" href={`#/assessments/${lastAssessed.id}`}>
                Findings of {showDate(String(lastAssessed.assessedOn).slice(0, 10))}
              </a>{" "}
              {runner.activeProgramme ? (
                <>
                  <a className="button" href="#/today">
                    Today's session
                  </a>{" "}
                  <a className="button" href={`#/programmes/${runner.activeProgramme.id}`}>
                    The plan
                  </a>{" "}
                  <a className="button" href={`#/runners/${runner.id}/progress`}>
                    Progress
                  </a>{" "}
                  <a className="button" href={`#/runners/${runner.id}/imports`}>
                    Runs from a watch
                  </a>{" "}
                  <button type="button" onClick={() => start(lastAssessed)}>
                    Test again
                  </button>
                </>
              ) : (
                !lastAssessed.referral && <p>Open the findings to make your plan.</p>
              )}
            </>
          ) : (
            <p>They appear here after the self-tests.</p>
          )}
        </li>
        <li>
          <h2>3. See a professional</h2>
          <p>
            hipcheck does not replace an examination. A physiotherapist can test hip strength with a
            dynamometer and confirm the plan. Share your record with a clinic to book an assessment.
          </p>
          <Share runner={runner} clinics={clinics} onChange={reload} />
        </li>
      </ol>
      <ExportsPanel
        runnerId={runner.id}
        assessments={assessments}
        programmeId={runner.activeProgramme?.id ?? null}
      />
      {runner.activeProgramme && <CalendarFeedPanel runnerId={runner.id} forRunner />}
    </>
  );
}

function Share({
  runner,
  clinics,
  onChange,
}: {
  runner: RunnerSummary;
  clinics: { id: string; name: string }[];
  onChange: () => void;
}) {
  const [clinicId, setClinicId] = useState("");
  const [error, setError] = useState<unknown>(null);
  const shared = new Set(runner.shares.map((s) => s.clinicId));
  const share = () =>
    api("POST", `/api/runners/${runner.id}/shares`, { clinicId }).then(onChange, setError);
  const revoke = (id: string) =>
    api("DELETE", `/api/runners/${runner.id}/shares/${id}`).then(onChange, setError);
  return (
    <div className="card">
      {runner.shares.length > 0 && (
        <ul data-testid="shares">
          {runner.shares.map((s) => (
            <li key={s.clinicId}>
              Shared with {s.clinicName}{" "}
              <button type="button" className="link" onClick={() => revoke(s.clinicId)}>
                Stop sharing with {s.clinicName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field label="Clinic">
        {(id) => (
          <select id={id} value={clinicId} onChange={(e) => setClinicId(e.target.value)}>
            <option value="">Choose a clinic</option>
            {clinics
              .filter((c) => !shared.has(c.id))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      {error !== null && <ErrorBox error={error} />}
      <button type="button" onClick={share} disabled={!clinicId}>
        Share my record with this clinic
      </button>
    </div>
  );
}
