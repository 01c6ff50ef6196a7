import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cropResize, cropResizeYuv } from "./crop.js";
import {
  decodeFrames,
  decodeSize,
  findFfmpeg,
  frameBytes,
  parseProbe,
  probeVideo,
  VideoError,
} from "./ffmpeg.js";
import { writeRunnerVideo } from "./test-support/render-runner.js";

const PHONE_PORTRAIT = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'run.mov':
  Duration: 00:00:12.48, start: 0.000000, bitrate: 17128 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1920x1080, 17000 kb/s, 59.94 fps, 59.94 tbr, 600 tbn, 1200 tbc (default)
    Metadata:
      rotate          : 90
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 96 kb/s (default)`;

describe("reading ffmpeg's description of a clip", () => {
  it("reads size, frame rate, length and a phone's rotation", () => {
    expect(parseProbe(PHONE_PORTRAIT)).toEqual({
      width: 1080,
      height: 1920,
      fps: 59.94,
      durationS: 12.48,
      frameCount: 748,
      codec: "h264",
      rotation: 90,
    });
  });

  it("reads the capture rate an Android phone stores with a slow-motion clip", () => {
    const slow = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'slow.mp4':
  Metadata:
    major_brand     : mp42
    com.android.capture.fps: 240.000000
  Duration: 00:00:31.70, start: 0.000000, bitrate: 2000 kb/s
    Stream #0:0(eng): Video: h264 (avc1 / 0x31637661), yuv420p, 480x360, 30 fps, 30 tbr, 90k tbn (default)`;
    expect(parseProbe(slow)).toMatchObject({ fps: 30, captureFps: 240 });
    // A normal clip carries the same tag at its own rate: no slow motion.
    expect(parseProbe(slow.replace("240.000000", "30.000000"))?.captureFps).toBeUndefined();
  });

  it("finds no picture in an audio file", () => {
    expect(parseProbe("Stream #0:0: Audio: mp3, 44100 Hz, stereo")).toBeUndefined();
  });

  it("scales the decode size down to the longest side, in even pixels", () => {
    const info = parseProbe(PHONE_PORTRAIT);
    expect(info && decodeSize(info, 960)).toEqual({ width: 540, height: 960 });
  });
});

describe("decoding real files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hipcheck-ffmpeg-"));
    await writeRunnerVideo(join(dir, "run.mp4"), { fps: 30, durationS: 1, scale: 0.25 });
    writeFileSync(join(dir, "notes.mp4"), "this is not a video\n");
    writeFileSync(join(dir, "empty.mp4"), "");
    // One second of a tone: a file ffmpeg reads that has no picture.
    spawnSync(findFfmpeg(), [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "sine=duration=1",
      join(dir, "sound.m4a"),
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("describes the generated clip", () => {
    const info = probeVideo(join(dir, "run.mp4"));
    expect(info).toMatchObject({ width: 480, height: 270, fps: 30, codec: "h264", rotation: 0 });
    expect(info.durationS).toBeCloseTo(1, 1);
  });

  it("streams every frame as RGB, and only the frames asked for", async () => {
    let frames = 0;
    for await (const rgb of decodeFrames(join(dir, "run.mp4"), { width: 240, height: 136 })) {
      expect(rgb.length).toBe(240 * 136 * 3);
      frames++;
    }
    expect(frames).toBe(30);
    let picked = 0;
    for await (const _ of decodeFrames(join(dir, "run.mp4"), {
      width: 240,
      height: 136,
      select: [3, 17],
    }))
      picked++;
    expect(picked).toBe(2);
  });

  it("decodes YUV frames that crop to the same picture as RGB ones", async () => {
    const size = { width: 240, height: 136 };
    const first = async (format: "rgb24" | "yuv420p") => {
      for await (const pixels of decodeFrames(join(dir, "run.mp4"), { ...size, format })) {
        return pixels;
      }
      throw new Error("no frame");
    };
    const rgb = await first("rgb24");
    const yuv = await first("yuv420p");
    expect(yuv.length).toBe(frameBytes(size, "yuv420p"));
    expect(yuv.length).toBe(240 * 136 * 1.5);
    const crop = { x: 60, y: 10, size: 110 };
    const fromRgb = new Int32Array(64 * 64 * 3);
    const fromYuv = new Int32Array(64 * 64 * 3);
    cropResize({ rgb, ...size }, crop, { out: fromRgb, size: 64 });
    cropResizeYuv({ yuv, ...size }, crop, { out: fromYuv, size: 64 });
    let difference = 0;
    for (let i = 0; i < fromRgb.length; i++)
      difference += Math.abs((fromRgb[i] ?? 0) - (fromYuv[i] ?? 0));
    // ffmpeg's own conversion and ours differ by rounding and chroma placement only.
    expect(difference / fromRgb.length).toBeLessThan(3);
  });

  it.each([
    [
      "notes.mp4",
      "notes.mp4 cannot be read as a video (moov atom not found): it is empty, damaged",
    ],
    [
      "empty.mp4",
      "empty.mp4 cannot be read as a video (moov atom not found): it is empty, damaged",
    ],
    ["missing.mp4", "does not exist"],
    ["sound.m4a", "sound.m4a cannot be read as a video: it holds sound only, no picture."],
  ])("refuses %s with a clear message", (name, message) => {
    expect(() => probeVideo(join(dir, name))).toThrow(VideoError);
    expect(() => probeVideo(join(dir, name))).toThrow(message);
  });
});
