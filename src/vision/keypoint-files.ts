/**
 * Reading keypoints made by other tools (or by hipcheck earlier) from disk: an OpenPose
 * folder of per-frame JSON files, a COCO-17 JSON file, or a hipcheck keypoint file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { FileError, fileProblem, InputError } from "../core/errors.js";
import { importCocoKeypoints } from "../core/movement/coco.import.js";
import {
  HIPCHECK_KEYPOINTS_FORMAT,
  importHipcheckKeypoints,
} from "../core/movement/keypoints.schema.js";
import type { CameraView, KeypointSeries } from "../core/movement/keypoints.types.js";
import { importOpenPose } from "../core/movement/openpose.import.js";

export type InputKind = "video" | "openpose" | "keypoints";

/** What INPUT is: a folder (OpenPose), a .json file (keypoints) or anything else (a video). */
export function inputKind(path: string): InputKind {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new FileError(`${path} cannot be read (${fileProblem(error)})`);
  }
  if (!stat) throw new InputError([{ path: "", message: `${path} does not exist` }], "input");
  if (stat.isDirectory()) return "openpose";
  return extname(path).toLowerCase() === ".json" ? "keypoints" : "video";
}

/** Frame number in an OpenPose file name such as `run_000000000042_keypoints.json`. */
function frameNumber(name: string): number {
  const digits = basename(name).match(/(\d+)(?!.*\d)/);
  return digits ? Number(digits[1]) : Number.NaN;
}

/** How OpenPose names its per-frame output: `<name>_000000000042_keypoints.json`. */
const OPENPOSE_FRAME = /_keypoints\.json$/i;

/** An OpenPose folder read: the series, and the other files it held (ignored). */
export interface OpenPoseFolder {
  series: KeypointSeries;
  ignored: string[];
}

/**
 * Reads an OpenPose output folder in frame order: its `*_keypoints.json` files are the frames;
 * anything else in the folder is ignored and listed. `fps` is required (OpenPose does not record
 * it). A frame file that cannot be read is named in the error.
 */
export function readOpenPoseFolder(
  folder: string,
  options: { fps?: number; width?: number; height?: number; view?: CameraView },
): OpenPoseFolder {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    throw new FileError(`the OpenPose folder ${folder} cannot be read (${fileProblem(error)})`);
  }
  const files = names
    .filter((name) => OPENPOSE_FRAME.test(name))
    .sort((a, b) => frameNumber(a) - frameNumber(b) || a.localeCompare(b));
  const ignored = names.filter((name) => !OPENPOSE_FRAME.test(name));
  if (files.length === 0) {
    throw new InputError(
      [
        {
          path: "",
          message: `${folder} holds no OpenPose *_keypoints.json files${ignored.length > 0 ? ` (it holds ${ignored.slice(0, 5).join(", ")}${ignored.length > 5 ? ", …" : ""})` : ""}`,
        },
      ],
      "OpenPose folder",
    );
  }
  const frames = files.map((name) => parseJson(join(folder, name)));
  return { series: importOpenPose(frames, options, files), ignored };
}

/** Reads a hipcheck or COCO keypoint file; COCO needs `fps`. */
export function readKeypointFile(
  path: string,
  options: { fps?: number; width?: number; height?: number; view?: CameraView },
): KeypointSeries {
  const data = parseJson(path);
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    if (record.format === HIPCHECK_KEYPOINTS_FORMAT) {
      const series = importHipcheckKeypoints(data);
      if (options.fps && options.fps !== series.fps) {
        // A rate given overrides the file's (slow motion): the frames' times follow it.
        const stretch = series.fps / options.fps;
        series.t = series.t.map((t) => t * stretch);
        series.fps = options.fps;
      }
      if (options.view) series.view = options.view;
      return series;
    }
    if ("people" in record) {
      throw new InputError(
        [
          {
            path: "",
            message: "this is a single OpenPose frame: give the folder holding all the frame files",
          },
        ],
        path,
      );
    }
  }
  return importCocoKeypoints(data, options);
}

function parseJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new FileError(`${path} cannot be read (${fileProblem(error)})`);
  }
  try {
    // A byte-order mark from an editor is not part of the JSON.
    return JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    throw new InputError(
      [
        {
          path: "",
          message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
      path,
    );
  }
}
