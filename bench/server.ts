// Shared by the benchmarks and the chaos runs: a fresh database, the production build of the app, and
// the app served on it (startable again on the same database after a kill). Set BENCH_SKIP_BUILD=1 to
// reuse an existing .next-bench build.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from '../scripts/local-db';

const DIST_DIR = '.next-bench';
const NEXT_BIN = 'node_modules/next/dist/bin/next';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** Migrates and catalogues a (fresh) database; DATABASE_URL then points at it for in-process lib code. */
export async function prepareDatabase(url: string): Promise<void> {
  // One throwaway master key for this run, shared by this process and the servers it starts (production
  // refuses to start without one).
  process.env.ENCRYPTION_MASTER_KEYS ??= `bench:${randomBytes(32).toString('base64')}`;
  // Benchmarks and chaos runs push far more than a real device's 120 syncs a minute.
  process.env.RATE_LIMIT_SYNC_PER_DEVICE_PER_MINUTE ??= '1000000';
  // No SMTP server here: demo mode keeps mail in the development outbox (production refuses that otherwise).
  process.env.SEED_DEMO ??= 'true';
  await migrateUp(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await syncHealthTypeCatalogue(client).finally(() => client.end());
  process.env.DATABASE_URL = url;
}

/** `next build` into .next-bench (skipped when BENCH_SKIP_BUILD=1 and a build exists). */
export async function buildApp(databaseUrl: string): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(`${DIST_DIR}/BUILD_ID`)) return;
  console.log('building the production app…');
  await run('node', [NEXT_BIN, 'build'], { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: 'production' });
}

export type AppProcess = { baseUrl: string; pid: number; exited: Promise<void>; kill: () => Promise<void>; stop: () => Promise<void> };

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before it was ready (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) return;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Serves the build on `databaseUrl` (server/index.mjs, as `npm start` does; in-process jobs). The pid is
 * the Node process of the server itself (for memory sampling and SIGKILL). `secret` must stay the same
 * across restarts when sessions are to survive them.
 */
export async function startApp(opts: { port: number; databaseUrl: string; secret: string; poolMax?: number; logFile?: string }): Promise<AppProcess> {
  // The server's JSON log (stdout) is appended to `logFile` when given, else dropped.
  const stdout = opts.logFile ? openSync(opts.logFile, 'a') : 'ignore';
  const server = spawn('node', ['server/index.mjs', '--port', String(opts.port)], {
    stdio: ['ignore', stdout, 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      NEXT_DIST_DIR: DIST_DIR,
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: opts.secret,
      DATABASE_POOL_MAX: String(opts.poolMax ?? 20),
    },
    detached: true,
  });
  if (typeof stdout === 'number') closeSync(stdout);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const baseUrl = `http://localhost:${opts.port}`;
  const signal = async (sig: NodeJS.Signals) => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid!, sig);
    } catch {
      // already gone
    }
    // A server that does not finish its graceful shutdown in 35 s is killed.
    const timer = sig === 'SIGKILL' ? undefined : setTimeout(() => void signal('SIGKILL'), 35_000);
    await exited;
    clearTimeout(timer);
  };
  await waitReady(baseUrl, server, 120_000);
  return { baseUrl, pid: server.pid!, exited, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    // pgrep exits 1 when there are none
  }
  return [pid, ...children.flatMap(descendants)];
}

/** The largest peak resident memory (VmHWM) of a process and its descendants so far, in MB. */
export function peakRssMb(pid: number): number | null {
  const peaks = descendants(pid).flatMap((p) => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return match ? [Number(match[1]) / 1024] : [];
    } catch {
      return [];
    }
  });
  return peaks.length > 0 ? Math.round(Math.max(...peaks)) : null;
}

/** A fresh database (on DATABASE_URL's server, or the embedded one) with the production build served on it. */
export async function startBenchServer(opts: { port: number; database: string }) {
  const db = await resolveDatabase(opts.database, { fresh: true });
  await prepareDatabase(db.url);
  await buildApp(db.url);
  const secret = randomBytes(32).toString('hex');
  const app = await startApp({ port: opts.port, databaseUrl: db.url, secret });
  return {
    baseUrl: app.baseUrl,
    url: db.url,
    pid: app.pid,
    peakRssMb: () => peakRssMb(app.pid),
    /** Another instance of the app on the same database and secret (a session is valid on both). */
    startInstance: (port: number) => startApp({ port, databaseUrl: db.url, secret }),
    stop: async () => {
      await app.stop();
      await db.stop();
    },
  };
}

/** A patient for a benchmark or chaos run; the name is stored encrypted, as the app stores names. */
export async function createBenchUser(data: { email: string; passwordHash: string; name: string; timeZone: string }): Promise<{ id: string; email: string }> {
  const { prisma } = await import('../lib/db/client');
  const { encryptDisplayName } = await import('../lib/data/profile-fields');
  const { emailColumns } = await import('../lib/data/user-email');
  const id = randomUUID();
  await prisma.user.create({
    data: { id, ...(await emailColumns(id, data.email)), passwordHash: data.passwordHash, role: 'PATIENT', profile: { create: { displayName: await encryptDisplayName(id, data.name), timeZone: data.timeZone } } },
    select: { id: true },
  });
  return { id, email: data.email };
}
