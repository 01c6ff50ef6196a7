import pg from "pg";

/** Distinct statements the app writes stay far below this; past it, a statement is not named. */
const MAX_NAMED = 1000;
// "cached plan must not change result type": a table under a prepared `SELECT *` has changed.
const PLAN_CHANGED = "0A000";

const names = new Map<string, string>();
let named = 0;

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED) return known;
  const name = `hipcheck_${++named}`;
  names.set(text, name);
  return name;
}

/**
 * A connection that prepares each parameterised statement once, by name, and then only binds
 * and runs it: PostgreSQL parses and plans a statement once per connection instead of at every
 * call (node-postgres remembers on each connection which names it has prepared). A statement
 * broken by a schema change gets a new name, so every connection prepares it again.
 */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: node-postgres's query() has many overloads.
  override query(config: any, values?: any, callback?: any): any {
    const name =
      typeof config === "string" && Array.isArray(values) && values.length > 0
        ? nameOf(config)
        : undefined;
    if (!name || callback) return super.query(config, values, callback);
    return (super.query({ name, text: config, values }) as Promise<pg.QueryResult>).catch(
      (error: { code?: string }) => {
        if (error.code === PLAN_CHANGED && names.get(config) === name) {
          names.set(config, `hipcheck_${++named}`);
        }
        throw error;
      },
    );
  }
}
