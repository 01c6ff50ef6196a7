/**
 * Converts a TensorFlow.js graph model (NHWC, TensorFlow's ops) into an ONNX graph (NCHW, ONNX
 * ops) for the ops that MoveNet and BlazePose use. Only the nodes that the requested outputs
 * depend on are converted, in dependency order. Inside the graph 4-D activations are NCHW, as
 * ONNX's Conv wants them; the input and the outputs keep TensorFlow's NHWC layout, so that a
 * converted model takes and gives exactly what the TF.js one does.
 */
import { type GraphValue, OnnxGraphBuilder, type OnnxType } from "./onnx-writer.js";
import {
  boolAttr,
  intAttr,
  intsAttr,
  stringAttr,
  stringsAttr,
  type TfGraph,
  type TfNode,
  type Weight,
  weightValues,
} from "./tfjs-graph.js";

/** A converted tensor: its ONNX name, its TensorFlow (NHWC) shape, and how ONNX holds it. */
interface Value {
  onnx: string;
  shape: number[];
  /** 4-D held as NCHW; `squeezed`: TensorFlow dropped the batch axis of 1, ONNX kept it. */
  layout: "nchw" | "plain";
  squeezed?: boolean;
}

export interface ConversionSpec {
  name: string;
  doc: string;
  input: { name: string; type: "int32" | "float32"; shape: number[] };
  /** ONNX output name → the TensorFlow node (or `node:k`) it comes from. */
  outputs: Record<string, string>;
  metadata: Record<string, string>;
}

const TO_NCHW = [0, 3, 1, 2];
const TO_NHWC = [0, 2, 3, 1];

/** Converts the part of `graph` that `spec.outputs` needs; returns the ONNX file's bytes. */
export function convertTfGraph(graph: TfGraph, spec: ConversionSpec): Uint8Array {
  const onnx = new OnnxGraphBuilder();
  const values = new Map<string, Value>();
  const placeholder = [...graph.nodes.values()].find((n) => n.op === "Placeholder");
  if (!placeholder) throw new Error(`${spec.name}: the graph has no input`);
  const inputNchw = onnx.node("Transpose", [spec.input.name], `${spec.input.name}__nchw`, {
    perm: TO_NCHW,
  });
  values.set(placeholder.name, { onnx: inputNchw, shape: spec.input.shape, layout: "nchw" });

  const visiting = new Set<string>();
  const convert = (ref: string): Value => {
    const [name = ref, port = "0"] = ref.split(":");
    const key = port === "0" ? name : ref;
    const done = values.get(key);
    if (done) return done;
    const node = graph.nodes.get(name);
    if (!node) throw new Error(`${spec.name}: no node ${name}`);
    if (visiting.has(name)) throw new Error(`${spec.name}: a cycle through ${name}`);
    visiting.add(name);
    const inputs = (node.input ?? []).filter((i) => !i.startsWith("^"));
    const context: OpContext = {
      onnx,
      node,
      graph,
      input: (k) => convert(inputs[k] ?? ""),
      weight: (k) => constantOf(graph, inputs[k] ?? ""),
      isConstant: (k) => graph.nodes.get(inputs[k] ?? "")?.op === "Const",
    };
    const converter = OPS[node.op];
    if (!converter) throw new Error(`${spec.name}: the op ${node.op} (${name}) is not supported`);
    const value = converter(context);
    values.set(key, value);
    visiting.delete(name);
    return value;
  };

  const outputs: GraphValue[] = Object.entries(spec.outputs).map(([outName, ref]) => {
    const value = convert(ref);
    const perm = value.layout === "nchw" ? TO_NHWC : undefined;
    if (value.squeezed) throw new Error(`${spec.name}: output ${outName} lacks its batch axis`);
    if (perm) onnx.node("Transpose", [value.onnx], outName, { perm });
    else onnx.node("Identity", [value.onnx], outName);
    return { name: outName, type: "float32", shape: value.shape };
  });
  return onnx.encode({
    name: spec.name,
    doc: spec.doc,
    inputs: [spec.input],
    outputs,
    metadata: spec.metadata,
  });
}

interface OpContext {
  onnx: OnnxGraphBuilder;
  node: TfNode;
  graph: TfGraph;
  /** The k-th input, converted. */
  input(k: number): Value;
  /** The k-th input, a constant's weight. */
  weight(k: number): Weight;
  isConstant(k: number): boolean;
}

function constantOf(graph: TfGraph, name: string): Weight {
  const weight = graph.weights.get(name);
  if (!weight) throw new Error(`${name} is not a constant with weights`);
  return weight;
}

