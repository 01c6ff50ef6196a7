import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../store/database.js";
import type { Database } from "../../store/schema.types.js";
import { type App, buildApp } from "../app.js";
import { serverConfigFromEnv } from "../config.js";

/** How many rows a table holds: what a test counts to show a request stored nothing. */
export async function rowCount(store: Store, table: keyof Database): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A server over a test database, driven through real HTTP requests (fastify.inject); `env`
 * gives it configuration variables as `hipcheck serve` would read them.
 */
export async function testApp(store: Store, env: NodeJS.ProcessEnv = {}): Promise<App> {
  const filesDir = await mkdtemp(join(tmpdir(), "hipcheck-files-"));
  const app = await buildApp({ store, config: serverConfigFromEnv(env, { filesDir, port: 0 }) });
  app.addHook("onClose", () => rm(filesDir, { recursive: true, force: true }));
  await app.ready();
  return app;
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON came back
  body: any;
  /** The bytes as sent (a PDF, for instance), where `body` is the text or the parsed JSON. */
  raw: Buffer;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A signed-in (or anonymous) user agent: keeps its session cookie and sends its CSRF token. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the account as the API returned it
  user: any;
  address = "198.51.100.1";

  constructor(readonly app: App) {}

  async request(
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const response = await this.app.inject({
      method: method as "GET",
      url,
      remoteAddress: this.address,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === "hipcheck_session");
    if (setCookie)
      this.cookie = setCookie.value ? `hipcheck_session=${setCookie.value}` : undefined;
    let body: unknown = response.body;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {}
    if (
      body &&
      typeof body === "object" &&
      "csrfToken" in body &&
      typeof body.csrfToken === "string"
    )
      this.csrfToken = body.csrfToken;
    if (body && typeof body === "object" && "user" in body) this.user = body.user;
    return {
      status: response.statusCode,
      body,
      raw: response.rawPayload,
      headers: response.headers,
    };
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, payload: unknown = {}) => this.request("POST", url, payload);
  patch = (url: string, payload: unknown) => this.request("PATCH", url, payload);
  put = (url: string, payload: unknown) => this.request("PUT", url, payload);
  delete = (url: string) => this.request("DELETE", url);
  /** POSTs a multipart form: text fields and files (field "file" unless named). */
  upload = (
    url: string,
    fields: Record<string, string>,
    files: Parameters<typeof multipartForm>[1],
  ) => {
    const { payload, headers } = multipartForm(fields, files);
    return this.request("POST", url, payload, headers);
  };
}

export const TEST_PASSWORD = "correct horse battery";

export function uniqueEmail(who: string): string {
  return `${who}-${randomUUID().slice(0, 8)}@example.com`;
}

/** A self-guided runner, signed up alone. */
export async function signedUpRunner(app: App, name = "Ana Runner"): Promise<Client> {
  const client = new Client(app);
  const reply = await client.post("/api/accounts/runner", {
    email: uniqueEmail("runner"),
    password: TEST_PASSWORD,
    name,
  });
  if (reply.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(reply.body)}`);
  return client;
}

/** A clinic with its admin signed in. */
export async function newClinic(app: App, clinicName = "Hip Clinic"): Promise<Client> {
  const admin = new Client(app);
  const reply = await admin.post("/api/accounts/clinic", {
    clinicName,
    email: uniqueEmail("admin"),
    password: TEST_PASSWORD,
    name: "Dana Admin",
  });
  if (reply.status !== 201)
    throw new Error(`clinic creation failed: ${JSON.stringify(reply.body)}`);
  return admin;
}

/** Someone accepting an invite made by `inviter`; returns the new, signed-in client. */
export async function invited(
  inviter: Client,
  role: "clinician" | "runner",
  name: string,
): Promise<Client> {
  const invite = await inviter.post("/api/invites", { role, email: uniqueEmail(role), name });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const token = String(invite.body.link).split("/invite/")[1];
  const client = new Client(inviter.app);
  const accepted = await client.post(`/api/invites/${token}/accept`, { password: TEST_PASSWORD });
  if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return client;
}

/** A multipart/form-data body with one file field, as a browser sends an upload. */
export function multipartBody(field: string, filename: string, content: Buffer) {
  return multipartForm({}, [{ field, filename, content }]);
}

/** A multipart/form-data body with text fields and files, as a browser sends a form. */
export function multipartForm(
  fields: Record<string, string>,
  files: { field?: string; filename: string; content: Buffer | string }[],
) {
  const boundary = `----hipcheck${randomUUID().replaceAll("-", "")}`;
  const parts = [
    ...Object.entries(fields).map(([name, value]) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    ),
    ...files.flatMap(({ field = "file", filename, content }) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from("\r\n"),
    ]),
  ];
  const payload = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
