import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Passwords with argon2id; session, API and invite tokens from the system's random source. */

/**
 * 32 random bytes, base64url, with a prefix that says what the token is for: login session,
 * API token, invite, CSRF, calendar feed.
 */
export function newToken(prefix: "hs" | "ht" | "hi" | "hc" | "hf"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Tokens are stored only as SHA-256: enough for 256-bit random values, and fast to look up. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hash("no account has this password");
  return dummy;
}
