import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { InputError } from "../../core/errors.js";
import { UploadRejected } from "../errors.js";

/** Files sent to the import routes, read whole into memory: they are small (a CSV, a run, a Bundle). */

/** Largest file an import takes. Dynamometer CSVs and FIT files are kilobytes; a long GPX track a few MB. */
export const IMPORT_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
/** Most files in one upload (several runs from a watch). */
export const IMPORT_FILES_LIMIT = 10;
const FIELDS_LIMIT = 40;
const NAME_LIMIT = 100;

export interface UploadedFile {
  /** The name the sender gave, reduced to a plain base name: for messages only, never for paths. */
  name: string;
  bytes: Buffer;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface Upload {
  files: UploadedFile[];
  /** The form's text fields; an empty one (an unchosen select) is left out. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart upload: files in fields named `file`, options in text fields. A file over
 * the limit, too many files, or no file at all refuses the request before anything is stored.
 */
export async function readUpload(
  request: FastifyRequest,
  options: { maxFiles: number; what: string },
): Promise<Upload> {
  if (!request.isMultipart())
    throw new InputError([
      {
        path: "file",
        message: `send ${options.what} as multipart/form-data in a field named "file"`,
      },
    ]);
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: {
        files: options.maxFiles,
        fileSize: IMPORT_FILE_LIMIT_BYTES,
        fields: FIELDS_LIMIT,
      },
    })) {
      if (part.type === "field") {
        const value = String(part.value);
        if (value !== "") fields[part.fieldname] = value;
        continue;
      }
      const name = baseName(part.filename);
      if (part.fieldname !== "file")
        throw new InputError([
          { path: part.fieldname, message: 'send files in fields named "file"' },
        ]);
      const bytes = await part.toBuffer();
      files.push({ name, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new UploadRejected(
        "too-large",
        `a file is larger than the limit of ${IMPORT_FILE_LIMIT_BYTES / 1048576} MB`,
      );
    if (code === "FST_FILES_LIMIT")
      throw new UploadRejected(
        "too-large",
        `at most ${options.maxFiles} file${options.maxFiles === 1 ? "" : "s"} in one upload`,
      );
    throw error;
  }
  if (files.length === 0)
    throw new InputError([
      { path: "file", message: `no file: send ${options.what} in a field named "file"` },
    ]);
  return { files, fields };
}

/** "C:\\exports\\Clinic run.csv" → "Clinic run.csv"; control characters dropped, length capped. */
function baseName(filename: string | undefined): string {
  const base = (filename ?? "")
    .split(/[\\/]/)
    .at(-1)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    ?.replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, NAME_LIMIT);
  return base || "upload";
}

/**
 * The file as text, told by its content: a file with NUL bytes is binary whatever its name
 * (415). UTF-8 is read as such; anything else as Windows-1252, what older device software writes.
 */
export function textOf(file: UploadedFile, expected: string): string {
  if (file.bytes.includes(0))
    throw new UploadRejected(
      "wrong-content",
      `${file.name} is not ${expected}: it holds binary data, whatever its name`,
    );
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(file.bytes);
  }
}
