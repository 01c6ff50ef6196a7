/** One reading of values on both engines: dates stay `YYYY-MM-DD`, bigint counts and ids are numbers. */
export const DATE_OID = 1082;
export const INT8_OID = 20;
export const keepText = (value: string): string => value;
export const parseInt8 = (value: string): number => Number(value);

export const JSON_OID = 114;
export const JSONB_OID = 3802;

/**
 * PGlite's parsers, in its thread: those types, and JSON left as text. JSON is parsed on the
 * server's thread (`parseJsonColumns`), which keeps the database thread for the database, and a
 * string crosses between threads far cheaper than the objects made of it.
 */
export const PGLITE_PARSERS = {
  [DATE_OID]: keepText,
  [INT8_OID]: parseInt8,
  [JSON_OID]: keepText,
  [JSONB_OID]: keepText,
};

/** Parses, in place, the JSON columns of rows that PGlite's thread sent as text. */
export function parseJsonColumns(
  rows: Record<string, unknown>[],
  fields: readonly { name: string; dataTypeID: number }[],
): void {
  const json = fields.filter((f) => f.dataTypeID === JSON_OID || f.dataTypeID === JSONB_OID);
  if (json.length === 0) return;
  for (const row of rows) {
    for (const { name } of json) {
      const value = row[name];
      if (typeof value === "string") row[name] = JSON.parse(value);
    }
  }
}
