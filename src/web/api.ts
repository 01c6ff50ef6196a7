/** The one way the web app talks to the server: JSON in and out, the session's CSRF token on writes. */

export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header a write through the session must carry. */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { "x-csrf-token": csrfToken } : {};
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  return send<T>(
    method,
    url,
    body === undefined
      ? undefined
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } },
  );
}

/** Sends a form with files (multipart; the browser sets the boundary) and reads the JSON answer. */
export async function upload<T>(url: string, form: FormData): Promise<T> {
  return send<T>("POST", url, { body: form, headers: {} });
}

async function send<T>(
  method: string,
  url: string,
  content?: { body: BodyInit; headers: Record<string, string> },
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...content?.headers };
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      ...(content ? { body: content.body } : {}),
    });
  } catch {
    throw unreachable();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) throw refusal(response.status, data);
  return data as T;
}

function unreachable(): ApiError {
  return new ApiError(0, {
    error: "offline",
    message: "the server could not be reached: check the connection and try again",
  });
}

/** The server's `{ error, message }`, or a plain one when the answer was not JSON. */
function refusal(status: number, data: unknown): ApiError {
  return new ApiError(
    status,
    data && typeof data === "object" && "message" in data
      ? (data as ApiErrorBody)
      : { error: "http", message: `the server answered ${status}` },
  );
}

/**
 * Fetches a file the server makes (a PDF, CSV, .ics, FHIR JSON) and hands it to the browser as
 * a download under the server's file name. A refusal comes back as an ApiError with the
 * server's words, instead of a JSON file saved under a PDF's name.
 */
export async function downloadFile(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw refusal(response.status, safeJson(await response.text()));
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "hipcheck-download";
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a moment later.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return filename;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A message for a person: the server's words, with the fields it names. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.body.fields?.map((f) => `${f.path}: ${f.message}`).join("; ");
    return fields ? `${error.message} (${fields})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: "clinic-admin" | "clinician" | "runner";
  clinicId: string | null;
  runnerId?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
