import { describe, expect, it } from "vitest";
import type { TfGraph, TfNode } from "./tfjs-graph.js";
import { convertTfGraph } from "./tfjs-to-onnx.js";

const spec = {
  name: "tiny",
  doc: "",
  input: { name: "input", type: "float32" as const, shape: [1, 4, 4, 3] },
  outputs: { out: "op" },
  metadata: {},
};

function graph(op: TfNode): TfGraph {
  const input: TfNode = { name: "x", op: "Placeholder" };
  return { nodes: new Map([input, op].map((n) => [n.name, n])), weights: new Map() };
}

describe("converting a TF.js graph to ONNX", () => {
  it("names an op it cannot convert", () => {
    expect(() => convertTfGraph(graph({ name: "op", op: "Softmax", input: ["x"] }), spec)).toThrow(
      "tiny: the op Softmax (op) is not supported",
    );
  });

  it("names a node the outputs ask for that the graph lacks", () => {
    const bad = { ...spec, outputs: { out: "missing" } };
    expect(() => convertTfGraph(graph({ name: "op", op: "Sigmoid", input: ["x"] }), bad)).toThrow(
      "tiny: no node missing",
    );
  });

  it("keeps TensorFlow's NHWC layout at the input and output of the ONNX graph", async () => {
    const ort = await import("onnxruntime-node");
    const bytes = convertTfGraph(graph({ name: "op", op: "Sigmoid", input: ["x"] }), spec);
    const session = await ort.InferenceSession.create(bytes);
    const x = Float32Array.from({ length: 48 }, (_, i) => (i - 24) / 8);
    const { out } = await session.run({ input: new ort.Tensor("float32", x, [1, 4, 4, 3]) });
    expect(out?.dims).toEqual([1, 4, 4, 3]);
    const y = out?.data as Float32Array;
    for (const [i, v] of x.entries()) expect(y[i]).toBeCloseTo(1 / (1 + Math.exp(-v)), 6);
  });
});