type Converter = (c: OpContext) => Value;

const same = (c: OpContext, op: string): Value => {
  const x = c.input(0);
  return { ...x, onnx: c.onnx.node(op, [x.onnx], c.node.name) };
};

const OPS: Record<string, Converter> = {
  Identity: (c) => c.input(0),
  Cast: (c) => {
    const to = c.node.attr?.DstT?.type;
    if (to !== "DT_FLOAT") throw new Error(`${c.node.name}: Cast to ${to} is not supported`);
    const x = c.input(0);
    return { ...x, onnx: c.onnx.node("Cast", [x.onnx], c.node.name, { to: 1 }) };
  },
  // A batch of one taken apart, squeezed and expanded again: ONNX keeps the tensor as it is.
  Unpack: (c) => {
    if (intAttr(c.node, "axis") !== 0 || intAttr(c.node, "num") !== 1) return unsupported(c);
    return squeezeBatch(c.input(0), c);
  },
  Squeeze: (c) => {
    if (intsAttr(c.node, "squeeze_dims").join() !== "0") return unsupported(c);
    return squeezeBatch(c.input(0), c);
  },
  ExpandDims: (c) => {
    const x = c.input(0);
    const axis = weightValues(c.weight(1))[0];
    if (axis !== 0 || !x.squeezed) return unsupported(c);
    return { onnx: x.onnx, shape: [1, ...x.shape], layout: x.layout };
  },
  AddV2: (c) => binary(c, "Add"),
  Sub: (c) => binary(c, "Sub"),
  Mul: (c) => binary(c, "Mul"),
  RealDiv: (c) => binary(c, "Div"),
  Sigmoid: (c) => same(c, "Sigmoid"),
  Relu: (c) => same(c, "Relu"),
  Relu6: (c) => relu6(c.onnx, c.input(0), c.node.name),
  _FusedConv2D: (c) => convolution(c, false),
  FusedDepthwiseConv2dNative: (c) => convolution(c, true),
  DepthwiseConv2dNative: (c) => convolution(c, true),
  ResizeBilinear: (c) => {
    const x = nchwInput(c);
    const [h = 0, w = 0] = weightValues(c.weight(1));
    const mode = boolAttr(c.node, "half_pixel_centers")
      ? "half_pixel"
      : boolAttr(c.node, "align_corners")
        ? "align_corners"
        : "asymmetric";
    const [n = 1, , , ch = 1] = x.shape;
    const sizes = c.onnx.int64s(`${c.node.name}__sizes`, [n, ch, h, w]);
    const out = c.onnx.node("Resize", [x.onnx, "", "", sizes], c.node.name, {
      mode: "linear",
      coordinate_transformation_mode: mode,
    });
    return { onnx: out, shape: [n, h, w, ch], layout: "nchw" };
  },
  MaxPool: (c) => {
    const x = nchwInput(c);
    const [, kh = 1, kw = 1] = intsAttr(c.node, "ksize");
    const [, sh = 1, sw = 1] = intsAttr(c.node, "strides");
    const window = windowShape(c, x.shape, {
      kernel: [kh, kw],
      strides: [sh, sw],
      dilations: [1, 1],
    });
    const out = c.onnx.node("MaxPool", [x.onnx], c.node.name, {
      kernel_shape: [kh, kw],
      strides: [sh, sw],
      pads: window.pads,
    });
    return { onnx: out, shape: [x.shape[0] ?? 1, ...window.size, x.shape[3] ?? 1], layout: "nchw" };
  },
  Pad: (c) => {
    const x = nchwInput(c);
    const p = weightValues(c.weight(1));
    // TensorFlow: [[before, after]] per NHWC axis; ONNX: all befores, then all afters, NCHW.
    const before = TO_NCHW.map((axis) => p[2 * axis] ?? 0);
    const after = TO_NCHW.map((axis) => p[2 * axis + 1] ?? 0);
    const pads = c.onnx.int64s(`${c.node.name}__pads`, [...before, ...after]);
    const out = c.onnx.node("Pad", [x.onnx, pads], c.node.name, { mode: "constant" });
    const shape = x.shape.map((d, axis) => d + (p[2 * axis] ?? 0) + (p[2 * axis + 1] ?? 0));
    return { onnx: out, shape, layout: "nchw" };
  },
  Reshape: (c) => {
    const x = c.input(0);
    const target = weightValues(c.weight(1));
    // Reshaping reads elements in TensorFlow's order: back to NHWC first.
    const source =
      x.layout === "nchw"
        ? c.onnx.node("Transpose", [x.onnx], `${c.node.name}__nhwc`, { perm: TO_NHWC })
        : x.onnx;
    const shape = c.onnx.int64s(`${c.node.name}__shape`, target);
    const out = c.onnx.node("Reshape", [source, shape], c.node.name);
    const count = x.shape.reduce((a, b) => a * b, 1);
    const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    return { onnx: out, shape: target.map((d) => (d === -1 ? count / known : d)), layout: "plain" };
  },
};

