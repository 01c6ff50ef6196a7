import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  clearLoginFailures,
  deleteOtherSessions,
  emailTaken,
  findClinicName,
  findLiveInvite,
  findUser,
  findUserForLogin,
  insertApiToken,
  insertClinic,
  insertInvite,
  insertLoginSession,
  insertUser,
  markInviteUsed,
  passwordHashOf,
  recentLoginFailures,
  recordLoginFailure,
  setPasswordHash,
  type UserRow,
} from "../../store/accounts.repository.js";
import { insertAudit } from "../../store/records.repository.js";
import { findRunner, insertRunner, linkRunnerAccount } from "../../store/runners.repository.js";
import type { Database } from "../../store/schema.types.js";
import type { Principal } from "../auth/principal.js";
import {
  dummyPasswordHash,
  hashPassword,
  newToken,
  tokenHash,
  verifyPassword,
} from "../auth/secrets.js";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthorizedError,
} from "../errors.js";
import { type Mailer, type MailMessage, mailFailureCode } from "../mail/mailer.js";

type Db = Kysely<Database>;

/** Failed logins allowed in the window, per account and per address. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
const INVITE_DAYS = 7;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Credentials {
  email: string;
  password: string;
  name: string;
}

async function newUser(
  db: Db,
  c: Credentials,
  role: UserRow["role"],
  clinicId: string | null,
): Promise<string> {
  if (await emailTaken(db, c.email))
    throw new ConflictError(`an account with the email ${c.email} exists already`);
  const id = randomUUID();
  await insertUser(db, {
    id,
    email: c.email,
    displayName: c.name,
    passwordHash: await hashPassword(c.password),
    role,
    clinicId,
  });
  return id;
}

/** A runner signs up alone: an account and a self-guided record that is theirs. */
export async function signUpRunner(db: Db, c: Credentials): Promise<string> {
  const userId = await newUser(db, c, "runner", null);
  await insertRunner(db, { id: randomUUID(), userId, clinicId: null, displayName: c.name });
  await insertAudit(db, { actorId: userId, action: "account.sign-up" });
  return userId;
}

/** A clinic admin creates the clinic and their own account. */
export async function createClinic(
  db: Db,
  c: Credentials & { clinicName: string },
): Promise<string> {
  const clinicId = randomUUID();
  await insertClinic(db, { id: clinicId, name: c.clinicName });
  const userId = await newUser(db, c, "clinic-admin", clinicId);
  await insertAudit(db, { actorId: userId, action: "clinic.create", clinicId });
  return userId;
}

export async function startSession(db: Db, userId: string, hours: number): Promise<NewSession> {
  const session = {
    token: newToken("hs"),
    csrfToken: newToken("hc"),
    expiresAt: new Date(Date.now() + hours * 3600_000),
  };
  await insertLoginSession(db, {
    tokenHash: tokenHash(session.token),
    userId,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  });
  return session;
}

/**
 * Checks a password, throttled per account and per address. Failures are recorded by the
 * caller in their own transaction (`recordFailedLogin`), so they count even though this fails.
 */
export async function checkLogin(
  db: Db,
  login: { email: string; password: string; address: string },
): Promise<string> {
  const failures = await recentLoginFailures(db, login.email, login.address, LOGIN_WINDOW_MINUTES);
  if (failures.account >= MAX_FAILURES_PER_ACCOUNT || failures.address >= MAX_FAILURES_PER_ADDRESS)
    throw new TooManyRequestsError(
      `too many failed logins: wait ${LOGIN_WINDOW_MINUTES} minutes and try again`,
      LOGIN_WINDOW_MINUTES * 60,
    );
  const user = await findUserForLogin(db, login.email);
  const ok = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    login.password,
  );
  if (!user || !ok) throw new UnauthorizedError("the email or the password is wrong");
  await clearLoginFailures(db, login.email, LOGIN_WINDOW_MINUTES);
  await insertAudit(db, { actorId: user.id, action: "account.login", address: login.address });
  return user.id;
}

export async function recordFailedLogin(db: Db, email: string, address: string): Promise<void> {
  await recordLoginFailure(db, email, address);
}

export async function changePassword(
  db: Db,
  principal: Principal,
  change: { currentPassword: string; newPassword: string },
): Promise<void> {
  const stored = await passwordHashOf(db, principal.id);
  if (!stored || !(await verifyPassword(stored, change.currentPassword)))
    throw new ForbiddenError("the current password is wrong");
  await setPasswordHash(db, principal.id, await hashPassword(change.newPassword));
  // Other devices signed in with the old password are signed out.
  if (principal.sessionHash) await deleteOtherSessions(db, principal.id, principal.sessionHash);
  await insertAudit(db, { actorId: principal.id, action: "account.change-password" });
}

export async function currentUser(db: Db, userId: string): Promise<UserRow> {
  const user = await findUser(db, userId);
  if (!user) throw new NotFoundError("account");
  return user;
}

/** A new invite: the link (shown to the inviter once; only its hash is kept) and its mail. */
export interface NewInvite {
  link: string;
  expiresAt: Date;
  /** The message that carries the link, when the invite names an email address. */
  message: MailMessage | null;
}

