import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PreparedStatements } from "./pglite-statements.js";
import type { Call, Reply, ThreadData, ThreadError } from "./pglite-thread-protocol.js";
import { PGLITE_PARSERS } from "./value-parsers.js";

/** The PGlite thread: owns the database and runs the calls it is sent, one at a time, in order. */
const { dataDir } = workerData as ThreadData;
const port = parentPort!;

try {
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: PGLITE_PARSERS });
  const statements = new PreparedStatements(pglite);
  // Calls are answered in the order they come: PGlite runs one statement at a time anyway.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (call: Call) => {
    queue = queue.then(() => answer(call));
  });
  async function answer(call: Call): Promise<void> {
    let reply: Reply;
    try {
      if (call.kind === "close") {
        await pglite.close();
        reply = { id: call.id, result: { rows: [], fields: [] } };
      } else {
        const result =
          call.kind === "simple"
            ? await statements.simple(call.sql)
            : await statements.query(call.sql, call.params);
        reply = {
          id: call.id,
          result: {
            rows: result.rows as Record<string, unknown>[],
            fields: result.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
            ...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}),
          },
        };
      }
    } catch (error) {
      reply = { id: call.id, error: describeError(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A value that cannot cross threads: the caller gets the error, and the next calls run.
      port.postMessage({ id: call.id, error: describeError(error) } satisfies Reply);
    }
  }
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ failed: describeError(error) });
}

function describeError(error: unknown): ThreadError {
  const e = error as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const key of ["code", "detail", "hint", "severity", "constraint", "table", "column"]) {
    if (typeof e?.[key] === "string") fields[key] = e[key] as string;
  }
  return { message: error instanceof Error ? error.message : String(error), fields };
}
