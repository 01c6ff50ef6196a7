/**
 * A pinhole camera for turning 3D points (metres or millimetres, any consistent unit) into
 * image pixels. World axes: x forward (running direction), y up, z to the runner's right.
 */
export type Vec3 = readonly [number, number, number];

export interface VirtualCamera {
  /** Camera centre in world units. */
  centre: Vec3;
  /** Unit vectors in world axes: image right, image down, viewing direction. */
  right: Vec3;
  down: Vec3;
  forward: Vec3;
  /** Focal length in pixels. */
  focalPx: number;
  width: number;
  height: number;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Where a virtual camera stands: `distance` from `target`, lens at `height` (m), image size in pixels. */
interface CameraPlacement {
  target: Vec3;
  distance: number;
  height: number;
  focalPx: number;
  width?: number;
  height_px?: number;
}

/** A camera behind the runner (looking along +x), `distance` away, lens at `height`. */
export function rearCamera(options: CameraPlacement): VirtualCamera {
  const { target, distance } = options;
  return {
    centre: [target[0] - distance, options.height, target[2]],
    right: [0, 0, 1],
    down: [0, -1, 0],
    forward: [1, 0, 0],
    focalPx: options.focalPx,
    width: options.width ?? 1920,
    height: options.height_px ?? 1080,
  };
}

/** A camera on the runner's right (looking along −z): the runner faces image right. */
export function sideCamera(options: CameraPlacement): VirtualCamera {
  const { target, distance } = options;
  return {
    centre: [target[0], options.height, target[2] + distance],
    right: [1, 0, 0],
    down: [0, -1, 0],
    forward: [0, 0, -1],
    focalPx: options.focalPx,
    width: options.width ?? 1920,
    height: options.height_px ?? 1080,
  };
}

/** Pixel position of a world point (NaN when behind the camera). */
export function project(camera: VirtualCamera, point: Vec3): { x: number; y: number } {
  const rel: Vec3 = [
    point[0] - camera.centre[0],
    point[1] - camera.centre[1],
    point[2] - camera.centre[2],
  ];
  const depth = dot(rel, camera.forward);
  if (!(depth > 0)) return { x: Number.NaN, y: Number.NaN };
  return {
    x: camera.width / 2 + (camera.focalPx * dot(rel, camera.right)) / depth,
    y: camera.height / 2 + (camera.focalPx * dot(rel, camera.down)) / depth,
  };
}
