import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../core/errors.js";
import type { Store } from "../store/database.js";
import { testDatabases } from "../store/test-support/test-databases.js";
import type { App } from "./app.js";
import { serverConfigFromEnv } from "./config.js";
import { smtpMailer } from "./mail/mailer.js";
import { mailInvite } from "./services/accounts.service.js";
import {
  Client,
  newClinic,
  TEST_PASSWORD,
  testApp,
  uniqueEmail,
} from "./test-support/test-server.js";

const SMTP_USER = "hipcheck-mailer";
const SMTP_PASSWORD = "mail-secret-42";
const FROM = "Riverside Physio <hipcheck@riverside.example>";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a loopback port that keeps what it is sent, or refuses every recipient. */
async function startMailServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    // Plain-text AUTH is fine on the loopback address of a test.
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        done(null, { user: SMTP_USER });
      else done(new Error("invalid username or password"));
    },
    onRcptTo(_address, _session, done) {
      if (!state.refuse) return done();
      done(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    state,
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message text with quoted-printable soft line breaks joined, as a mail program shows it. */
const readable = (raw: string) => raw.replace(/=\r?\n/g, "");

function configProblems(env: NodeJS.ProcessEnv): { path: string; message: string }[] {
  try {
    serverConfigFromEnv(env);
  } catch (error) {
    if (error instanceof InputError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("mail configuration", () => {
  it("takes both variables together, and neither", () => {
    expect(serverConfigFromEnv({}).mail).toBeUndefined();
    const config = serverConfigFromEnv({
      HIPCHECK_SMTP_URL: "smtps://u:p@mail.example.com:465",
      HIPCHECK_MAIL_FROM: FROM,
    });
    expect(config.mail).toEqual({ smtpUrl: "smtps://u:p@mail.example.com:465", from: FROM });
  });

  it("stops the start naming the variable, and never shows the URL's password", () => {
    expect(configProblems({ HIPCHECK_MAIL_FROM: FROM })).toEqual([
      { path: "HIPCHECK_SMTP_URL", message: expect.stringMatching(/must be set too/) },
    ]);
    expect(configProblems({ HIPCHECK_SMTP_URL: "smtp://mail.example.com" })).toEqual([
      { path: "HIPCHECK_MAIL_FROM", message: expect.stringMatching(/must be set too/) },
    ]);
    const bad = configProblems({
      HIPCHECK_SMTP_URL: "https://user:hunter2-secret@mail.example.com",
      HIPCHECK_MAIL_FROM: "not an address",
    });
    expect(bad.map((p) => p.path)).toEqual(["HIPCHECK_SMTP_URL", "HIPCHECK_MAIL_FROM"]);
    expect(bad[0]?.message).toMatch(/must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(JSON.stringify(bad)).not.toContain("hunter2");
    expect(bad[1]?.message).toMatch(/must be an email address .* got "not an address"/);
    expect(
      configProblems({ HIPCHECK_SMTP_URL: "smtp://", HIPCHECK_MAIL_FROM: FROM }).map((p) => p.path),
    ).toEqual(["HIPCHECK_SMTP_URL"]);
  });
});

describe.each(testDatabases())("invites by mail on $name", (database) => {
  let store: Store;
  let app: App;
  let admin: Client;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  beforeAll(async () => {
    mail = await startMailServer();
    store = await database.open();
    app = await testApp(store, { HIPCHECK_SMTP_URL: mail.url, HIPCHECK_MAIL_FROM: FROM });
    admin = await newClinic(app, "Riverside Physio");
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await mail?.close();
  });
  beforeEach(() => {
    mail.received.length = 0;
    mail.state.refuse = false;
  });

  const accept = async (link: string) => {
    const client = new Client(app);
    const token = link.split("/invite/")[1];
    return client.post(`/api/invites/${token}/accept`, { password: TEST_PASSWORD });
  };

  it("mails the one-time link to the invitee and still shows it to the inviter", async () => {
    const email = uniqueEmail("sam");
    const reply = await admin.post("/api/invites", { role: "runner", email, name: "Sam" });
    expect(reply.status).toBe(201);
    expect(reply.body.link).toMatch(/\/invite\/hi_/);
    expect(reply.body.mail).toEqual({ sent: true, message: `the link was mailed to ${email}` });
    expect(mail.received).toHaveLength(1);
    const [message] = mail.received;
    expect(message?.to).toEqual([email]);
    expect(message?.from).toBe("hipcheck@riverside.example");
    const text = readable(message?.raw ?? "");
    expect(text).toContain(reply.body.link);
    expect(text).toMatch(/Subject: Riverside Physio invites you to hipcheck/);
    expect(text).toContain("Hello Sam,");
    expect((await accept(reply.body.link)).status).toBe(201);
  });

  it("keeps the invite valid and says so when the mail server refuses the message", async () => {
    mail.state.refuse = true;
    const reply = await admin.post("/api/invites", {
      role: "clinician",
      email: uniqueEmail("kim"),
      name: "Kim",
    });
    expect(reply.status).toBe(201);
    expect(reply.body.mail.sent).toBe(false);
    expect(reply.body.mail.message).toMatch(
      /the mail could not be sent .*give the runner or colleague the link yourself; the invite is valid/,
    );
    expect(JSON.stringify(reply.body)).not.toMatch(/stack|550|mailbox/);
    expect(mail.received).toHaveLength(0);
    const accepted = await accept(reply.body.link);
    expect(accepted.status).toBe(201);
    expect(accepted.body.user.role).toBe("clinician");
  });

  it("says no mail went out when the invite names no email address", async () => {
    const reply = await admin.post("/api/invites", { role: "runner", name: "No Mail" });
    expect(reply.status).toBe(201);
    expect(reply.body.mail).toEqual({
      sent: false,
      message: "the invite names no email address: give the runner or colleague the link yourself",
    });
    expect(mail.received).toHaveLength(0);
  });

  it("gives the log an error code only, for a refusal and for a server that is not there", async () => {
    mail.state.refuse = true;
    const message = { to: "sam@example.com", subject: "Invite", text: "a link" };
    const refusing = smtpMailer({ smtpUrl: mail.url, from: FROM });
    const refused = await mailInvite(refusing, message);
    refusing.close();
    expect(refused.failure).toBe("EENVELOPE 550");
    const absent = smtpMailer({ smtpUrl: "smtp://127.0.0.1:1", from: FROM });
    const unreachable = await mailInvite(absent, message);
    absent.close();
    expect(unreachable.failure).toBe("ESOCKET");
    expect(unreachable.mail.sent).toBe(false);
  });

  it("tells the inviter that mail is not set up on a server without it", async () => {
    const plain = await testApp(store);
    try {
      const other = await newClinic(plain, "No Mail Clinic");
      const reply = await other.post("/api/invites", { role: "runner", email: uniqueEmail("x") });
      expect(reply.status).toBe(201);
      expect(reply.body.mail.sent).toBe(false);
      expect(reply.body.mail.message).toMatch(/mail is not set up on this server/);
      expect(mail.received).toHaveLength(0);
    } finally {
      await plain.close();
    }
  });
});
