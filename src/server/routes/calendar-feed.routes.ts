import { z } from "zod";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import {
  calendarFeed,
  calendarFeedStatus,
  createCalendarFeed,
  revokeCalendarFeed,
} from "../services/calendar-feeds.service.js";
import { runnerParams } from "./schemas.js";

export function calendarFeedRoutes(app: App): void {
  app.post(
    "/api/runners/:runnerId/calendar-feed",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["calendar feed"],
        summary:
          "Make the runner's private calendar link (replaces the earlier one); the link is shown only in this answer",
        params: runnerParams,
      },
    },
    async (request, reply) => {
      const feed = await app.tx((trx) =>
        createCalendarFeed(trx, principalOf(request), request.params.runnerId, request.ip),
      );
      return reply
        .status(201)
        .header("cache-control", "no-store")
        .send({ ...feed, url: `${app.config.publicUrl}${feed.path}` });
    },
  );

  app.get(
    "/api/runners/:runnerId/calendar-feed",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["calendar feed"],
        summary: "Whether the runner has a calendar link, since when and made by whom",
        params: runnerParams,
      },
    },
    async (request) =>
      app.tx((trx) =>
        calendarFeedStatus(trx, principalOf(request), request.params.runnerId, request.ip),
      ),
  );

  app.delete(
    "/api/runners/:runnerId/calendar-feed",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["calendar feed"],
        summary: "Revoke the runner's calendar link: it answers 404 from now on",
        params: runnerParams,
      },
    },
    async (request, reply) => {
      await app.tx((trx) =>
        revokeCalendarFeed(trx, principalOf(request), request.params.runnerId, request.ip),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/calendar/:token.ics",
    {
      // The secret in the address is the credential: phone calendars send no cookie.
      config: { access: "public" },
      schema: {
        tags: ["calendar feed"],
        summary:
          "The runner's current programme as an iCalendar feed, for a phone's calendar to subscribe to (404 for an unknown or revoked link)",
        params: z.strictObject({ token: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const ics = await app.tx((trx) => calendarFeed(trx, request.params.token));
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "no-store")
        .header("x-robots-tag", "noindex")
        .send(ics);
    },
  );
}
