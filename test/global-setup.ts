// Vitest global setup: a real PostgreSQL (DATABASE_URL, else the embedded one) with a fresh throwaway
// database, migrated, and a Next.js server on it for the HTTP integration tests. Workers inherit
// DATABASE_URL and TEST_BASE_URL through the environment.
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from '../scripts/local-db';

const PORT = Number(process.env.TEST_PORT ?? 3100);

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`test server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`test server did not answer within ${timeoutMs} ms`);
}

export default async function setup() {
  const database = await resolveDatabase(`health_test_${process.pid}`, { fresh: true });
  await migrateUp(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await syncHealthTypeCatalogue(client).finally(() => client.end());
  process.env.DATABASE_URL = database.url;

  const baseUrl = `http://localhost:${PORT}`;
  const server = spawn('npx', ['next', 'dev', '--port', String(PORT)], {
    env: { ...process.env, DATABASE_URL: database.url, NEXT_DIST_DIR: '.next-test', NEXTAUTH_URL: baseUrl, NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitForServer(baseUrl, server, 90_000);
  process.env.TEST_BASE_URL = baseUrl;

  return async () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "health_test_${process.pid}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await database.stop();
  };
}
