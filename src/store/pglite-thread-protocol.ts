/** What the PGlite thread and the server's thread say to each other. */

export interface ThreadData {
  /** The data folder, or none for a database in memory (tests). */
  dataDir?: string;
}

export type Call =
  | { id: number; kind: "query"; sql: string; params: readonly unknown[] }
  | { id: number; kind: "simple"; sql: string }
  | { id: number; kind: "close" };

export interface ThreadResult {
  rows: Record<string, unknown>[];
  /** The columns and their types (JSON columns arrive as text, see value-parsers.ts). */
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/** An error as it crosses threads: its message and PostgreSQL's fields (code, constraint …). */
export interface ThreadError {
  message: string;
  fields: Record<string, string>;
}

export type Reply = { id: number; result: ThreadResult } | { id: number; error: ThreadError };
