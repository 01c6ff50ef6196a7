import { InputError } from "../core/errors.js";
import type { QueueSettings } from "./jobs/pg-boss.js";

/** Server settings, read from the environment (the README lists every variable). */
export interface ServerConfig {
  host: string;
  port: number;
  /** Base of links the server hands out (invites), e.g. https://clinic.example. */
  publicUrl: string;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  sessionHours: number;
  /** Fastify log level, or "silent". Requests are logged without bodies or query strings. */
  logLevel: string;
  maxUploadBytes: number;
  /** Delete an uploaded video once its analysis is done (the measurements and pictures stay). */
  deleteVideos: boolean;
  /** Video analysis workers (default: one per core). */
  workers: number;
  /** Where uploads and annotated pictures are kept: one shared folder for servers and workers. */
  filesDir: string;
  /** Invite mail, when both HIPCHECK_SMTP_URL and HIPCHECK_MAIL_FROM are set. */
  mail?: MailConfig;
  /** Where video analyses run: in this process, or in `hipcheck worker`s through pg-boss. */
  jobs: JobsMode;
  /** The pg-boss queue (`jobs: "queue"` and `hipcheck worker`). */
  queue: QueueSettings;
  /** How long a stopping worker lets its analysis finish before handing the job back. */
  workerGraceSeconds: number;
}

/** Where invite mail goes out: an SMTP server (credentials in the URL) and the sender. */
export interface MailConfig {
  /** smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), e.g. smtps://user:pw@host:465. */
  smtpUrl: string;
  /** The From address, e.g. "Riverside Physio <hipcheck@riverside.example>". */
  from: string;
}

export const JOBS_MODES = ["in-process", "queue"] as const;
export type JobsMode = (typeof JOBS_MODES)[number];

/** A PostgreSQL schema name pg-boss accepts (it puts the name in its SQL). */
const SCHEMA_NAME = /^[A-Za-z_]\w{0,49}$/;

const MB = 1024 * 1024;

export function serverConfigFromEnv(
  env: NodeJS.ProcessEnv,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const issues: { path: string; message: string }[] = [];
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      issues.push({
        path: name,
        message: `must be a whole number from ${min} to ${max}, got "${raw}"`,
      });
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (raw === "true" || raw === "1") return true;
    if (raw === "false" || raw === "0") return false;
    issues.push({ path: name, message: `must be true or false, got "${raw}"` });
    return fallback;
  };
  const jobs = (env.HIPCHECK_JOBS || "in-process") as JobsMode;
  if (!JOBS_MODES.includes(jobs))
    issues.push({
      path: "HIPCHECK_JOBS",
      message: `must be in-process or queue, got "${env.HIPCHECK_JOBS}"`,
    });
  else if (jobs === "queue" && !env.DATABASE_URL)
    issues.push({
      path: "HIPCHECK_JOBS",
      message:
        "queue needs DATABASE_URL: the queue lives in the PostgreSQL server that the servers and every `hipcheck worker` share (on PGlite, analyses run in-process)",
    });
  const queueSchema = env.HIPCHECK_QUEUE_SCHEMA || "pgboss";
  if (!SCHEMA_NAME.test(queueSchema))
    issues.push({
      path: "HIPCHECK_QUEUE_SCHEMA",
      message: `must be a schema name (letters, digits and _, at most 50), got "${queueSchema}"`,
    });
  const port = overrides.port ?? number("HIPCHECK_PORT", 3000, 0, 65535);
  const host = overrides.host ?? env.HIPCHECK_HOST ?? "127.0.0.1";
  const config: ServerConfig = {
    host,
    port,
    publicUrl: (env.HIPCHECK_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""),
    secureCookies: flag("HIPCHECK_SECURE_COOKIES", false),
    sessionHours: number("HIPCHECK_SESSION_HOURS", 12, 1, 24 * 30),
    logLevel: env.HIPCHECK_LOG_LEVEL ?? "silent",
    maxUploadBytes: number("HIPCHECK_MAX_UPLOAD_MB", 200, 1, 4096) * MB,
    deleteVideos: flag("HIPCHECK_DELETE_VIDEOS", false),
    workers: number("HIPCHECK_WORKERS", 0, 0, 64),
    filesDir: env.HIPCHECK_FILES_DIR ?? "./data-files",
    ...mailConfig(env, issues),
    jobs,
    queue: {
      schema: queueSchema,
      // pg-boss takes at most just under a day.
      jobTimeoutSeconds: number("HIPCHECK_JOB_TIMEOUT_SECONDS", 1800, 10, 86_399),
    },
    workerGraceSeconds: number("HIPCHECK_WORKER_GRACE_SECONDS", 20, 0, 3600),
    ...overrides,
  };
  if (issues.length > 0) throw new InputError(issues, "server configuration");
  return config;
}

const SMTP_EXAMPLE = "smtps://user:password@mail.example.com:465";
// A bare address or "Name <address>"; nodemailer reads both.
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** Invite mail settings: both variables or neither. The URL is never echoed: it holds a password. */
function mailConfig(
  env: NodeJS.ProcessEnv,
  issues: { path: string; message: string }[],
): { mail?: MailConfig } {
  const smtpUrl = env.HIPCHECK_SMTP_URL ?? "";
  const from = env.HIPCHECK_MAIL_FROM ?? "";
  if (smtpUrl === "" && from === "") return {};
  const before = issues.length;
  if (smtpUrl === "")
    issues.push({
      path: "HIPCHECK_SMTP_URL",
      message: `must be set too when HIPCHECK_MAIL_FROM is: the mail server, e.g. ${SMTP_EXAMPLE}`,
    });
  else {
    let url: URL | undefined;
    try {
      url = new URL(smtpUrl);
    } catch {}
    if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || url.hostname === "")
      issues.push({
        path: "HIPCHECK_SMTP_URL",
        message: `must be an smtp:// or smtps:// URL with a host, e.g. ${SMTP_EXAMPLE} (the value given is not shown: it may hold a password)`,
      });
  }
  if (from === "")
    issues.push({
      path: "HIPCHECK_MAIL_FROM",
      message:
        "must be set too when HIPCHECK_SMTP_URL is: the sender, e.g. hipcheck@clinic.example",
    });
  else if (!MAIL_FROM.test(from.trim()))
    issues.push({
      path: "HIPCHECK_MAIL_FROM",
      message: `must be an email address such as hipcheck@clinic.example or "Riverside Physio <hipcheck@clinic.example>", got "${from}"`,
    });
  return issues.length > before ? {} : { mail: { smtpUrl, from: from.trim() } };
}