function unsupported(c: OpContext): never {
  throw new Error(`${c.node.op} (${c.node.name}) with these attributes is not supported`);
}

function squeezeBatch(x: Value, c: OpContext): Value {
  if (x.squeezed || x.shape[0] !== 1) return unsupported(c);
  return { onnx: x.onnx, shape: x.shape.slice(1), layout: x.layout, squeezed: true };
}

function nchwInput(c: OpContext): Value {
  const x = c.input(0);
  if (x.layout !== "nchw" || x.squeezed || x.shape.length !== 4) return unsupported(c);
  return x;
}

function relu6(onnx: OnnxGraphBuilder, x: Value, name: string): Value {
  const low = onnx.scalar("relu6__min", 0);
  const high = onnx.scalar("relu6__max", 6);
  return { ...x, onnx: onnx.node("Clip", [x.onnx, low, high], name) };
}

/** TensorFlow's broadcasting shape of two shapes. */
function broadcast(a: number[], b: number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    return da === 1 ? db : da;
  });
}

/** An elementwise op; a constant operand is laid out as NCHW when the other operand is. */
function binary(c: OpContext, op: string): Value {
  const operands = [0, 1].map((k) => (c.isConstant(k) ? undefined : c.input(k)));
  const tensor = operands.find((v) => v !== undefined);
  if (!tensor) return unsupported(c);
  const nchw = tensor.layout === "nchw";
  const names: string[] = [];
  const shapes: number[][] = [];
  for (const k of [0, 1]) {
    const v = operands[k];
    if (v) {
      if (v.layout !== tensor.layout || v.squeezed !== tensor.squeezed) return unsupported(c);
      names.push(v.onnx);
      shapes.push(v.shape);
      continue;
    }
    const name = (c.node.input ?? [])[k] ?? "";
    const weight = c.weight(k);
    shapes.push(weight.shape);
    names.push(
      floatConstant(c.onnx, name, nchw && weight.shape.length > 0 ? "nchw" : "plain", weight),
    );
  }
  const shape = broadcast(shapes[0] ?? [], shapes[1] ?? []);
  return { ...tensor, shape, onnx: c.onnx.node(op, names, c.node.name) };
}

/**
 * A float constant as float32: stored in its own type (float16 weights stay half the size), with
 * a Cast the runtime folds away when it loads the model. `nchw`: an NHWC-broadcasting constant
 * padded to rank 4 and transposed.
 */
function floatConstant(
  onnx: OnnxGraphBuilder,
  name: string,
  layout: "nchw" | "plain" | "conv" | "depthwise",
  weight: Weight,
): string {
  const target = layout === "plain" ? name : `${name}__${layout}`;
  if (onnx.has(target) || onnx.has(`${target}__f16`)) return target;
  if (weight.type === "int32") throw new Error(`${name}: an integer constant in float arithmetic`);
  const { shape, bytes } = laidOut(weight, layout);
  const type: OnnxType = weight.type;
  if (type === "float32") return onnx.initializer(target, { type, shape, bytes });
  const half = onnx.initializer(`${target}__f16`, { type, shape, bytes });
  onnx.node("Cast", [half], target, { to: 1 });
  return target;
}

/** A weight's elements rearranged for ONNX. */
function laidOut(
  weight: Weight,
  layout: "nchw" | "plain" | "conv" | "depthwise",
): { shape: number[]; bytes: Uint8Array } {
  const { shape, bytes } = weight;
  if (layout === "plain") return { shape, bytes };
  if (layout === "nchw") {
    const four = [...Array(4 - shape.length).fill(1), ...shape];
    return transpose(bytes, four, TO_NCHW);
  }
  // TensorFlow kernels: [kh, kw, in, out] → ONNX [out, in, kh, kw]. Depthwise: [kh, kw, in,
  // multiplier] → [in × multiplier, 1, kh, kw], channel c's j-th filter at c·multiplier + j.
  if (layout === "conv") return transpose(bytes, shape, [3, 2, 0, 1]);
  const [kh = 1, kw = 1, cin = 1, multiplier = 1] = shape;
  return {
    shape: [cin * multiplier, 1, kh, kw],
    bytes: transpose(bytes, shape, [2, 3, 0, 1]).bytes,
  };
}

