import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.types.js";
import { runnerFor } from "../access.js";
import type { App } from "../app.js";
import { principalOf } from "../auth/principal.js";
import { fromCursor, pageQuery, runnerParams, toPage } from "./schemas.js";

/** Reads one page of a runner's rows, `limit` of them, after the cursor's row. */
type ListRows<T> = (
  db: Kysely<Database>,
  runnerId: string,
  limit: number,
  after?: { key: string; id: string },
) => Promise<T[]>;

/**
 * A GET of one runner's rows, newest first and paged by cursor: the record's authorisation
 * (another's runner answers 404) and audit under `action`, then one page of `list`.
 */
export function runnerListRoute<T extends { sortKey: string; id: string | number }>(
  app: App,
  route: { url: string; tag: string; summary: string; action: string; list: ListRows<T> },
): void {
  app.get(
    route.url,
    {
      config: { access: "signed-in" },
      schema: {
        tags: [route.tag],
        summary: route.summary,
        params: runnerParams,
        querystring: pageQuery,
      },
    },
    async (request) =>
      app.tx(async (trx) => {
        const { runnerId } = request.params;
        await runnerFor(trx, principalOf(request), runnerId, {
          action: route.action,
          address: request.ip,
        });
        const { limit, cursor } = request.query;
        return toPage(await route.list(trx, runnerId, limit + 1, fromCursor(cursor)), limit);
      }),
  );
}
