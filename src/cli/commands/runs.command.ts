/** `hipcheck import-runs FILE.fit|FILE.gpx …`: runs from watches → training runs and cadence evidence. */
import { extname } from "node:path";
import type { Command } from "commander";
import { stringify as toYaml } from "yaml";
import { assessmentSchema } from "../../core/assessment/assessment.schema.js";
import { FileError, parseWith } from "../../core/errors.js";
import { KM_PER_MILE } from "../../core/units.js";
import { runsFromFit } from "../../report/watch/fit-runs.js";
import { runsFromGpx } from "../../report/watch/gpx-runs.js";
import { trainingRuns, type WatchRun, watchCadenceEvidence } from "../../report/watch/watch-run.js";
import { printJson, printStatus, printText, processStreams } from "../output.js";
import { readBinaryFile, readDataFile } from "../read-input.js";

export function registerRuns(program: Command): void {
  program
    .command("import-runs")
    .description(
      "Read runs from Garmin FIT or GPX files: date, duration, distance, pace, cadence, heart rate.",
    )
    .argument("<files...>", ".fit or .gpx files")
    .option(
      "--into <assessment>",
      "add the runs and the cadence evidence to this assessment file and print it whole",
    )
    .option("--yaml", "print YAML instead of JSON")
    .action(async (files: string[], options: { into?: string; yaml?: boolean }) => {
      // Every file is read before anything is printed: one bad file imports nothing.
      const runs = (await Promise.all(files.map(readRuns))).flat();
      const movement = watchCadenceEvidence(runs);
      const output = options.into
        ? await mergeInto(options.into, runs, movement)
        : {
            training: { distanceUnit: "km", runs: trainingRuns(runs) },
            ...(movement.length ? { movement } : {}),
          };
      if (options.yaml) printText(processStreams, toYaml(output));
      else printJson(processStreams, output);
      for (const run of runs) printStatus(processStreams, describe(run));
    });
}

async function readRuns(file: string): Promise<WatchRun[]> {
  const ext = extname(file).toLowerCase();
  if (ext !== ".fit" && ext !== ".gpx")
    throw new FileError(`${file}: expected a .fit or .gpx file`);
  const bytes = await readBinaryFile(file);
  return ext === ".fit" ? runsFromFit(bytes, file) : runsFromGpx(bytes.toString("utf8"), file);
}

/** The assessment with the runs added to `training.runs` (in its own distance unit) and the evidence to `movement`. */
async function mergeInto(
  path: string,
  runs: readonly WatchRun[],
  movement: unknown[],
): Promise<Record<string, unknown>> {
  const raw = (await readDataFile(path)) as Record<string, unknown>;
  const training = { ...((raw.training as Record<string, unknown> | undefined) ?? {}) };
  const perKm = training.distanceUnit === "mi" ? 1 / KM_PER_MILE : 1;
  const added = trainingRuns(runs).map((r) => ({
    ...r,
    distance: Math.round(Number(r.distance) * perKm * 1000) / 1000,
  }));
  const merged = {
    ...raw,
    training: { ...training, runs: [...((training.runs as unknown[]) ?? []), ...added] },
    ...(movement.length ? { movement: [...((raw.movement as unknown[]) ?? []), ...movement] } : {}),
  };
  parseWith(assessmentSchema, merged, `assessment ${path} with the runs added`);
  return merged;
}

function describe(run: WatchRun): string {
  const clock = (minutes: number) =>
    `${Math.floor(minutes)}:${String(Math.round((minutes % 1) * 60)).padStart(2, "0")}`;
  return [
    `${run.date} ${run.file}:`,
    `${run.distanceKm} km in ${clock(run.durationMin)}`,
    `(${clock(run.paceMinPerKm)} per km)`,
    run.cadenceSpm === undefined ? "" : `${run.cadenceSpm} steps/min`,
    run.heartRateBpm === undefined ? "" : `${run.heartRateBpm} bpm`,
  ]
    .filter(Boolean)
    .join(" ");
}
