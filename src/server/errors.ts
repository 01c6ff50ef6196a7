import { DomainError, InputError, type InputIssue } from "../core/errors.js";

/** Errors the server raises itself. Services throw them; `toHttpError` alone turns them into statuses. */

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

export class UnauthorizedError extends Error {
  constructor(message = "sign in first") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "TooManyRequestsError";
  }
}

/** An upload refused for what it holds: not the kind of file expected (a video, a CSV…), or over the size limit. */
export class UploadRejected extends Error {
  constructor(
    readonly reason: "not-a-video" | "wrong-content" | "too-large",
    message: string,
  ) {
    super(message);
    this.name = "UploadRejected";
  }
}

/**
 * An uploaded file of the right kind that cannot be imported: a CSV with a comma decimal, a
 * truncated FIT file, a Bundle lacking a required element. Carries every problem, each naming
 * where it is (line and column, or the FHIR path), and the file's name in the message.
 */
export class FileRejected extends Error {
  readonly issues: readonly InputIssue[];

  constructor(error: InputError) {
    super(error.message.split("\n")[0] ?? "the file cannot be imported");
    this.name = "FileRejected";
    this.issues = error.issues;
  }
}

/** The body of every 4xx and 5xx answer. */
export interface ErrorBody {
  error: string;
  message: string;
  fields?: InputIssue[];
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Fastify's own client errors, named for people. */
const FASTIFY_ERRORS: Record<string, { error: string; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { error: "malformed-json" },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    error: "malformed-json",
    message: "the body is empty: send a JSON object",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    error: "unsupported-media-type",
    message: "send the body as application/json (or multipart/form-data for uploads)",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { error: "too-large", message: "the request body is too large" },
  FST_REQ_FILE_TOO_LARGE: { error: "too-large", message: "the file is larger than the limit" },
  FST_FILES_LIMIT: { error: "too-large", message: "too many files in one upload" },
  FST_FIELDS_LIMIT: { error: "too-large", message: "too many form fields in one upload" },
  FST_PARTS_LIMIT: { error: "too-large", message: "too many parts in one upload" },
  FST_ERR_NOT_FOUND: { error: "not-found" },
};

/** Maps any error to a status and a JSON body. Nothing internal (stack, SQL) reaches the client. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof InputError)
    return {
      status: 400,
      body: {
        error: "invalid-input",
        message: error.message.split("\n")[0] ?? "invalid input",
        fields: [...error.issues],
      },
    };
  if (error instanceof NotFoundError)
    return { status: 404, body: { error: "not-found", message: error.message } };
  if (error instanceof UnauthorizedError)
    return { status: 401, body: { error: "unauthorized", message: error.message } };
  if (error instanceof ForbiddenError)
    return { status: 403, body: { error: "forbidden", message: error.message } };
  if (error instanceof ConflictError)
    return { status: 409, body: { error: "conflict", message: error.message } };
  if (error instanceof TooManyRequestsError)
    return { status: 429, body: { error: "too-many-requests", message: error.message } };
  if (error instanceof FileRejected)
    return {
      status: 422,
      body: { error: "invalid-file", message: error.message, fields: [...error.issues] },
    };
  if (error instanceof UploadRejected)
    return error.reason === "too-large"
      ? { status: 413, body: { error: "too-large", message: error.message } }
      : { status: 415, body: { error: "unsupported-media-type", message: error.message } };
  if (error instanceof DomainError)
    return { status: 422, body: { error: "cannot-apply", message: error.message } };
  const e = error as FastifyLikeError;
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    const known = e.code ? FASTIFY_ERRORS[e.code] : undefined;
    return {
      status: e.statusCode,
      body: {
        error: known?.error ?? "bad-request",
        message: known?.message ?? e.message ?? "bad request",
      },
    };
  }
  return {
    status: 500,
    body: { error: "internal", message: "something went wrong on the server; nothing was saved" },
  };
}
