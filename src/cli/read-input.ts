import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";

/** A file that cannot be read or parsed; the message names the file and, where known, the line. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

/**
 * Reads a JSON or YAML file into plain data. `.json` is parsed as JSON; `.yaml`/`.yml` as YAML;
 * anything else is tried as JSON, then YAML. The top level must be an object.
 */
export async function readDataFile(path: string): Promise<unknown> {
  const text = await readTextFile(path);
  if (text.includes("\u0000"))
    throw new FileError(`${path} is not a JSON or YAML text file (it holds binary data)`);
  const data = parseText(path, text);
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new FileError(
      `${path} must hold a JSON or YAML object (fields and values), not ${Array.isArray(data) ? "a list" : "a single value"}`,
    );
  return data;
}

/** Reads a whole text file (UTF-8); a failure names the file and says why. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(
      code === "ENOENT"
        ? `${path}: no such file`
        : code === "EISDIR"
          ? `${path} is a folder, not a file`
          : `${path}: cannot be read (${code ?? "unknown error"})`,
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
    throw error;
  }
}

/** Writes an output file, creating its folder; a failure names the file and the reason. */
export async function writeOutputFile(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(
      `cannot write ${path} (${code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (code ?? "unknown error")})`,
    );
  }
}
