import { type FormEvent, useState } from "react";
import { addDays } from "../../core/calendar-date.js";
import type { PlannedSession, Prescription } from "../../core/program/programme.types.js";
import { api, type Page } from "../api.js";
import { ExerciseCard } from "../components/exercise-card.js";
import {
  type QuestionnaireTrend,
  QuestionnaireTrends,
} from "../components/questionnaire-trends.js";
import { runIntervals, setIntervals, Timer } from "../components/timer.js";
import { Check, Empty, ErrorBox, NumberField, Show, useLoad } from "../components/ui.js";
import { postOrQueue } from "../offline-queue.js";
import { localToday, showDate } from "../prefs.js";
import { useSession } from "../session.js";
import type { LogRow } from "../types.js";
import { NextDecision } from "./next-decision.js";

interface TodayReply {
  today: string;
  seeAProfessional: string | null;
  programmeId: string | null;
  sessionsDue: PlannedSession[];
  nextRun: PlannedSession | null;
  questionnaires: QuestionnaireTrend[];
}

async function load(runnerId: string) {
  const today = localToday();
  const [day, logs] = await Promise.all([
    api<TodayReply>("GET", `/api/runners/${runnerId}/today?on=${today}`),
    api<Page<LogRow>>("GET", `/api/runners/${runnerId}/logs?limit=20`),
  ]);
  return { day, logs: logs.items };
}

/** The runner's day: what is due, a timer for timed work, sets to tick off, a run to log. */
export default function TodayPage({ runnerId }: { runnerId: string }) {
  const [loaded, reload] = useLoad(() => load(runnerId), [runnerId]);
  return (
    <Show loaded={loaded} what="today's plan" retry={reload}>
      {({ day, logs }) => <Today runnerId={runnerId} day={day} logs={logs} reload={reload} />}
    </Show>
  );
}

function Today({
  runnerId,
  day,
  logs,
  reload,
}: {
  runnerId: string;
  day: TodayReply;
  logs: LogRow[];
  reload: () => void;
}) {
  const yesterday = addDays(day.today, -1);
  const ranYesterday = logs.some(
    (l) => l.kind === "run" && String(l.loggedOn).slice(0, 10) === yesterday,
  );
  const loggedToday = new Set(
    logs.filter((l) => String(l.loggedOn).slice(0, 10) === day.today).map((l) => l.kind),
  );
  return (
    <>
      <h1 tabIndex={-1}>Today, {showDate(day.today, "long")}</h1>
      {day.seeAProfessional && (
        <p className="referral" role="alert">
          {day.seeAProfessional}
        </p>
      )}
      {ranYesterday && <MorningPain runnerId={runnerId} today={day.today} />}
      {day.programmeId && <NextDecision programmeId={day.programmeId} />}
      {day.sessionsDue.length === 0 && (
        <Empty>
          {day.programmeId
            ? "A rest day: nothing planned today."
            : "No plan yet: do the self-tests on your record page first."}
          {day.nextRun &&
            ` Next run: ${showDate(day.nextRun.date)}, ${day.nextRun.run?.label ?? ""}.`}
        </Empty>
      )}
      {day.sessionsDue.map((s) =>
        s.kind === "run" ? (
          <RunSession
            key={`run-${s.date}`}
            runnerId={runnerId}
            session={s}
            done={loggedToday.has("run")}
            onLogged={reload}
          />
        ) : (
          <StrengthSession
            key={`strength-${s.date}`}
            runnerId={runnerId}
            session={s}
            done={loggedToday.has("strength")}
            onLogged={reload}
          />
        ),
      )}
      {!day.sessionsDue.some((s) => s.kind === "run") && (
        <RunSession runnerId={runnerId} done={loggedToday.has("run")} onLogged={reload} />
      )}
      {day.questionnaires.length > 0 && (
        <section className="card" aria-labelledby="scores-h">
          <h2 id="scores-h">Your questionnaire scores</h2>
          <QuestionnaireTrends trends={day.questionnaires} />
        </section>
      )}
      {day.programmeId && (
        <p>
          <a href={`#/programmes/${day.programmeId}`}>The whole plan as a calendar</a> ·{" "}
          <a href={`#/runners/${runnerId}/progress`}>Progress</a>
        </p>
      )}
    </>
  );
}

function MorningPain({ runnerId, today }: { runnerId: string; today: string }) {
  const [pain, setPain] = useState<number | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (saved) return <p role="status">Thank you: this morning's pain is logged.</p>;
  return (
    <form
      className="card reminder"
      onSubmit={(e) => {
        e.preventDefault();
        api("POST", `/api/runners/${runnerId}/pain`, {
          date: today,
          pain,
          context: "morning",
        }).then(() => setSaved(true), setError);
      }}
    >
      <h2>You ran yesterday: how is the knee this morning?</h2>
      <NumberField
        label="Knee pain this morning (0–10)"
        value={pain}
        onChange={setPain}
        min={0}
        max={10}
      />
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" disabled={pain === undefined}>
        Log morning pain
      </button>
    </form>
  );
}

