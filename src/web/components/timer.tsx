import { useEffect, useRef, useState } from "react";

export interface Interval {
  label: string;
  seconds: number;
}

/** A short beep and a buzz at each change, and the change said aloud to screen readers. */
function signal(): void {
  try {
    const AudioCtx = window.AudioContext;
    const ctx = new AudioCtx();
    const osc = ctx.createOscillator();
    osc.frequency.value = 880;
    osc.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.25);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio on this device: the announcement and the screen still change.
  }
  navigator.vibrate?.(200);
}

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;

/**
 * A timer for timed work: band walks, holds, walk/run intervals. Counts from the clock, not from
 * ticks, so a busy phone does not make it drift; signals at each change.
 */
export function Timer({ title, intervals }: { title: string; intervals: Interval[] }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const lastIndex = useRef(-1);
  const total = intervals.reduce((sum, i) => sum + i.seconds, 0);
  const running = startedAt !== null && pausedAt === null;

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(id);
  }, [running]);

  const elapsed = startedAt === null ? 0 : Math.min(total, ((pausedAt ?? now) - startedAt) / 1000);
  let index = 0;
  let left = elapsed;
  while (index < intervals.length - 1 && left >= intervals[index]!.seconds) {
    left -= intervals[index]!.seconds;
    index++;
  }
  const done = startedAt !== null && elapsed >= total;
  const current = intervals[index]!;
  const remaining = done ? 0 : current.seconds - left;

  useEffect(() => {
    if (startedAt === null) {
      lastIndex.current = -1;
      return;
    }
    const key = done ? intervals.length : index;
    if (key !== lastIndex.current) {
      if (lastIndex.current !== -1) signal();
      lastIndex.current = key;
    }
  }, [index, done, startedAt, intervals.length]);

  const start = () => {
    if (pausedAt !== null && startedAt !== null) {
      setStartedAt(startedAt + (Date.now() - pausedAt));
      setPausedAt(null);
    } else {
      setStartedAt(Date.now());
      setNow(Date.now());
    }
  };
  return (
    <section className="timer card" aria-label={`Timer: ${title}`}>
      <p className="timer-phase" aria-live="assertive" data-testid="timer-phase">
        {done
          ? "Done"
          : startedAt === null
            ? `Ready: ${current.label}`
            : `${current.label} (${index + 1} of ${intervals.length})`}
      </p>
      <p className="timer-clock" role="timer" aria-live="off" data-testid="timer-clock">
        {mmss(Math.ceil(remaining))}
      </p>
      <div className="actions">
        {!running && !done && (
          <button type="button" className="primary" onClick={start}>
            {pausedAt !== null ? "Resume" : "Start"} timer
          </button>
        )}
        {running && (
          <button type="button" onClick={() => setPausedAt(Date.now())}>
            Pause
          </button>
        )}
        {startedAt !== null && (
          <button
            type="button"
            onClick={() => {
              setStartedAt(null);
              setPausedAt(null);
            }}
          >
            Reset
          </button>
        )}
      </div>
    </section>
  );
}

/** Walk/run intervals of a run level as timer steps. */
export function runIntervals(level: {
  intervals: { walkMin: number; runMin: number; repeats: number };
}): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < level.intervals.repeats; i++) {
    if (level.intervals.walkMin > 0)
      out.push({ label: "Walk", seconds: level.intervals.walkMin * 60 });
    if (level.intervals.runMin > 0)
      out.push({ label: "Run", seconds: level.intervals.runMin * 60 });
  }
  return out;
}

/** Sets of a timed exercise with a rest between: "Work, set 1", "Rest", … */
export function setIntervals(sets: number, seconds: number, restSeconds = 30): Interval[] {
  const out: Interval[] = [];
  for (let i = 1; i <= sets; i++) {
    out.push({ label: `Work, set ${i}`, seconds });
    if (i < sets) out.push({ label: "Rest", seconds: restSeconds });
  }
  return out;
}
