import { Worker } from "node:worker_threads";
import type {
  Call,
  Reply,
  ThreadData,
  ThreadError,
  ThreadResult,
} from "./pglite-thread-protocol.js";
import { parseJsonColumns } from "./value-parsers.js";

const fromSource = import.meta.url.endsWith(".ts");

/** A database error from the PGlite thread, with PostgreSQL's fields (code, constraint …). */
export class PgliteError extends Error {
  constructor(message: string, fields: Record<string, string>) {
    super(message);
    this.name = "PgliteError";
    Object.assign(this, fields);
  }
}

/** A call as its sender writes it; the id is added when it is sent. */
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
type CallBody = WithoutId<Call>;

/**
 * PGlite in a thread of its own. PostgreSQL in WebAssembly runs every statement on the thread
 * that holds it; there, it leaves the server's thread free to parse requests, check them, run
 * the core and write answers while a statement runs, so two cores share the work.
 */
export class PgliteThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<
    number,
    { resolve: (r: ThreadResult) => void; reject: (e: Error) => void }
  >();
  #next = 0;
  #gone: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on("message", (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if ("error" in reply)
        waiting.reject(new PgliteError(reply.error.message, reply.error.fields));
      else {
        parseJsonColumns(reply.result.rows, reply.result.fields);
        waiting.resolve(reply.result);
      }
    });
    const fail = (error: Error) => {
      this.#gone = error;
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));
  }

  /** Starts the thread and opens the database in it (in memory when no folder is given). */
  static async start(data: ThreadData): Promise<PgliteThread> {
    const url = new URL(`./pglite-thread-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
    // Run from source (tests, scripts), the thread first registers tsx to load TypeScript.
    const worker = fromSource
      ? new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true, workerData: data },
        )
      : new Worker(url, { workerData: data, execArgv: [] });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: true; failed?: ThreadError }) => {
        if (message.ready) resolve();
        else if (message.failed)
          reject(new PgliteError(message.failed.message, message.failed.fields));
        else return;
        worker.off("message", onMessage);
        worker.off("error", reject);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", (code) =>
        reject(new Error(`the database thread stopped while opening (exit code ${code})`)),
      );
    }).catch(async (error) => {
      await worker.terminate();
      throw error;
    });
    return new PgliteThread(worker);
  }

  query(sql: string, params: readonly unknown[]): Promise<ThreadResult> {
    return this.#call({ kind: "query", sql, params });
  }

  simple(sql: string): Promise<ThreadResult> {
    return this.#call({ kind: "simple", sql });
  }

  /** Closes the database (so its files are consistent) and ends the thread. */
  async close(): Promise<void> {
    if (!this.#gone) await this.#call({ kind: "close" }).catch(() => {});
    await this.#worker.terminate();
  }

  #call(body: CallBody): Promise<ThreadResult> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...body } as Call);
    });
  }
}
