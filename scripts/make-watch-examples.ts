/**
 * Writes the bundled watch examples: a Garmin FIT activity (with the FIT SDK's encoder) and a GPX
 * track with heart rate and cadence. Both are synthetic, made here: an easy 40-minute run and a
 * 30-minute run. Run with `npm run examples:watch`; the files are committed under examples/.
 */
import { writeFileSync } from "node:fs";
import { Encoder, type Mesg, Profile } from "@garmin/fitsdk";

const FIT_EPOCH_S = 631065600;

/** A message number from the SDK's profile (typed as possibly missing). */
function mesgNum(name: "FILE_ID" | "RECORD" | "LAP" | "SESSION" | "ACTIVITY"): number {
  const num = Profile.MesgNum[name];
  if (num === undefined) throw new Error(`the FIT profile has no ${name} message`);
  return num;
}

/**
 * Writes one message. Field values are given as the decoder returns them (enum values by name,
 * e.g. sport "running"), which the SDK's declared number types do not express.
 */
function put(
  encoder: Encoder,
  name: Parameters<typeof mesgNum>[0],
  mesg: Record<string, unknown>,
): void {
  encoder.onMesg(mesgNum(name), mesg as Mesg);
}

function fitExample(): Uint8Array {
  const start = new Date("2026-11-14T07:00:00Z"); // 08:00 in the runner's time zone (UTC+1)
  const seconds = 40 * 60;
  const speed = 2.2; // m/s: 5.28 km in 40 min, about 7:35 per km
  const encoder = new Encoder();
  put(encoder, "FILE_ID", {
    type: "activity",
    manufacturer: "development",
    product: 1,
    serialNumber: 1,
    timeCreated: start,
  });
  for (let t = 0; t <= seconds; t += 10) {
    put(encoder, "RECORD", {
      timestamp: new Date(start.getTime() + t * 1000),
      distance: speed * t,
      speed,
      heartRate: 140 + Math.round(8 * Math.sin(t / 300)),
      cadence: 77,
    });
  }
  const end = new Date(start.getTime() + seconds * 1000);
  const totals = {
    totalElapsedTime: seconds,
    totalTimerTime: seconds,
    totalDistance: speed * seconds,
  };
  put(encoder, "LAP", {
    messageIndex: 0,
    timestamp: end,
    startTime: start,
    ...totals,
    event: "lap",
    eventType: "stop",
    sport: "running",
  });
  put(encoder, "SESSION", {
    messageIndex: 0,
    timestamp: end,
    startTime: start,
    ...totals,
    sport: "running",
    subSport: "generic",
    avgHeartRate: 143,
    avgCadence: 77,
    avgFractionalCadence: 0,
    firstLapIndex: 0,
    numLaps: 1,
    event: "session",
    eventType: "stop",
  });
  put(encoder, "ACTIVITY", {
    timestamp: end,
    localTimestamp: end.getTime() / 1000 - FIT_EPOCH_S + 3600,
    numSessions: 1,
    type: "manual",
    event: "activity",
    eventType: "stop",
    totalTimerTime: seconds,
  });
  return encoder.close();
}

function gpxExample(): string {
  const start = Date.parse("2026-11-17T17:30:00Z");
  const lat = 51.5;
  const metresPerDegreeLon = (Math.PI / 180) * 6_371_008.8 * Math.cos((lat * Math.PI) / 180);
  const points: string[] = [];
  for (let t = 0; t <= 30 * 60; t += 30) {
    const lon = -0.12 + (2.6 * t) / metresPerDegreeLon; // 2.6 m/s due east
    points.push(
      `      <trkpt lat="${lat.toFixed(6)}" lon="${lon.toFixed(7)}"><ele>12.0</ele><time>${new Date(start + t * 1000).toISOString().replace(".000", "")}</time>` +
        `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${150 + (t % 90 === 0 ? 2 : 0)}</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="hipcheck example" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <trk>
    <name>Evening run</name>
    <type>running</type>
    <trkseg>
${points.join("\n")}
    </trkseg>
  </trk>
</gpx>
`;
}

writeFileSync("examples/run-2026-11-14.fit", fitExample());
writeFileSync("examples/run-2026-11-17.gpx", gpxExample());
process.stdout.write("wrote examples/run-2026-11-14.fit and examples/run-2026-11-17.gpx\n");