/** An invite by one-time link, for a clinician (admin only) or a runner of the clinic. */
export async function createInvite(
  db: Db,
  principal: Principal,
  invite: { role: "clinician" | "runner"; email?: string; name?: string; runnerId?: string },
  publicUrl: string,
): Promise<NewInvite> {
  if (!principal.clinicId) throw new ForbiddenError("only clinic staff may invite");
  if (invite.role === "clinician" && principal.role !== "clinic-admin")
    throw new ForbiddenError("only the clinic's admin may invite clinicians");
  if (invite.runnerId) {
    // Only a record of the inviter's own clinic, and one without an account yet.
    const runner = await findRunner(db, invite.runnerId);
    if (invite.role !== "runner" || !runner || runner.clinicId !== principal.clinicId)
      throw new NotFoundError("runner");
    if (runner.userId) throw new ConflictError("this runner has an account already");
  }
  const token = newToken("hi");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await insertInvite(db, {
    id: randomUUID(),
    tokenHash: tokenHash(token),
    clinicId: principal.clinicId,
    role: invite.role,
    email: invite.email ?? null,
    displayName: invite.name ?? null,
    runnerId: invite.runnerId ?? null,
    createdBy: principal.id,
    expiresAt,
  });
  await insertAudit(db, {
    actorId: principal.id,
    action: `invite.${invite.role}`,
    clinicId: principal.clinicId,
    runnerId: invite.runnerId ?? null,
  });
  const link = `${publicUrl}/invite/${token}`;
  const clinicName = (await findClinicName(db, principal.clinicId)) ?? "your clinic";
  const message = invite.email
    ? inviteMessage({ ...invite, email: invite.email, link, expiresAt, clinicName, principal })
    : null;
  return { link, expiresAt, message };
}

/** The invite mail: who invites, to what, the link and until when. No health data. */
function inviteMessage(m: {
  email: string;
  name?: string;
  role: "clinician" | "runner";
  link: string;
  expiresAt: Date;
  clinicName: string;
  principal: Principal;
}): MailMessage {
  const what =
    m.role === "clinician"
      ? `to join ${m.clinicName} on hipcheck as a clinician`
      : `to hipcheck, where you follow the knee and hip programme ${m.clinicName} makes for you`;
  return {
    to: m.email,
    subject: `${m.clinicName} invites you to hipcheck`,
    text: [
      `Hello${m.name ? ` ${m.name}` : ""},`,
      "",
      `${m.principal.displayName} of ${m.clinicName} invites you ${what}.`,
      "",
      `Open this link to make your account. It works once, until ${m.expiresAt.toISOString().slice(0, 10)}:`,
      m.link,
      "",
      "If you did not expect this mail, ignore it: nothing happens without the link.",
    ].join("\n"),
  };
}

/** Whether the invite's link went out by mail, in words for the inviter. */
export interface InviteMail {
  sent: boolean;
  message: string;
}

/**
 * Mails a new invite's link. A failure leaves the invite valid (it is saved before this runs)
 * and is told to the inviter; `failure` is an error code for the log, without the address.
 */
export async function mailInvite(
  mailer: Mailer | undefined,
  message: MailMessage | null,
): Promise<{ mail: InviteMail; failure?: string }> {
  const giveIt = "give the runner or colleague the link yourself";
  if (!mailer)
    return {
      mail: { sent: false, message: `mail is not set up on this server: ${giveIt}` },
    };
  if (!message)
    return { mail: { sent: false, message: `the invite names no email address: ${giveIt}` } };
  try {
    await mailer.send(message);
    return { mail: { sent: true, message: `the link was mailed to ${message.to}` } };
  } catch (error) {
    return {
      mail: {
        sent: false,
        message: `the mail could not be sent (the mail server did not take it): ${giveIt}; the invite is valid`,
      },
      failure: mailFailureCode(error),
    };
  }
}

export async function describeInvite(db: Db, token: string) {
  const invite = await findLiveInvite(db, tokenHash(token));
  if (!invite) throw new NotFoundError("invite (used, expired or never made)");
  return {
    clinicName: invite.clinicName,
    role: invite.role,
    email: invite.email,
    name: invite.displayName,
    expiresAt: invite.expiresAt,
  };
}

/** Accepts an invite once: makes the account, in the clinic, linked to its runner record. */
export async function acceptInvite(
  db: Db,
  token: string,
  c: { email?: string; password: string; name?: string },
): Promise<string> {
  const invite = await findLiveInvite(db, tokenHash(token), true);
  if (!invite) throw new NotFoundError("invite (used, expired or never made)");
  const email = invite.email ?? c.email;
  const name = c.name ?? invite.displayName;
  if (!email || !name)
    throw new ConflictError("this invite names no email or name: give both when accepting it");
  await markInviteUsed(db, invite.id);
  if (invite.role === "clinician") {
    const userId = await newUser(
      db,
      { email, password: c.password, name },
      "clinician",
      invite.clinicId,
    );
    await insertAudit(db, { actorId: userId, action: "invite.accept", clinicId: invite.clinicId });
    return userId;
  }
  const userId = await newUser(db, { email, password: c.password, name }, "runner", null);
  if (invite.runnerId) await linkRunnerAccount(db, invite.runnerId, userId);
  else
    await insertRunner(db, {
      id: randomUUID(),
      userId,
      clinicId: invite.clinicId,
      displayName: name,
    });
  await insertAudit(db, {
    actorId: userId,
    action: "invite.accept",
    clinicId: invite.clinicId,
    runnerId: invite.runnerId,
  });
  return userId;
}

export async function createApiToken(
  db: Db,
  principal: Principal,
  request: { name: string; scopes: string[] },
): Promise<{ id: string; token: string }> {
  const token = newToken("ht");
  const id = randomUUID();
  await insertApiToken(db, {
    id,
    tokenHash: tokenHash(token),
    userId: principal.id,
    name: request.name,
    scopes: request.scopes,
  });
  await insertAudit(db, { actorId: principal.id, action: "token.create", detail: { id } });
  return { id, token };
}
