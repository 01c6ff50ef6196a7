import type { ProgressReport } from "../../core/running/progression.js";
import { ApiError, api } from "../api.js";
import { Show, useLoad } from "../components/ui.js";
import { showDate } from "../prefs.js";

const STEP_WORDS = {
  progress: "Move up",
  repeat: "Repeat the same",
  "step-back": "Step back",
  "stop-see-professional": "Stop and see a professional",
} as const;

/** The next-session decision from the logs, with its reasons in plain words. */
export function NextDecision({ programmeId }: { programmeId: string }) {
  // With nothing logged yet the server has nothing to decide from (422): the empty state.
  const [loaded, reload] = useLoad(
    () =>
      api<ProgressReport>("GET", `/api/programmes/${programmeId}/next`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 422) return null;
        throw e;
      }),
    [programmeId],
  );
  return (
    <section className="card decision" aria-labelledby="next-h">
      <h2 id="next-h">Next session</h2>
      <Show loaded={loaded} what="the next-session decision" retry={reload}>
        {(report) => (
          <>
            {report?.alert && (
              <p className="referral" role="alert">
                {report.alert}
              </p>
            )}
            {!report || report.decisions.length === 0 ? (
              <p className="empty">Nothing logged yet: start with the first session of the plan.</p>
            ) : (
              <ul data-testid="decisions">
                {report.decisions.map((d) => (
                  <li key={`${d.subject}-${d.date}`}>
                    <strong>
                      {STEP_WORDS[d.decision]}: {d.subject}
                    </strong>{" "}
                    <span className="small">(after {showDate(d.date)})</span>
                    <ul>
                      {d.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
