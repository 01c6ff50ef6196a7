import { useState } from "react";
import { api, type Page } from "../api.js";
import { AnalysisList } from "../components/analysis-list.js";
import { CalendarFeedPanel } from "../components/calendar-feed-panel.js";
import { ExportsPanel } from "../components/exports-panel.js";
import { Empty, ErrorBox, Field, Show, useLoad } from "../components/ui.js";
import { VideoUpload } from "../components/video-upload.js";
import { localToday, showDate } from "../prefs.js";
import { navigate } from "../router.js";
import { useSession } from "../session.js";
import { type AssessmentRow, day, type ProgrammeRow, type RunnerSummary } from "../types.js";

interface RecordData {
  runner: RunnerSummary;
  assessments: AssessmentRow[];
  programmes: ProgrammeRow[];
}

async function loadRecord(runnerId: string): Promise<RecordData> {
  const [runner, assessments, programmes] = await Promise.all([
    api<RunnerSummary>("GET", `/api/runners/${runnerId}`),
    api<Page<AssessmentRow>>("GET", `/api/runners/${runnerId}/assessments?limit=50`),
    api<Page<ProgrammeRow>>("GET", `/api/runners/${runnerId}/programmes?limit=20`),
  ]);
  return { runner, assessments: assessments.items, programmes: programmes.items };
}

/** Starts an assessment (first, or a retest copying the person and history) and opens its form. */
export async function startAssessment(runnerId: string, last?: AssessmentRow): Promise<void> {
  const input: Record<string, unknown> = { assessedOn: localToday() };
  if (last) {
    for (const key of ["person", "symptoms", "training", "questionnaires"])
      if (last.input[key]) input[key] = last.input[key];
  }
  const row = await api<AssessmentRow>("POST", `/api/runners/${runnerId}/assessments`, {
    kind: last ? "retest" : "initial",
    input,
  });
  navigate(`/assessments/${row.id}/edit`);
}

export default function RunnerRecord({ runnerId }: { runnerId: string }) {
  const [loaded, reload] = useLoad(() => loadRecord(runnerId), [runnerId]);
  return (
    <Show loaded={loaded} what="the runner's record" retry={reload}>
      {(data) => <Record data={data} />}
    </Show>
  );
}

function Record({ data }: { data: RecordData }) {
  const { user } = useSession();
  const { runner, assessments, programmes } = data;
  const [error, setError] = useState<unknown>(null);
  const [invite, setInvite] = useState<{ link: string; mail: string } | null>(null);
  const [inviteEmail, setInviteEmail] = useState("");
  const [uploads, setUploads] = useState(0);
  const lastAssessed = assessments.find((a) => a.result);
  const current = programmes.find((p) => p.active);
  const isStaff = user.role !== "runner";
  const start = (last?: AssessmentRow) => startAssessment(runner.id, last).catch(setError);
  const makeInvite = async () => {
    try {
      const reply = await api<{ link: string; mail: { message: string } }>("POST", "/api/invites", {
        role: "runner",
        runnerId: runner.id,
        name: runner.displayName,
        ...(inviteEmail.trim() ? { email: inviteEmail.trim() } : {}),
      });
      setInvite({ link: reply.link, mail: reply.mail.message });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>{runner.displayName}</h1>
      <p className="small">
        {runner.selfGuided ? "Self-guided runner" : "Runner of the clinic"}
        {runner.shares.length > 0 &&
          ` · shared with ${runner.shares.map((s) => s.clinicName).join(", ")}`}
      </p>
      {error !== null && <ErrorBox error={error} />}
      <div className="actions">
        <button type="button" className="primary" onClick={() => start()}>
          New assessment
        </button>
        {lastAssessed && (
          <button type="button" onClick={() => start(lastAssessed)}>
            Retest
          </button>
        )}
        <a className="button" href={`#/runners/${runner.id}/progress`}>
          Progress
        </a>
        <a className="button" href={`#/runners/${runner.id}/imports`}>
          Import files
        </a>
      </div>
      {isStaff && !runner.userId && (
        <div className="actions">
          <Field label="The runner's email, to mail the link (optional)">
            {(id) => (
              <input
                id={id}
                type="email"
                autoComplete="off"
                value={inviteEmail}
                onChange={(e) => setInviteEmail(e.target.value)}
              />
            )}
          </Field>
          <button type="button" onClick={makeInvite}>
            Invite the runner to the app
          </button>
        </div>
      )}
      {invite && (
        <p className="card" role="status">
          Give the runner this one-time link: <code data-testid="invite-link">{invite.link}</code> (
          <span data-testid="invite-mail">{invite.mail}</span>)
        </p>
      )}
      <section aria-labelledby="assessments-h">
        <h2 id="assessments-h">Assessments</h2>
        {assessments.length === 0 ? (
          <Empty>No assessment yet.</Empty>
        ) : (
          <ul className="plain-list">
            {assessments.map((a) => (
              <li key={a.id}>
                <a href={a.result ? `#/assessments/${a.id}` : `#/assessments/${a.id}/edit`}>
                  {a.kind === "retest" ? "Retest" : "Assessment"}{" "}
                  {showDate(day(a.assessedOn) || day(a.createdAt))}
                </a>{" "}
                {a.result ? (
                  a.referral ? (
                    <strong className="flag">red flag: referral</strong>
                  ) : (
                    "assessed"
                  )
                ) : (
                  "in progress"
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="programmes-h">
        <h2 id="programmes-h">Programmes</h2>
        {programmes.length === 0 ? (
          <Empty>No programme yet: assess first, then make one from the findings.</Empty>
        ) : (
          <ul className="plain-list">
            {programmes.map((p) => (
              <li key={p.id}>
                <a href={`#/programmes/${p.id}`}>
                  {showDate(day(p.startsOn))} – {showDate(day(p.endsOn))}
                </a>{" "}
                {p.active && "(current)"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ExportsPanel
        runnerId={runner.id}
        assessments={assessments}
        programmeId={current?.id ?? null}
      />
      {current && <CalendarFeedPanel runnerId={runner.id} forRunner={!isStaff} />}
      <AnalysisList runnerId={runner.id} assessments={assessments} reloadKey={uploads} />
      {isStaff && <VideoUpload runnerId={runner.id} onDone={() => setUploads((n) => n + 1)} />}
    </>
  );
}
