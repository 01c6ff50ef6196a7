import "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { findSessionUser, findTokenUser, type UserRow } from "../../store/accounts.repository.js";
import type { Database } from "../../store/schema.types.js";
import { ForbiddenError, UnauthorizedError } from "../errors.js";
import { sameSecret, tokenHash } from "./secrets.js";

export const SESSION_COOKIE = "hipcheck_session";
export const CSRF_HEADER = "x-csrf-token";

/** Who is asking: a signed-in user, through a login session (cookie) or an API token. */
export interface Principal extends UserRow {
  via: "session" | "token";
  /** Hash of the login session's token, for logout. */
  sessionHash?: string;
  csrfToken?: string;
  scopes: string[];
}

/** What a route needs: nothing, any signed-in user, clinic staff, or the clinic's admin. */
export type Access = "public" | "signed-in" | "staff" | "clinic-admin";

export const API_SCOPES = ["read", "write"] as const;

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Finds the principal from the session cookie or a bearer token. A write through a session
 * must carry the session's CSRF token in a header (a page on another site cannot read it);
 * a write through a token needs the token's "write" scope.
 */
export async function authenticate(db: Kysely<Database>, request: FastifyRequest): Promise<void> {
  request.principal = null;
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const user = await findTokenUser(db, tokenHash(header.slice(7).trim()));
    if (!user) throw new UnauthorizedError("the API token is unknown or revoked");
    request.principal = { ...user, via: "token" };
    if (!SAFE_METHODS.has(request.method) && !user.scopes.includes("write"))
      throw new ForbiddenError('this API token may only read: it lacks the "write" scope');
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const hash = tokenHash(cookie);
  const user = await findSessionUser(db, hash);
  if (!user) return;
  const { csrfToken, ...rest } = user;
  request.principal = {
    ...rest,
    via: "session",
    sessionHash: hash,
    csrfToken,
    scopes: ["read", "write"],
  };
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== "string" || !sameSecret(sent, csrfToken))
      throw new ForbiddenError(
        `a write needs the ${CSRF_HEADER} header with the token from GET /api/session`,
      );
  }
}

/** Checks a route's access level before its handler runs. */
export function requireAccess(access: Access, request: FastifyRequest): void {
  if (access === "public") return;
  const principal = request.principal;
  if (!principal) throw new UnauthorizedError();
  if (access === "staff" && principal.role === "runner")
    throw new ForbiddenError("only clinic staff may do this");
  if (access === "clinic-admin" && principal.role !== "clinic-admin")
    throw new ForbiddenError("only the clinic's admin may do this");
}

/** The signed-in principal of a route whose access level is not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: options.secure,
    path: "/",
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
