import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UploadRejected } from "../errors.js";

/** Containers a phone or camera records, told by their first bytes (not by the file name). */
export function videoContainer(head: Buffer): "mp4" | "webm" | "avi" | undefined {
  if (head.length >= 12 && head.toString("latin1", 4, 8) === "ftyp") return "mp4";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return "webm";
  if (
    head.length >= 12 &&
    head.toString("latin1", 0, 4) === "RIFF" &&
    head.toString("latin1", 8, 12) === "AVI "
  )
    return "avi";
  return undefined;
}

/**
 * Streams an upload to `dir/video.<ext>`, checking its first bytes; a file that is not a video
 * or that passes the size limit (the stream is cut: `truncated`) is deleted and refused.
 */
export async function saveVideo(
  stream: Readable & { truncated?: boolean },
  dir: string,
  limitBytes: number,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const partial = join(dir, "upload.part");
  let head = Buffer.alloc(0);
  stream.on("data", (chunk: Buffer) => {
    if (head.length < 16) head = Buffer.concat([head, chunk]).subarray(0, 16);
  });
  await pipeline(stream, createWriteStream(partial));
  const container = videoContainer(head);
  if (stream.truncated) {
    await rm(dir, { recursive: true, force: true });
    throw new UploadRejected(
      "too-large",
      `the video is larger than the limit of ${Math.round(limitBytes / 1048576)} MB`,
    );
  }
  if (!container) {
    await rm(dir, { recursive: true, force: true });
    throw new UploadRejected(
      "not-a-video",
      "the file is not a video (MP4, MOV, WebM, MKV or AVI), whatever its name",
    );
  }
  const path = join(dir, `video.${container}`);
  await rename(partial, path);
  return path;
}
