/** Garmin FIT activity files → runs, with the Garmin FIT SDK's decoder (CRC and size checked first). */
import { Decoder, Stream } from "@garmin/fitsdk";
import { InputError } from "../../core/errors.js";
import { type WatchRun, watchRun } from "./watch-run.js";

/** 1989-12-31T00:00:00Z, the FIT epoch, in Unix seconds. */
const FIT_EPOCH_S = 631065600;

const fail = (file: string, message: string): never => {
  throw new InputError([{ path: file, message }], "FIT file");
};

/** Every running session in the file; a truncated or damaged file, or one without a run, is an error. */
export function runsFromFit(bytes: Uint8Array, file: string): WatchRun[] {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) fail(file, "is not a FIT file (no FIT header)");
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity())
    fail(
      file,
      "is truncated or damaged: its length or checksum does not match its header (copy it from the watch again)",
    );
  const { messages, errors } = decoder.read({
    convertDateTimesToDates: true,
    applyScaleAndOffset: true,
  });
  if (errors.length > 0) fail(file, `cannot be decoded: ${errors[0]?.message}`);
  const sessions = messages.sessionMesgs ?? [];
  if (sessions.length === 0) fail(file, "holds no activity session (is it an activity file?)");
  const localOffsetS = localOffset(messages.activityMesgs?.[0]);
  const runs = sessions
    .filter((s) => s.sport === "running")
    .map((s) => {
      const start = s.startTime instanceof Date ? s.startTime : undefined;
      const seconds = s.totalTimerTime ?? s.totalElapsedTime;
      const metres = s.totalDistance;
      if (!start || !seconds || !metres)
        return fail(file, "a running session lacks its start time, duration or distance");
      const cadence = s.avgRunningCadence ?? s.avgCadence;
      return watchRun({
        file,
        startTime: start.toISOString(),
        date: new Date(start.getTime() + localOffsetS * 1000).toISOString().slice(0, 10),
        durationMin: seconds / 60,
        distanceKm: metres / 1000,
        // FIT counts running cadence in strides (one foot) a minute.
        ...(cadence ? { cadenceSpm: 2 * (cadence + (s.avgFractionalCadence ?? 0)) } : {}),
        ...(s.avgHeartRate ? { heartRateBpm: s.avgHeartRate } : {}),
      });
    });
  if (runs.length === 0)
    fail(
      file,
      `holds no running session (found ${[...new Set(sessions.map((s) => s.sport ?? "unknown"))].join(", ")})`,
    );
  return runs;
}

/** Local time minus UTC, seconds, from the activity message; 0 when the file does not say. */
function localOffset(
  activity: { timestamp?: unknown; localTimestamp?: unknown } | undefined,
): number {
  const utc = activity?.timestamp instanceof Date ? activity.timestamp.getTime() / 1000 : undefined;
  const raw = activity?.localTimestamp;
  // A FIT local time counts seconds from 1989-12-31 00:00 in the watch's own time zone.
  const local =
    raw instanceof Date
      ? raw.getTime() / 1000
      : typeof raw === "number"
        ? raw + FIT_EPOCH_S
        : undefined;
  return utc !== undefined && local !== undefined ? local - utc : 0;
}
