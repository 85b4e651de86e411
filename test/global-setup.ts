// Vitest global setup: a real PostgreSQL (DATABASE_URL, else the embedded one) with a fresh throwaway
// database, migrated, and a Next.js server on it for the HTTP integration tests. Workers inherit
// DATABASE_URL and TEST_BASE_URL through the environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from '../scripts/local-db';
import { startSmtpServer } from './smtp-server';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

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

  // The server's mail goes out through SMTP, to a real SMTP server here; tests read what it received
  // (test/received-mail.ts) from TEST_MAIL_DIR.
  const mailDir = await mkdtemp(path.join(tmpdir(), 'pulse-test-mail-'));
  const smtp = await startSmtpServer({ saveTo: mailDir });
  process.env.TEST_MAIL_DIR = mailDir;

  const port = process.env.TEST_PORT ? Number(process.env.TEST_PORT) : await freePort();
  const baseUrl = `http://localhost:${port}`;
  // A second test run at the same time needs its own build folder (one listed in tsconfig.json).
  const distDir = process.env.TEST_DIST_DIR ?? '.next-test';
  // Next.js's development server behind ours (server/index.mjs), which sets the client's address.
  const server = spawn('node', ['server/index.mjs', '--dev', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: database.url, NEXT_DIST_DIR: distDir, NEXTAUTH_URL: baseUrl, NODE_ENV: 'development', SMTP_URL: smtp.url, MAIL_FROM: 'Pulse <no-reply@pulse.test.example>' },
    // The server's JSON log goes to TEST_SERVER_LOG when set (to find what answered a 500), else nowhere.
    stdio: ['ignore', process.env.TEST_SERVER_LOG ? openSync(process.env.TEST_SERVER_LOG, 'a') : 'ignore', 'inherit'],
    detached: true,
  });
  await waitForServer(baseUrl, server, 90_000);
  process.env.TEST_BASE_URL = baseUrl;

  return async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "health_test_${process.pid}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await database.stop();
    await smtp.close();
    await rm(mailDir, { recursive: true, force: true });
  };
}
