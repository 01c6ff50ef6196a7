import { createTransport } from "nodemailer";
import type { MailConfig } from "../config.js";

/** One plain-text message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; `send` throws when the mail server cannot be reached or refuses the message. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Bounds on one delivery, ms: an invite request waits for its mail, so a mail server that does
 * not answer must not hold it for nodemailer's defaults (2 minutes to connect, 10 of silence).
 */
const CONNECT_MS = 10_000;
const GREETING_MS = 10_000;
const SOCKET_MS = 20_000;

/** Mail through the SMTP server of `config.smtpUrl` (smtps:// uses TLS, smtp:// STARTTLS when offered). */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = createTransport({
    url: config.smtpUrl,
    connectionTimeout: CONNECT_MS,
    greetingTimeout: GREETING_MS,
    socketTimeout: SOCKET_MS,
    // nodemailer logs nothing unless asked; it stays so: a log line would hold addresses.
    logger: false,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
    close: () => transport.close(),
  };
}

/** What went wrong with a delivery, for the log: an error code, never an address or the message. */
export function mailFailureCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  const code = typeof e?.code === "string" ? e.code : "unknown";
  return typeof e?.responseCode === "number" ? `${code} ${e.responseCode}` : code;
}
