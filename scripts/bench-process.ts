/**
 * Measuring a process tree from /proc (Linux): resident memory, and CPU time used so far, of a
 * process and all its descendants (the analysing Node process and its ffmpeg).
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

function children(pid: number): number[] {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    for (const child of text.split(/\s+/).filter(Boolean)) out.push(Number(child));
  }
  return out;
}

/** Resident memory of a process and its descendants, MB (0 once it has ended). */
export function treeMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    let total = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
    for (const child of children(pid)) total += treeMb(child);
    return total;
  } catch {
    // The process has ended, or this is not Linux.
    return 0;
  }
}

/** CPU seconds (user + system) used so far by each process of the tree, by pid. */
export function treeCpu(pid: number, into = new Map<number, number>()): Map<number, number> {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    into.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S);
    for (const child of children(pid)) treeCpu(child, into);
  } catch {
    // Ended between two reads.
  }
  return into;
}

/**
 * Samples a process tree every `everyMs` until stopped: peak memory, and CPU seconds per
 * process as last seen (a process's final tenth of a second may be missed).
 */
export function sampleTree(pid: number, everyMs = 50) {
  let peakMb = treeMb(pid);
  const cpu = new Map<number, number>();
  const sample = () => {
    peakMb = Math.max(peakMb, treeMb(pid));
    for (const [p, s] of treeCpu(pid)) cpu.set(p, Math.max(cpu.get(p) ?? 0, s));
  };
  const timer = setInterval(sample, everyMs);
  return {
    /** Stops sampling; CPU of `pid` itself and of its descendants, seconds. */
    stop(): { peakMb: number; ownCpuS: number; childrenCpuS: number } {
      clearInterval(timer);
      let childrenCpuS = 0;
      for (const [p, s] of cpu) if (p !== pid) childrenCpuS += s;
      return { peakMb, ownCpuS: cpu.get(pid) ?? 0, childrenCpuS };
    },
  };
}
