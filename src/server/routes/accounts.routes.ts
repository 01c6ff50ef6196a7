import { z } from "zod";
import {
  deleteLoginSession,
  listApiTokens,
  listClinics,
  revokeApiToken,
} from "../../store/accounts.repository.js";
import type { App } from "../app.js";
import {
  API_SCOPES,
  clearSessionCookie,
  principalOf,
  setSessionCookie,
} from "../auth/principal.js";
import { NotFoundError, UnauthorizedError } from "../errors.js";
import {
  acceptInvite,
  changePassword,
  checkLogin,
  createApiToken,
  createClinic,
  createInvite,
  currentUser,
  mailInvite,
  recordFailedLogin,
  signUpRunner,
  startSession,
} from "../services/accounts.service.js";
import { email, idParam, password, personName } from "./schemas.js";

const credentials = z.strictObject({ email, password, name: personName });
const inviteToken = z.strictObject({ token: z.string().min(10).max(100) });

export function accountRoutes(app: App): void {
  /** Signs the new user in: a session cookie and the CSRF token for writes. */
  const signIn = async (userId: string, reply: import("fastify").FastifyReply) => {
    const session = await app.tx((trx) => startSession(trx, userId, app.config.sessionHours));
    setSessionCookie(reply, session.token, {
      secure: app.config.secureCookies,
      maxAgeSeconds: app.config.sessionHours * 3600,
    });
    const user = await currentUser(app.store.db, userId);
    return { user, csrfToken: session.csrfToken };
  };

  app.post(
    "/api/accounts/runner",
    {
      config: { access: "public" },
      schema: { tags: ["accounts"], summary: "A runner signs up alone", body: credentials },
    },
    async (request, reply) => {
      const userId = await app.tx((trx) => signUpRunner(trx, request.body));
      return reply.status(201).send(await signIn(userId, reply));
    },
  );

  app.post(
    "/api/accounts/clinic",
    {
      config: { access: "public" },
      schema: {
        tags: ["accounts"],
        summary: "Create a clinic and its admin account",
        body: credentials.extend({ clinicName: personName }),
      },
    },
    async (request, reply) => {
      const userId = await app.tx((trx) => createClinic(trx, request.body));
      return reply.status(201).send(await signIn(userId, reply));
    },
  );

  app.post(
    "/api/session",
    {
      config: { access: "public" },
      schema: {
        tags: ["accounts"],
        summary: "Log in (throttled per account and per address)",
        body: z.strictObject({ email, password: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const login = { ...request.body, address: request.ip };
      let userId: string;
      try {
        userId = await app.tx((trx) => checkLogin(trx, login));
      } catch (error) {
        if (error instanceof UnauthorizedError)
          await app.tx((trx) => recordFailedLogin(trx, login.email, login.address));
        throw error;
      }
      return signIn(userId, reply);
    },
  );

  app.get(
    "/api/session",
    {
      config: { access: "signed-in" },
      schema: { tags: ["accounts"], summary: "Who is signed in, and the CSRF token for writes" },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await currentUser(app.store.db, principal.id);
      return { user, csrfToken: principal.csrfToken ?? null, via: principal.via };
    },
  );

  app.delete(
    "/api/session",
    { config: { access: "signed-in" }, schema: { tags: ["accounts"], summary: "Log out" } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.sessionHash) {
        const hash = principal.sessionHash;
        await app.tx((trx) => deleteLoginSession(trx, hash));
      }
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.put(
    "/api/session/password",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["accounts"],
        summary: "Change password (signs out other sessions)",
        body: z.strictObject({ currentPassword: z.string().max(200), newPassword: password }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await app.tx((trx) => changePassword(trx, principal, request.body));
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/invites",
    {
      config: { access: "staff" },
      schema: {
        tags: ["accounts"],
        summary:
          "Invite a clinician (admin) or a runner by a one-time link; mailed to `email` when the server has mail set up",
        body: z.strictObject({
          role: z.enum(["clinician", "runner"]),
          email: email.optional(),
          name: personName.optional(),
          runnerId: z.uuid({ error: "must be a runner id (a UUID)" }).optional(),
        }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { message, ...invite } = await app.tx((trx) =>
        createInvite(trx, principal, request.body, app.config.publicUrl),
      );
      // Mailed after the invite is saved: a mail server's trouble never loses the invite.
      const { mail, failure } = await mailInvite(app.mailer, message);
      if (failure) request.log.warn({ mailFailure: failure }, "invite mail not sent");
      return reply.status(201).send({ ...invite, mail });
    },
  );

  app.post(
    "/api/invites/:token/accept",
    {
      config: { access: "public" },
      schema: {
        tags: ["accounts"],
        summary: "Accept an invite: make the account and sign in",
        params: inviteToken,
        body: z.strictObject({ email: email.optional(), password, name: personName.optional() }),
      },
    },
    async (request, reply) => {
      const userId = await app.tx((trx) => acceptInvite(trx, request.params.token, request.body));
      return reply.status(201).send(await signIn(userId, reply));
    },
  );

  app.get(
    "/api/clinics",
    {
      config: { access: "signed-in" },
      schema: { tags: ["sharing"], summary: "Clinics a runner can share their record with" },
    },
    async () => ({ items: await listClinics(app.store.db) }),
  );

  app.post(
    "/api/tokens",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["accounts"],
        summary: "Create an API token (shown once)",
        body: z.strictObject({
          name: personName,
          scopes: z.array(z.enum(API_SCOPES)).min(1, { error: "give at least one scope" }),
        }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const token = await app.tx((trx) => createApiToken(trx, principal, request.body));
      return reply.status(201).send(token);
    },
  );

  app.get(
    "/api/tokens",
    { config: { access: "signed-in" }, schema: { tags: ["accounts"], summary: "Your API tokens" } },
    async (request) => ({ items: await listApiTokens(app.store.db, principalOf(request).id) }),
  );

  app.delete(
    "/api/tokens/:tokenId",
    {
      config: { access: "signed-in" },
      schema: { tags: ["accounts"], summary: "Revoke an API token", params: idParam("tokenId") },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { tokenId } = request.params;
      const revoked = await app.tx((trx) => revokeApiToken(trx, principal.id, tokenId));
      if (!revoked) throw new NotFoundError("API token");
      return reply.status(204).send();
    },
  );
}
