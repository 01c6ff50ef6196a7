import { useRef, useState } from "react";
import { api } from "../api.js";
import { showDate } from "../prefs.js";
import { day } from "../types.js";
import { ErrorBox, Field, Show, useLoad } from "./ui.js";

interface FeedStatus {
  feed: { createdAt: string; createdBy: string | null } | null;
}

/**
 * "Subscribe in your phone's calendar": makes the runner's private calendar link, shows it once
 * with a copy button, explains what it shares, and revokes it. The server keeps only a hash,
 * so a link made earlier cannot be shown again; a new one replaces it.
 */
export function CalendarFeedPanel({
  runnerId,
  forRunner,
}: {
  runnerId: string;
  /** Worded for the runner ("your plan") or for the clinician ("the runner's plan"). */
  forRunner: boolean;
}) {
  const [loaded, reload] = useLoad(
    () => api<FeedStatus>("GET", `/api/runners/${runnerId}/calendar-feed`),
    [runnerId],
  );
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const whose = forRunner ? "your" : "the runner's";
  const act = async (work: () => Promise<void>) => {
    setError(null);
    setNote(null);
    try {
      await work();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const create = () =>
    act(async () => {
      const made = await api<{ path: string }>("POST", `/api/runners/${runnerId}/calendar-feed`);
      setLink(new URL(made.path, window.location.origin).href);
    });
  const revoke = () =>
    act(async () => {
      await api("DELETE", `/api/runners/${runnerId}/calendar-feed`);
      setLink(null);
      setNote("The link is revoked: calendars that used it stop getting the plan.");
    });
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setNote("Link copied.");
    } catch {
      // No clipboard access (an insecure address, or refused): select it for a manual copy.
      input.current?.select();
      setNote("Select the link and copy it (the browser did not allow copying).");
    }
  };
  return (
    <section aria-labelledby="feed-h" className="card">
      <h2 id="feed-h">Subscribe in {forRunner ? "your" : "a"} phone's calendar</h2>
      <p>
        A private link that a phone's calendar subscribes to: {whose} sessions appear as all-day
        events, and when the plan changes the calendar follows at its next refresh (every few
        hours). The calendar shows the sessions and exercises only, no name and no findings.
      </p>
      <p className="hint">
        Anyone who has the link can read the plan: keep it to{" "}
        {forRunner ? "yourself" : "the runner"}, and revoke it if it gets out or is no longer used.
        Making a new link stops the old one.
      </p>
      <Show loaded={loaded} what="the calendar link" retry={reload}>
        {({ feed }) => (
          <>
            {link ? (
              <>
                <Field
                  label="Calendar link"
                  hint="Shown only now: copy it, or open it in the phone's calendar app."
                >
                  {(id, hintId) => (
                    <input
                      id={id}
                      ref={input}
                      aria-describedby={hintId}
                      readOnly
                      value={link}
                      onFocus={(e) => e.target.select()}
                      data-testid="feed-link"
                    />
                  )}
                </Field>
                <div className="actions">
                  <button type="button" className="primary" onClick={copy}>
                    Copy the link
                  </button>
                  <a className="button" href={link.replace(/^https?:/, "webcal:")}>
                    Open in the calendar app
                  </a>
                </div>
                <ul className="small">
                  <li>
                    iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed
                    Calendar, then paste the link.
                  </li>
                  <li>
                    Android (Google Calendar): on calendar.google.com, Other calendars → + → From
                    URL, then paste the link.
                  </li>
                  {/^(localhost|127\.|\[::1\])/.test(window.location.hostname) && (
                    <li>
                      This address works on this computer only: a phone needs the server on the
                      network.
                    </li>
                  )}
                </ul>
              </>
            ) : (
              feed && (
                <p>
                  A link made on {showDate(day(feed.createdAt))}
                  {feed.createdBy ? ` by ${feed.createdBy}` : ""} is active. It cannot be shown
                  again; make a new one to see it (the old one then stops working).
                </p>
              )
            )}
            <div className="actions">
              <button type="button" className={feed ? undefined : "primary"} onClick={create}>
                {feed ? "Make a new calendar link" : "Make a calendar link"}
              </button>
              {feed && (
                <button type="button" onClick={revoke}>
                  Revoke the calendar link
                </button>
              )}
            </div>
          </>
        )}
      </Show>
      <p role="status">{note}</p>
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}
