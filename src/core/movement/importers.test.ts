import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { importCocoKeypoints } from "./coco.import.js";
import { exportHipcheckKeypoints, importHipcheckKeypoints } from "./keypoints.schema.js";
import { importOpenPose } from "./openpose.import.js";

const hipcheckFile = {
  format: "hipcheck-keypoints",
  version: 1,
  model: "movenet-lightning",
  fps: 50,
  width: 1280,
  height: 720,
  view: "rear",
  frames: [
    { t: 0, points: { leftHip: [600, 400, 0.9], rightHip: [680, 402, 0.8] } },
    { t: 0.02, points: { leftHip: [601, 401, 0.9] } },
  ],
};

function errorMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("hipcheck keypoint files", () => {
  it("keeps who else was in the picture and how the camera moved, so a re-run warns the same", () => {
    const series = importHipcheckKeypoints(hipcheckFile);
    series.people = { maxInFrame: 2, framesWithSeveral: 1 };
    series.cameraMotion = { checks: 4, movingShare: 0.75, speed: 0.2 };
    const again = importHipcheckKeypoints(
      JSON.parse(JSON.stringify(exportHipcheckKeypoints(series))),
    );
    expect(again.people).toEqual({ maxInFrame: 2, framesWithSeveral: 1 });
    expect(again.cameraMotion).toEqual({ checks: 4, movingShare: 0.75, speed: 0.2 });
    expect(() =>
      importHipcheckKeypoints({
        ...hipcheckFile,
        cameraMotion: { checks: 2, movingShare: 3, speed: 0 },
      }),
    ).toThrow("cameraMotion.movingShare: movingShare must be between 0 and 1");
  });

  it("reads points into columns, leaving missing points empty", () => {
    const series = importHipcheckKeypoints(hipcheckFile);
    expect(series.fps).toBe(50);
    expect(series.view).toBe("rear");
    expect(Array.from(series.t)).toEqual([0, 0.02]);
    expect(series.tracks.leftHip?.x[1]).toBe(601);
    expect(series.tracks.rightHip?.score[0]).toBe(0.8);
    expect(series.tracks.rightHip?.score[1]).toBe(0);
    expect(Number.isNaN(series.tracks.rightHip?.x[1])).toBe(true);
  });

  it("round-trips through export", () => {
    const again = importHipcheckKeypoints(
      exportHipcheckKeypoints(importHipcheckKeypoints(hipcheckFile)),
    );
    expect(again.tracks.rightHip?.x[0]).toBe(680);
    expect(again.t.length).toBe(2);
  });

  it.each([
    [{ fps: 5000 }, "fps: fps must be between 1 and 1000 frames per second"],
    [{ extra: 1 }, 'unknown field "extra"'],
    [
      { frames: [{ points: { leftHip: [1, 2, 1.5] } }] },
      "frames[0].points.leftHip[2]: score must be between 0 and 1",
    ],
    [{ frames: [{ points: { kneecap: [1, 2, 1] } }] }, 'frames[0].points: unknown field "kneecap"'],
    [
      {
        frames: [
          { t: 1, points: {} },
          { t: 0.5, points: {} },
        ],
      },
      "frames[1].t: frame times must increase: 0.5 s follows 1 s",
    ],
  ])("rejects %j with a message naming the field", (patch, message) => {
    expect(errorMessage(() => importHipcheckKeypoints({ ...hipcheckFile, ...patch }))).toContain(
      message,
    );
  });
});

function body25(offsetX: number, score = 0.9): number[] {
  const values: number[] = [];
  for (let i = 0; i < 25; i++) values.push(offsetX + i, 100 + i * 10, score);
  return values;
}

describe("OpenPose BODY_25 folders", () => {
  it("maps BODY_25 indices to names and follows the largest person", () => {
    const small = body25(900).map((v, i) => (i % 3 === 1 ? 100 + (v - 100) / 10 : v));
    const frames = [
      { version: 1.3, people: [{ pose_keypoints_2d: small }, { pose_keypoints_2d: body25(100) }] },
      { version: 1.3, people: [{ pose_keypoints_2d: body25(102) }] },
    ];
    const series = importOpenPose(frames, { fps: 30 });
    expect(series.model).toBe("openpose-body25");
    // index 9 is the right hip, index 24 the right heel
    expect(series.tracks.rightHip?.x[0]).toBe(109);
    expect(series.tracks.rightHeel?.y[1]).toBe(340);
    expect(series.people).toEqual({ maxInFrame: 2, framesWithSeveral: 1 });
    expect(series.t[1]).toBeCloseTo(1 / 30);
  });

  it("treats 0, 0, 0 as a point not found", () => {
    const values = body25(100);
    values.splice(11 * 3, 3, 0, 0, 0);
    const series = importOpenPose([{ people: [{ pose_keypoints_2d: values }] }], { fps: 30 });
    expect(series.tracks.rightAnkle).toBeUndefined();
  });

  it("requires the frame rate", () => {
    expect(errorMessage(() => importOpenPose([{ people: [] }], {}))).toContain(
      "fps: the frame rate is required: frames per second of the video the keypoints came from (1–1000)",
    );
  });

  it("says when a frame is not an OpenPose file", () => {
    expect(
      errorMessage(() =>
        importOpenPose([{ people: [{ pose_keypoints_2d: [1, 2] }] }], { fps: 30 }),
      ),
    ).toContain("must hold 25 points (BODY_25, 75 numbers)");
  });
});

describe("COCO-17 keypoints", () => {
  const kp = (x: number) => Array.from({ length: 17 }, (_, i) => [x + i, 50 + i, 2]).flat();

  it("reads an annotation file with visibility flags", () => {
    const data = {
      images: [
        { id: 2, width: 640, height: 480 },
        { id: 1, width: 640, height: 480 },
      ],
      annotations: [
        { image_id: 1, keypoints: kp(10) },
        { image_id: 2, keypoints: kp(20) },
      ],
    };
    const series = importCocoKeypoints(data, { fps: 25 });
    expect(series.width).toBe(640);
    // frames follow the images list: image 2 first
    expect(series.tracks.nose?.x[0]).toBe(20);
    expect(series.tracks.leftHip?.x[1]).toBe(21);
    expect(series.tracks.leftHip?.score[1]).toBe(1);
  });

  it("reads a results list, ordering frames by image id", () => {
    const data = [
      { image_id: "frame10", keypoints: kp(30).map((v, i) => (i % 3 === 2 ? 0.7 : v)) },
      { image_id: "frame9", keypoints: kp(5).map((v, i) => (i % 3 === 2 ? 0.7 : v)) },
    ];
    const series = importCocoKeypoints(data, { fps: 25 });
    expect(series.tracks.nose?.x[0]).toBe(5);
    expect(series.tracks.nose?.score[1]).toBe(0.7);
    expect(series.width).toBe(47);
  });

  it("names an annotation pointing at an unknown image", () => {
    const data = { images: [{ id: 1 }], annotations: [{ image_id: 7, keypoints: kp(1) }] };
    expect(errorMessage(() => importCocoKeypoints(data, { fps: 25 }))).toContain(
      "annotations[0].image_id: image 7 is not in the images list",
    );
  });
});
