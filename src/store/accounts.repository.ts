import { type Kysely, sql } from "kysely";
import type { Database, Role } from "./schema.types.js";

/** Accounts, login sessions, API tokens, invites and login failures. Tokens are stored as hashes. */

type Db = Kysely<Database>;

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  clinicId: string | null;
  /** The runner record of a runner account. */
  runnerId: string | null;
}

const userColumns = [
  "users.id",
  "users.email",
  "users.display_name as displayName",
  "users.role",
  "users.clinic_id as clinicId",
  "runners.id as runnerId",
] as const;

export async function insertClinic(db: Db, clinic: { id: string; name: string }): Promise<void> {
  await db.insertInto("clinics").values(clinic).execute();
}

export async function listClinics(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom("clinics").select(["id", "name"]).orderBy("name").limit(500).execute();
}

export async function findClinicName(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom("clinics").select("name").where("id", "=", id).executeTakeFirst();
  return row?.name;
}

export async function insertUser(
  db: Db,
  user: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    clinicId: string | null;
  },
): Promise<void> {
  await db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      clinic_id: user.clinicId,
    })
    .execute();
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function findUserForLogin(
  db: Db,
  email: string,
): Promise<{ id: string; passwordHash: string } | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "password_hash as passwordHash"])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .leftJoin("runners", "runners.user_id", "users.id")
    .select(userColumns)
    .where("users.id", "=", id)
    .executeTakeFirst();
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.password_hash;
}

export async function setPasswordHash(db: Db, userId: string, hash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).execute();
}

export async function insertLoginSession(
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  // The user's expired sessions go as a new one starts, so the table does not grow forever.
  await db
    .deleteFrom("login_sessions")
    .where("user_id", "=", session.userId)
    .where("expires_at", "<=", sql<Date>`now()`)
    .execute();
  await db
    .insertInto("login_sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/** The user behind a live login session, with the session's CSRF token. */
export async function findSessionUser(
  db: Db,
  tokenHash: string,
): Promise<(UserRow & { csrfToken: string }) | undefined> {
  return db
    .selectFrom("login_sessions")
    .innerJoin("users", "users.id", "login_sessions.user_id")
    .leftJoin("runners", "runners.user_id", "users.id")
    .select([...userColumns, "login_sessions.csrf_token as csrfToken"])
    .where("login_sessions.token_hash", "=", tokenHash)
    .where("login_sessions.expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
}

export async function deleteLoginSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("login_sessions").where("token_hash", "=", tokenHash).execute();
}

/** Ends every session of a user but one (after a password change). */
export async function deleteOtherSessions(db: Db, userId: string, keep: string): Promise<void> {
  await db
    .deleteFrom("login_sessions")
    .where("user_id", "=", userId)
    .where("token_hash", "!=", keep)
    .execute();
}

export async function insertApiToken(
  db: Db,
  token: { id: string; tokenHash: string; userId: string; name: string; scopes: string[] },
): Promise<void> {
  await db
    .insertInto("api_tokens")
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      user_id: token.userId,
      name: token.name,
      scopes: token.scopes,
    })
    .execute();
}

export async function findTokenUser(
  db: Db,
  tokenHash: string,
): Promise<(UserRow & { scopes: string[] }) | undefined> {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .leftJoin("runners", "runners.user_id", "users.id")
    .select([...userColumns, "api_tokens.scopes"])
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("api_tokens.revoked_at", "is", null)
    .executeTakeFirst();
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "scopes", "created_at as createdAt", "revoked_at as revokedAt"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .limit(200)
    .execute();
}

/** Revokes a token of this user; false when the user has no such live token. */
export async function revokeApiToken(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertInvite(
  db: Db,
  invite: {
    id: string;
    tokenHash: string;
    clinicId: string;
    role: "clinician" | "runner";
    email: string | null;
    displayName: string | null;
    runnerId: string | null;
    createdBy: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto("invites")
    .values({
      id: invite.id,
      token_hash: invite.tokenHash,
      clinic_id: invite.clinicId,
      role: invite.role,
      email: invite.email,
      display_name: invite.displayName,
      runner_id: invite.runnerId,
      created_by: invite.createdBy,
      expires_at: invite.expiresAt.toISOString(),
    })
    .execute();
}

/** A live (unused, unexpired) invite, locked for the accepting transaction. */
export async function findLiveInvite(db: Db, tokenHash: string, lock = false) {
  let query = db
    .selectFrom("invites")
    .innerJoin("clinics", "clinics.id", "invites.clinic_id")
    .select([
      "invites.id",
      "invites.clinic_id as clinicId",
      "clinics.name as clinicName",
      "invites.role",
      "invites.email",
      "invites.display_name as displayName",
      "invites.runner_id as runnerId",
      "invites.expires_at as expiresAt",
    ])
    .where("invites.token_hash", "=", tokenHash)
    .where("invites.used_at", "is", null)
    .where("invites.expires_at", ">", sql<Date>`now()`);
  if (lock) query = query.forUpdate("invites");
  return query.executeTakeFirst();
}

export async function markInviteUsed(db: Db, id: string): Promise<void> {
  await db.updateTable("invites").set({ used_at: sql<Date>`now()` }).where("id", "=", id).execute();
}

export async function recordLoginFailure(db: Db, account: string, address: string): Promise<void> {
  await db
    .insertInto("login_failures")
    .values({ account: account.toLowerCase(), address })
    .execute();
}

/** Failed logins in the last `minutes`, for this account and from this address. */
export async function recentLoginFailures(
  db: Db,
  account: string,
  address: string,
  minutes: number,
): Promise<{ account: number; address: number }> {
  const since = sql<Date>`now() - make_interval(mins => ${minutes})`;
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("login_failures")
        .select(eb.fn.countAll<number>().as("n"))
        .where("account", "=", account.toLowerCase())
        .where("at", ">", since)
        .as("account"),
      eb
        .selectFrom("login_failures")
        .select(eb.fn.countAll<number>().as("n"))
        .where("address", "=", address)
        .where("at", ">", since)
        .as("address"),
    ])
    .executeTakeFirstOrThrow();
  return { account: Number(row.account), address: Number(row.address) };
}

/** Forgets an account's failures (after a good login) and everyone's older than `minutes`. */
export async function clearLoginFailures(db: Db, account: string, minutes: number): Promise<void> {
  await db
    .deleteFrom("login_failures")
    .where((eb) =>
      eb.or([
        eb("account", "=", account.toLowerCase()),
        eb("at", "<", sql<Date>`now() - make_interval(mins => ${minutes})`),
      ]),
    )
    .execute();
}
