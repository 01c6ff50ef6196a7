import { openStore, type StoreConfig } from "../store/database.js";
import { scheduleVacuum } from "../store/maintenance.js";
import { buildApp } from "./app.js";
import type { ServerConfig } from "./config.js";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from "./demo/demo-seed.js";
import { todayUtc } from "./services/dates.js";
import { closeOnSignals } from "./shutdown.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the store (migrating it), optionally seeds the demo on an empty database, and listens.
 * SIGTERM and SIGINT close gracefully: no new connections, requests in flight finish, then the
 * database closes.
 */
export async function serve(options: {
  store: StoreConfig;
  config: ServerConfig;
  demo: boolean;
  print: (line: string) => void;
}): Promise<RunningServer> {
  const store = await openStore(options.store);
  let seeded = false;
  if (options.demo && (await isEmpty(store.db))) {
    await store.db.transaction().execute((trx) => seedDemo(trx, todayUtc()));
    seeded = true;
  }
  const app = await buildApp({ store, config: options.config });
  const vacuum = scheduleVacuum(store);
  await app.listen({ host: options.config.host, port: options.config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.config.port;
  const url = `http://${options.config.host === "127.0.0.1" ? "localhost" : options.config.host}:${port}`;
  const where =
    options.store.kind === "pglite"
      ? `PGlite in ${options.store.dataDir ?? "memory"}`
      : "PostgreSQL (DATABASE_URL)";
  options.print(`hipcheck is serving ${url} on ${where}`);
  options.print(`API documentation: ${url}/api/docs`);
  if (options.demo) {
    options.print(
      `${seeded ? "Demo data created. " : ""}Demo logins, password "${DEMO_PASSWORD}":`,
    );
    for (const login of DEMO_LOGINS) options.print(`  ${login.email.padEnd(28)} ${login.role}`);
  }
  const close = closeOnSignals(async () => {
    // Node closes idle keep-alive connections once, when closing starts; a connection whose
    // request was still running then becomes idle later and would hold the exit for 72 s.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    await app.close();
    clearInterval(sweep);
    await vacuum.stop();
    await store.close();
  });
  return { url, close };
}
