/** One reading of values on both engines: dates stay `YYYY-MM-DD`, bigint counts and ids are numbers. */
export const DATE_OID = 1082;
export const INT8_OID = 20;
export const keepText = (value: string): string => value;
export const parseInt8 = (value: string): number => Number(value);

/** PGlite's parsers for those types. */
export const PGLITE_PARSERS = { [DATE_OID]: keepText, [INT8_OID]: parseInt8 };