function RunSession({
  runnerId,
  session,
  done,
  onLogged,
}: {
  runnerId: string;
  session?: PlannedSession;
  done: boolean;
  onLogged: () => void;
}) {
  const { prefs } = useSession();
  const level = session?.run?.level;
  const [minutes, setMinutes] = useState<number | undefined>(session?.run?.minutes);
  const [distance, setDistance] = useState<number | undefined>(undefined);
  const [during, setDuring] = useState<number | undefined>(undefined);
  const [after, setAfter] = useState<number | undefined>(undefined);
  const [swelling, setSwelling] = useState(false);
  const [limp, setLimp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<"sent" | "queued" | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const how = await postOrQueue(`/api/runners/${runnerId}/logs`, {
        entry: {
          date: localToday(),
          type: "run",
          run: {
            ...(level ? { level: level.level } : {}),
            ...(minutes ? { durationMin: minutes } : {}),
            ...(distance ? { distance, distanceUnit: prefs.distance } : {}),
            painDuring: during,
            ...(after !== undefined ? { painAfter: after } : {}),
            swelling,
            limp,
          },
        },
      });
      setSaved(how);
      if (how === "sent") onLogged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="run-h">
      <h2 id="run-h">{session?.run ? `Run: ${session.run.label}` : "Log a run"}</h2>
      {level && <Timer title={level.label} intervals={runIntervals(level)} />}
      {saved === "queued" ? (
        <p role="status">Saved on this phone: the run will be sent when you are back online.</p>
      ) : done || saved ? (
        <p role="status">
          Run logged for today. Tomorrow morning you will be asked how the knee feels.
        </p>
      ) : (
        <form onSubmit={submit}>
          <div className="row">
            <NumberField label="Minutes, walking included" value={minutes} onChange={setMinutes} />
            <NumberField
              label={`Distance (${prefs.distance})`}
              value={distance}
              onChange={setDistance}
            />
          </div>
          <div className="row">
            <NumberField
              label="Knee pain during the run (0–10)"
              value={during}
              onChange={setDuring}
              min={0}
              max={10}
            />
            <NumberField
              label="Knee pain after the run (0–10)"
              value={after}
              onChange={setAfter}
              min={0}
              max={10}
            />
          </div>
          <Check label="The knee swelled" checked={swelling} onChange={setSwelling} />
          <Check label="I limped" checked={limp} onChange={setLimp} />
          {error !== null && <ErrorBox error={error} />}
          <button type="submit" className="primary" disabled={during === undefined}>
            Log the run
          </button>
        </form>
      )}
    </section>
  );
}

interface SetState {
  done: boolean[];
  effort?: number;
  pain?: number;
}

function StrengthSession({
  runnerId,
  session,
  done,
  onLogged,
}: {
  runnerId: string;
  session: PlannedSession;
  done: boolean;
  onLogged: () => void;
}) {
  const list: Prescription[] = [...session.activation, ...session.strength];
  const [state, setState] = useState<Record<string, SetState>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<"sent" | "queued" | null>(null);
  const of = (p: Prescription): SetState =>
    state[p.exercise] ?? { done: Array(p.sets).fill(false) };
  const set = (p: Prescription, next: SetState) => setState({ ...state, [p.exercise]: next });
  const save = async () => {
    setError(null);
    const exercises = list.flatMap((p) => {
      const s = of(p);
      const sets = s.done.filter(Boolean).length;
      if (sets === 0) return [];
      return [
        {
          exercise: p.exercise,
          sets,
          ...(p.reps ? { reps: p.reps[1] } : {}),
          ...(p.seconds ? { durationSec: p.seconds[1] } : {}),
          effort: s.effort ?? 5,
          pain: s.pain ?? 0,
        },
      ];
    });
    try {
      const how = await postOrQueue(`/api/runners/${runnerId}/logs`, {
        entry: { date: localToday(), type: "strength", exercises },
      });
      setSaved(how);
      if (how === "sent") onLogged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="strength-h">
      <h2 id="strength-h">Strength session</h2>
      <div className="cards">
        {list.map((p) => {
          const s = of(p);
          return (
            <ExerciseCard key={p.exercise} p={p}>
              {p.seconds && <Timer title={p.name} intervals={setIntervals(p.sets, p.seconds[1])} />}
              <fieldset className="checks">
                <legend>Sets done: {p.name}</legend>
                {s.done.map((d, i) => (
                  <Check
                    // biome-ignore lint/suspicious/noArrayIndexKey: sets are numbered slots
                    key={i}
                    label={`Set ${i + 1}`}
                    checked={d}
                    onChange={(c) =>
                      set(p, { ...s, done: s.done.map((x, k) => (k === i ? c : x)) })
                    }
                  />
                ))}
              </fieldset>
              <div className="row">
                <NumberField
                  label={`Effort, ${p.name} (0–10)`}
                  value={s.effort}
                  onChange={(effort) => set(p, { ...s, effort })}
                  min={0}
                  max={10}
                />
                <NumberField
                  label={`Pain, ${p.name} (0–10)`}
                  value={s.pain}
                  onChange={(pain) => set(p, { ...s, pain })}
                  min={0}
                  max={10}
                />
              </div>
            </ExerciseCard>
          );
        })}
      </div>
      {error !== null && <ErrorBox error={error} />}
      {saved === "queued" ? (
        <p role="status">Saved on this phone: the session will be sent when you are back online.</p>
      ) : done || saved ? (
        <p role="status">Strength session logged for today.</p>
      ) : (
        <button type="button" className="primary" onClick={save}>
          Log the strength session
        </button>
      )}
    </section>
  );
}
