import { ApiError, api } from "./api.js";

/**
 * Writes made while offline (a run or a session logged at the gym), kept on this device and
 * sent, in order, when the connection is back. Only logs are queued: they carry their own date.
 */
interface Queued {
  method: "POST";
  url: string;
  body: unknown;
}

const KEY = "hipcheck.queue";

function read(): Queued[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as Queued[];
  } catch {
    return [];
  }
}

export function queuedCount(): number {
  return read().length;
}

/** Sends the write, or keeps it for later when the server cannot be reached. */
export async function postOrQueue(url: string, body: unknown): Promise<"sent" | "queued"> {
  try {
    await api("POST", url, body);
    return "sent";
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 0) throw error;
    localStorage.setItem(KEY, JSON.stringify([...read(), { method: "POST", url, body }]));
    return "queued";
  }
}

/**
 * Sends what was queued, oldest first; stops at the first that cannot be sent yet. One the
 * server refuses is taken off the queue and its reason returned, to be shown to the runner.
 */
export async function flushQueue(): Promise<{ sent: number; refused: string[] }> {
  let sent = 0;
  const refused: string[] = [];
  for (const item of read()) {
    try {
      await api(item.method, item.url, item.body);
      sent++;
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) break;
      refused.push(error instanceof Error ? error.message : String(error));
    }
    localStorage.setItem(KEY, JSON.stringify(read().slice(1)));
  }
  return { sent, refused };
}

export function clearQueue(): void {
  localStorage.removeItem(KEY);
}
