/**
 * Writes an ONNX model file: a graph built node by node, encoded with protobufjs over the part
 * of ONNX's schema in onnx.proto. Same graph in, same bytes out.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/** ONNX's TensorProto.DataType numbers for the types the converter writes. */
export const ONNX_TYPE = { float32: 1, int32: 6, int64: 7, float16: 10 } as const;
export type OnnxType = keyof typeof ONNX_TYPE;

/** The operator set the graphs are written for (ONNX 1.12; every current runtime reads it). */
export const OPSET = 17;
const IR_VERSION = 8;

type AttrValue = number | number[] | string;

interface OnnxNode {
  op_type: string;
  name: string;
  input: string[];
  output: string[];
  attribute: Record<string, unknown>[];
}

interface Initializer {
  name: string;
  dims: number[];
  data_type: number;
  raw_data: Uint8Array;
}

export interface GraphValue {
  name: string;
  type: OnnxType;
  shape: number[];
}

/** Builds one graph: nodes in the order added (a topological order), initializers by name. */
export class OnnxGraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers = new Map<string, Initializer>();

  /** Adds a node; integer attributes are written as INT(S), others by their JavaScript type. */
  node(
    op: string,
    inputs: string[],
    output: string,
    attributes: Record<string, AttrValue> = {},
  ): string {
    this.nodes.push({
      op_type: op,
      name: output,
      input: inputs,
      output: [output],
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return output;
  }

  /** Adds a constant tensor (once per name) and returns its name. */
  initializer(name: string, value: { type: OnnxType; shape: number[]; bytes: Uint8Array }): string {
    if (!this.initializers.has(name)) {
      this.initializers.set(name, {
        name,
        dims: value.shape,
        data_type: ONNX_TYPE[value.type],
        raw_data: value.bytes,
      });
    }
    return name;
  }

  has(name: string): boolean {
    return this.initializers.has(name);
  }

  /** An int64 constant (shapes, sizes, paddings). */
  int64s(name: string, values: readonly number[]): string {
    const bytes = new Uint8Array(8 * values.length);
    const view = new DataView(bytes.buffer);
    for (const [i, v] of values.entries()) view.setBigInt64(8 * i, BigInt(v), true);
    return this.initializer(name, { type: "int64", shape: [values.length], bytes });
  }

  /** A float32 scalar constant. */
  scalar(name: string, value: number): string {
    return this.initializer(name, {
      type: "float32",
      shape: [],
      bytes: new Uint8Array(Float32Array.of(value).buffer),
    });
  }

  /** Encodes the model: its graph's inputs and outputs as given, metadata as key–value pairs. */
  encode(model: {
    name: string;
    inputs: GraphValue[];
    outputs: GraphValue[];
    doc: string;
    metadata: Record<string, string>;
  }): Uint8Array {
    const message = {
      ir_version: IR_VERSION,
      opset_import: [{ domain: "", version: OPSET }],
      producer_name: "hipcheck convert-pose-models",
      doc_string: model.doc,
      graph: {
        name: model.name,
        node: this.nodes,
        initializer: [...this.initializers.values()],
        input: model.inputs.map(valueInfo),
        output: model.outputs.map(valueInfo),
      },
      metadata_props: Object.entries(model.metadata).map(([key, value]) => ({ key, value })),
    };
    const type = schema().lookupType("onnx.ModelProto");
    const problem = type.verify(message);
    if (problem) throw new Error(`invalid ONNX model: ${problem}`);
    return type.encode(type.fromObject(message)).finish();
  }
}

let root: protobuf.Root | undefined;

function schema(): protobuf.Root {
  // keepCase: field names as in onnx.proto (raw_data, op_type), not camel-cased.
  root ??= new protobuf.Root().loadSync(
    join(dirname(fileURLToPath(import.meta.url)), "onnx.proto"),
    {
      keepCase: true,
    },
  );
  return root;
}

/** AttributeProto.AttributeType numbers. */
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 } as const;

function attribute(name: string, value: AttrValue): Record<string, unknown> {
  if (typeof value === "string")
    return { name, type: ATTR.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: ATTR.INTS, ints: value };
  if (Number.isInteger(value)) return { name, type: ATTR.INT, i: value };
  return { name, type: ATTR.FLOAT, f: value };
}

function valueInfo(value: GraphValue): Record<string, unknown> {
  return {
    name: value.name,
    type: {
      tensor_type: {
        elem_type: ONNX_TYPE[value.type],
        shape: { dim: value.shape.map((d) => ({ dim_value: d })) },
      },
    },
  };
}
