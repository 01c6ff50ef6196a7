import { lazy, Suspense, useEffect, useState } from "react";
import { api, setCsrfToken, type User } from "./api.js";
import { ErrorBox, Loading } from "./components/ui.js";
import { clearDrafts } from "./local-drafts.js";
import { clearQueue, flushQueue } from "./offline-queue.js";
import { LoginPage } from "./pages/login.js";
import { usePrefs } from "./prefs.js";
import { match, navigate, useRoute } from "./router.js";
import { SessionContext } from "./session.js";

// Every signed-in page is its own chunk: the first page loads only the login form.
const RunnerList = lazy(() => import("./pages/runner-list.js"));
const RunnerRecord = lazy(() => import("./pages/runner-record.js"));
const AssessmentWizard = lazy(() => import("./pages/assessment/wizard.js"));
const Findings = lazy(() => import("./pages/findings.js"));
const ProgrammePage = lazy(() => import("./pages/programme.js"));
const ProgressPage = lazy(() => import("./pages/progress.js"));
const TodayPage = lazy(() => import("./pages/today.js"));
const RunnerHome = lazy(() => import("./pages/runner-home.js"));
const SettingsPage = lazy(() => import("./pages/settings.js"));
const VideoPage = lazy(() => import("./pages/video.js"));
const ImportsPage = lazy(() => import("./pages/imports.js"));

interface SessionReply {
  user: User;
  csrfToken: string | null;
}

export function App() {
  const [session, setSession] = useState<SessionReply | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<SessionReply>("GET", "/api/session").then(
      (reply) => {
        setCsrfToken(reply.csrfToken);
        setSession(reply);
      },
      (e: { status?: number }) => (e.status === 401 ? setSession(null) : setError(e)),
    );
  }, []);
  if (error) return <ErrorBox error={error} retry={() => window.location.reload()} />;
  if (session === undefined) return <Loading what="hipcheck" />;
  if (session === null)
    return (
      <LoginPage
        onSignedIn={(reply) => {
          setCsrfToken(reply.csrfToken);
          setSession(reply);
          // Read once more as a GET, so the offline copy (public/sw.js) knows who is signed in.
          void api("GET", "/api/session").catch(() => undefined);
          if (window.location.pathname.startsWith("/invite/"))
            window.history.replaceState(null, "", "/");
          navigate("/");
        }}
      />
    );
  return (
    <SignedIn
      user={session.user}
      onSignOut={() => {
        setCsrfToken(null);
        setSession(null);
      }}
    />
  );
}

function SignedIn({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const [prefs, setPrefs] = usePrefs(user.id);
  const route = useRoute();
  const isRunner = user.role === "runner";
  const signOut = () => {
    clearQueue();
    clearDrafts();
    navigator.serviceWorker?.controller?.postMessage("clear");
    api("DELETE", "/api/session").finally(onSignOut);
  };
  const [queueNote, setQueueNote] = useState<string | null>(null);
  // Logs kept while offline go out when the app starts and whenever the connection returns.
  useEffect(() => {
    const flush = () =>
      void flushQueue().then(({ sent, refused }) => {
        if (sent || refused.length)
          setQueueNote(
            [
              sent
                ? `${sent} log${sent > 1 ? "s" : ""} saved while offline ${sent > 1 ? "were" : "was"} sent.`
                : "",
              ...refused.map((r) => `A log kept offline was refused: ${r}`),
            ].join(" "),
          );
      });
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, []);
  const page = pageFor(route, user);
  // A page switch moves focus to the new heading, as a screen reader user expects.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of route
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    heading?.focus();
  }, [route]);
  return (
    <SessionContext.Provider value={{ user, prefs, setPrefs, signOut }}>
      <button
        type="button"
        className="skip"
        onClick={() => document.getElementById("main")?.focus()}
      >
        Skip to content
      </button>
      <header className="top">
        <a className="brand" href="#/">
          hipcheck
        </a>
        <nav aria-label="Main">
          {isRunner ? (
            <>
              <a href="#/" aria-current={route === "/" ? "page" : undefined}>
                My record
              </a>
              <a href="#/today" aria-current={route === "/today" ? "page" : undefined}>
                Today
              </a>
              <a href="#/video" aria-current={route === "/video" ? "page" : undefined}>
                Video
              </a>
            </>
          ) : (
            <a href="#/" aria-current={route === "/" ? "page" : undefined}>
              Runners
            </a>
          )}
          <a href="#/settings" aria-current={route === "/settings" ? "page" : undefined}>
            Settings
          </a>
          <button type="button" className="link" onClick={signOut}>
            Log out
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {queueNote && (
          <p className="card" role="status">
            {queueNote}
          </p>
        )}
        <Suspense fallback={<Loading what="the page" />}>{page}</Suspense>
      </main>
    </SessionContext.Provider>
  );
}

/** Pages by route pattern; the first that matches renders. */
const PAGES: [string, (p: Record<string, string>, user: User) => React.ReactNode][] = [
  ["/settings", () => <SettingsPage />],
  ["/today", (_, user) => (user.runnerId ? <TodayPage runnerId={user.runnerId} /> : null)],
  ["/video", (_, user) => (user.runnerId ? <VideoPage runnerId={user.runnerId} /> : null)],
  ["/runners/:runnerId", (p) => <RunnerRecord runnerId={p.runnerId!} />],
  ["/runners/:runnerId/progress", (p) => <ProgressPage runnerId={p.runnerId!} />],
  ["/runners/:runnerId/imports", (p) => <ImportsPage runnerId={p.runnerId!} />],
  ["/assessments/:assessmentId", (p) => <Findings assessmentId={p.assessmentId!} />],
  ["/programmes/:programmeId", (p) => <ProgrammePage programmeId={p.programmeId!} />],
];

function pageFor(route: string, user: User) {
  if (route === "/" || route === "")
    return user.runnerId ? <RunnerHome runnerId={user.runnerId} /> : <RunnerList />;
  const edit = match("/assessments/:assessmentId/edit", route);
  if (edit) return <AssessmentWizard assessmentId={edit.assessmentId!} route={route} />;
  for (const [pattern, render] of PAGES) {
    const params = match(pattern, route);
    const page = params && render(params, user);
    if (page) return page;
  }
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no page at this address. <a href="#/">Go to the start page</a>.
      </p>
    </>
  );
}