/** Permutes the axes of a dense little-endian tensor. */
function transpose(
  bytes: Uint8Array,
  shape: number[],
  perm: number[],
): { shape: number[]; bytes: Uint8Array } {
  const count = shape.reduce((a, b) => a * b, 1);
  const size = count === 0 ? 0 : bytes.length / count;
  const outShape = perm.map((p) => shape[p] ?? 1);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Uint8Array(bytes.length);
  const index = new Array<number>(outShape.length).fill(0);
  for (let o = 0; o < count; o++) {
    let source = 0;
    for (let a = 0; a < perm.length; a++) source += (index[a] ?? 0) * (strides[perm[a] ?? 0] ?? 0);
    out.set(bytes.subarray(source * size, source * size + size), o * size);
    for (let a = outShape.length - 1; a >= 0; a--) {
      index[a] = (index[a] ?? 0) + 1;
      if ((index[a] ?? 0) < (outShape[a] ?? 1)) break;
      index[a] = 0;
    }
  }
  return { shape: outShape, bytes: out };
}

/** Output size and ONNX pads [top, left, bottom, right] of a window op, TensorFlow's padding rule. */
function windowShape(
  c: OpContext,
  shape: number[],
  window: { kernel: number[]; strides: number[]; dilations: number[] },
): { size: number[]; pads: number[] } {
  const padding = stringAttr(c.node, "padding");
  if (padding !== "SAME" && padding !== "VALID") return unsupported(c);
  const begin: number[] = [];
  const end: number[] = [];
  const size = [1, 2].map((axis, i) => {
    const n = shape[axis] ?? 1;
    const k = ((window.kernel[i] ?? 1) - 1) * (window.dilations[i] ?? 1) + 1;
    const s = window.strides[i] ?? 1;
    const out = padding === "SAME" ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
    // SAME pads the extra pixel, if any, at the end (bottom, right).
    const total = padding === "SAME" ? Math.max((out - 1) * s + k - n, 0) : 0;
    begin.push(Math.floor(total / 2));
    end.push(total - Math.floor(total / 2));
    return out;
  });
  return { size, pads: [...begin, ...end] };
}

/** Conv2D or a depthwise convolution, with TensorFlow's fused bias and activation. */
function convolution(c: OpContext, depthwise: boolean): Value {
  const x = nchwInput(c);
  if (stringAttr(c.node, "data_format") !== "NHWC") return unsupported(c);
  const kernelName = (c.node.input ?? [])[1] ?? "";
  const kernel = c.weight(1);
  const [kh = 1, kw = 1, cin = 1, cout = 1] = kernel.shape;
  const [, sh = 1, sw = 1] = intsAttr(c.node, "strides", [1, 1, 1, 1]);
  const [, dh = 1, dw = 1] = intsAttr(c.node, "dilations", [1, 1, 1, 1]);
  const window = windowShape(c, x.shape, {
    kernel: [kh, kw],
    strides: [sh, sw],
    dilations: [dh, dw],
  });
  const fused = stringsAttr(c.node, "fused_ops");
  const inputs = [
    x.onnx,
    floatConstant(c.onnx, kernelName, depthwise ? "depthwise" : "conv", kernel),
  ];
  const activations = fused.filter((op) => op !== "BiasAdd");
  if (fused.includes("BiasAdd")) {
    const biasName = (c.node.input ?? [])[2] ?? "";
    inputs.push(floatConstant(c.onnx, biasName, "plain", c.weight(2)));
  }
  if (activations.some((op) => op !== "Relu" && op !== "Relu6") || activations.length > 1)
    return unsupported(c);
  const activation = activations[0];
  const convName = activation ? `${c.node.name}__conv` : c.node.name;
  const conv = c.onnx.node("Conv", inputs, convName, {
    kernel_shape: [kh, kw],
    strides: [sh, sw],
    dilations: [dh, dw],
    pads: window.pads,
    group: depthwise ? cin : 1,
  });
  const value: Value = {
    onnx: conv,
    shape: [x.shape[0] ?? 1, ...window.size, depthwise ? cin * cout : cout],
    layout: "nchw",
  };
  if (activation === "Relu6") return relu6(c.onnx, value, c.node.name);
  if (activation === "Relu") return { ...value, onnx: c.onnx.node("Relu", [conv], c.node.name) };
  return value;
}
