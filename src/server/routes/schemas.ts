import { z } from "zod";
import { InputError } from "../../core/errors.js";

/** Request pieces shared by the routes. Bodies are strict: an unknown field is an error. */

export const email = z
  .email({ error: "must be an email address such as ana@example.com" })
  .max(200);
export const password = z
  .string({ error: "must be text" })
  .min(10, { error: "must be at least 10 characters" })
  .max(200, { error: "must be at most 200 characters" });
export const personName = z
  .string({ error: "must be text" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(120, { error: "must be at most 120 characters" });
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written YYYY-MM-DD" });

export const idParam = <K extends string>(name: K) =>
  z.strictObject({ [name]: z.uuid({ error: "must be an id (a UUID)" }) } as Record<K, z.ZodUUID>);
export const runnerParams = z.strictObject({
  runnerId: z.uuid({ error: "must be a runner id (a UUID)" }),
});

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

export const pageQuery = z.strictObject({
  cursor: z.string().max(300).optional(),
  limit: z.coerce
    .number()
    .int({ error: "must be a whole number" })
    .min(1, { error: `must be from 1 to ${MAX_PAGE}` })
    .max(MAX_PAGE, { error: `must be from 1 to ${MAX_PAGE}` })
    .default(DEFAULT_PAGE),
});

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** Reads a cursor made by `toPage`: the sort key and id of the last row of the previous page. */
export function fromCursor(cursor: string | undefined): { key: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "string")
      return { key: value[0], id: value[1] };
  } catch {}
  throw new InputError([{ path: "cursor", message: "is not a cursor this server handed out" }]);
}

/** Rows fetched with `limit + 1` → one page and the cursor to the next; sortKey is dropped. */
export function toPage<T extends { sortKey: string; id: string | number }>(
  rows: T[],
  limit: number,
): Page<Omit<T, "sortKey">> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify([last.sortKey, String(last.id)])).toString("base64url")
      : null;
  return { items: items.map(({ sortKey: _, ...rest }) => rest), nextCursor };
}
