/**
 * GPX tracks → runs: distance along the track points (haversine), duration from the first to
 * the last time, heart rate and cadence from Garmin's TrackPointExtension where present.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { InputError } from "../../core/errors.js";
import { type WatchRun, watchRun } from "./watch-run.js";

/** Mean Earth radius, m (IUGG). */
const EARTH_RADIUS_M = 6_371_008.8;

interface Point {
  lat: number;
  lon: number;
  time?: number;
  hr?: number;
  cad?: number;
}

const fail = (file: string, message: string): never => {
  throw new InputError([{ path: file, message }], "GPX file");
};

/** One run per track; a file with no track, or a track without times, is an error. */
export function runsFromGpx(text: string, file: string): WatchRun[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(file, `is not valid XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    isArray: (name) => ["trk", "trkseg", "trkpt"].includes(name),
  });
  const doc = parser.parse(text) as {
    gpx?: { trk?: { name?: string; trkseg?: { trkpt?: unknown[] }[] }[] };
  };
  if (!doc.gpx) fail(file, "is not a GPX file (no <gpx> element)");
  const tracks = doc.gpx?.trk ?? [];
  if (tracks.length === 0)
    fail(file, "has no track (<trk>): export the activity as a track, not a route or waypoints");
  return tracks.map((track, t) => {
    const points = (track.trkseg ?? []).flatMap((seg) => (seg.trkpt ?? []).map(toPoint));
    if (points.length < 2)
      return fail(
        file,
        `track ${t + 1} has ${points.length} point${points.length === 1 ? "" : "s"}; a run needs at least 2`,
      );
    const timed = points.filter((p) => p.time !== undefined);
    const first = timed[0]?.time;
    const last = timed.at(-1)?.time;
    if (first === undefined || last === undefined || last <= first)
      return fail(file, `track ${t + 1} has no times on its points: the duration cannot be known`);
    let metres = 0;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b) metres += haversine(a, b);
    }
    const mean = (values: number[]) =>
      values.length ? values.reduce((s, v) => s + v, 0) / values.length : undefined;
    const hr = mean(points.flatMap((p) => (p.hr ? [p.hr] : [])));
    // TrackPointExtension cadence counts one foot: steps a minute are twice it.
    const cad = mean(points.flatMap((p) => (p.cad ? [p.cad] : [])));
    const start = new Date(first);
    return watchRun({
      file,
      startTime: start.toISOString(),
      date: start.toISOString().slice(0, 10),
      durationMin: (last - first) / 60_000,
      distanceKm: metres / 1000,
      ...(cad === undefined ? {} : { cadenceSpm: 2 * cad }),
      ...(hr === undefined ? {} : { heartRateBpm: hr }),
    });
  });
}

function toPoint(raw: unknown): Point {
  const p = raw as {
    "@lat"?: string;
    "@lon"?: string;
    time?: string;
    extensions?: { TrackPointExtension?: { hr?: number; cad?: number } };
  };
  const time = p.time ? Date.parse(String(p.time)) : Number.NaN;
  const ext = p.extensions?.TrackPointExtension;
  return {
    lat: Number(p["@lat"]),
    lon: Number(p["@lon"]),
    ...(Number.isFinite(time) ? { time } : {}),
    ...(ext?.hr ? { hr: Number(ext.hr) } : {}),
    ...(ext?.cad ? { cad: Number(ext.cad) } : {}),
  };
}

/** Great-circle distance, m. */
function haversine(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}
