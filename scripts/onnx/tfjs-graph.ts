/**
 * A TensorFlow.js graph model as the converter sees it: its nodes by name, their attributes
 * decoded, and its weights as little-endian bytes in the type they are stored in (float16
 * weights stay float16, so the ONNX file is no larger than the TF.js one).
 */

/** A node of a TF.js graph model's `modelTopology.node` list. */
export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}

/** An attribute as TF.js's JSON writes it: 64-bit integers as strings, strings in base64. */
interface TfAttr {
  i?: string;
  f?: number;
  b?: boolean;
  s?: string;
  type?: string;
  list?: { i?: string[]; s?: string[]; f?: number[] };
}

/** Element types of the weights the converter reads. */
export type WeightType = "float16" | "float32" | "int32";

export interface Weight {
  shape: number[];
  type: WeightType;
  /** Little-endian element bytes. */
  bytes: Uint8Array;
}

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

export interface TfGraph {
  nodes: Map<string, TfNode>;
  weights: Map<string, Weight>;
}

/** Reads a graph model's JSON (`modelTopology`, `weightsManifest`) and weight bytes. */
export function readTfGraph(
  json: { modelTopology: unknown; weightsManifest: { weights: unknown[] }[] },
  weightData: ArrayBuffer,
): TfGraph {
  const topology = json.modelTopology as { node: TfNode[] };
  const nodes = new Map(topology.node.map((node) => [node.name, node]));
  const weights = new Map<string, Weight>();
  const data = new Uint8Array(weightData);
  let offset = 0;
  for (const entry of json.weightsManifest.flatMap((group) => group.weights) as ManifestEntry[]) {
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const { type, bytesPer } = storedType(entry);
    const stored = data.slice(offset, offset + count * bytesPer);
    offset += count * bytesPer;
    weights.set(entry.name, { shape: entry.shape, type, bytes: dequantize(entry, stored, count) });
  }
  if (offset !== data.length)
    throw new Error(`the weights manifest describes ${offset} bytes, the file has ${data.length}`);
  return { nodes, weights };
}

function storedType(entry: ManifestEntry): { type: WeightType; bytesPer: number } {
  const q = entry.quantization?.dtype;
  if (q === "float16") return { type: "float16", bytesPer: 2 };
  if (q === "uint8") return { type: "float32", bytesPer: 1 };
  if (q === "uint16") return { type: "float32", bytesPer: 2 };
  if (q) throw new Error(`${entry.name}: unsupported weight quantization ${q}`);
  if (entry.dtype === "float32" || entry.dtype === "int32")
    return { type: entry.dtype, bytesPer: 4 };
  throw new Error(`${entry.name}: unsupported weight type ${entry.dtype}`);
}

/** Affine-quantized (uint8, uint16) weights become float32 as TF.js computes them; others stay. */
function dequantize(entry: ManifestEntry, stored: Uint8Array, count: number): Uint8Array {
  const q = entry.quantization;
  if (!q || q.dtype === "float16") return stored;
  const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = q.dtype === "uint8" ? view.getUint8(i) : view.getUint16(2 * i, true);
    out[i] = v * (q.scale ?? 1) + (q.min ?? 0);
  }
  return new Uint8Array(out.buffer);
}

/** An attribute's integer list (strides, dilations, kernel size), or `fallback`. */
export function intsAttr(node: TfNode, key: string, fallback: number[] = []): number[] {
  return node.attr?.[key]?.list?.i?.map(Number) ?? fallback;
}

export function intAttr(node: TfNode, key: string, fallback = 0): number {
  const value = node.attr?.[key]?.i;
  return value === undefined ? fallback : Number(value);
}

export function boolAttr(node: TfNode, key: string): boolean {
  return node.attr?.[key]?.b === true;
}

/** A string attribute (TF.js keeps them in base64). */
export function stringAttr(node: TfNode, key: string): string {
  const value = node.attr?.[key]?.s;
  return value === undefined ? "" : Buffer.from(value, "base64").toString("utf8");
}

export function stringsAttr(node: TfNode, key: string): string[] {
  return (node.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, "base64").toString("utf8"));
}

/** A weight's values as numbers (small constants: shapes, sizes, paddings). */
export function weightValues(weight: Weight): number[] {
  const view = new DataView(weight.bytes.buffer, weight.bytes.byteOffset, weight.bytes.byteLength);
  const count = weight.shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, (_, i) =>
    weight.type === "int32"
      ? view.getInt32(4 * i, true)
      : weight.type === "float32"
        ? view.getFloat32(4 * i, true)
        : halfToNumber(view.getUint16(2 * i, true)),
  );
}

/** IEEE 754 half precision → number. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
