import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { FileError, fileProblem } from "../core/errors.js";

/** A byte-order mark some editors put at the start of a UTF-8 file; it is not part of the data. */
const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Reads a JSON or YAML file into plain data. `.json` is parsed as JSON; `.yaml`/`.yml` as YAML;
 * anything else is tried as JSON, then YAML. The top level must be an object.
 */
export async function readDataFile(path: string): Promise<unknown> {
  let text = await readTextFile(path);
  if (text.includes("\u0000"))
    throw new FileError(`${path} is not a JSON or YAML text file (it holds binary data)`);
  if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
  const data = parseText(path, text);
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new FileError(
      `${path} must hold a JSON or YAML object (fields and values), not ${Array.isArray(data) ? "a list" : "a single value"}`,
    );
  return data;
}

/** Reads a whole text file (UTF-8); a failure names the file and says why. */
export async function readTextFile(path: string): Promise<string> {
  return (await readBinaryFile(path)).toString("utf8");
}

/** Reads a whole file as bytes; a failure names the file and says why. */
export async function readBinaryFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(
      code === "ENOENT"
        ? `${path}: no such file`
        : code === "EISDIR"
          ? `${path} is a folder, not a file`
          : `${path}: cannot be read (${fileProblem(error)})`,
    );
  }
}

function parseText(path: string, text: string): unknown {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return parseJson(path, text);
  if (ext === ".yaml" || ext === ".yml") return parseYamlText(path, text);
  try {
    return JSON.parse(text);
  } catch {
    return parseYamlText(path, text);
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FileError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseYamlText(path: string, text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0];
      const where = line ? ` (line ${line.line}, column ${line.col})` : "";
      throw new FileError(
        `${path} is not valid JSON or YAML${where}: ${error.message.split("\n")[0]}`,
      );
    }
    // The yaml library refuses an alias bomb (over 100 expansions) with a ReferenceError ("Excessive alias count").
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw new FileError(
        `${path} expands too many YAML aliases (*name) to be read safely; write the values out instead`,
      );
    throw error;
  }
}
