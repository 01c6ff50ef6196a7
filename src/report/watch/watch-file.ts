/** A watch file told by its content, not its name: Garmin FIT by its header, GPX by its root element. */
import { Decoder, Stream } from "@garmin/fitsdk";
import { runsFromFit } from "./fit-runs.js";
import { runsFromGpx } from "./gpx-runs.js";
import type { WatchRun } from "./watch-run.js";

export type WatchFileKind = "fit" | "gpx";

/** How far into a file the GPX root element may start (after the XML declaration and comments). */
const GPX_HEAD_BYTES = 4096;

/** "fit", "gpx", or undefined for a file that is neither, whatever its name says. */
export function watchFileKind(bytes: Uint8Array): WatchFileKind | undefined {
  if (Decoder.isFIT(Stream.fromByteArray(bytes))) return "fit";
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, GPX_HEAD_BYTES))
    .replace(/^\uFEFF/, "")
    .trimStart();
  return head.startsWith("<") && /<([\w-]+:)?gpx[\s>]/.test(head) ? "gpx" : undefined;
}

/** The runs of a FIT or GPX file of the given kind; InputError naming the file when it cannot be read. */
export function runsFromWatchFile(
  bytes: Uint8Array,
  kind: WatchFileKind,
  file: string,
): WatchRun[] {
  return kind === "fit"
    ? runsFromFit(bytes, file)
    : runsFromGpx(new TextDecoder("utf-8").decode(bytes), file);
}
