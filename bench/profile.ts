// npm run bench:profile [-- --quick] [--database NAME] [--port N] — where the production server spends
// its CPU per endpoint: the bench's API phase (summary, a month of daily and a week of hourly aggregates,
// one raw day — run/api.ts's ENDPOINTS) and the device sync with the pipeline work it causes, each driven
// alone while V8's CPU profiler runs in the server (profile/agent.mjs, started after the warm-up and
// stopped after the last answer). Writes bench/results/profile.md (--quick: profile.quick.md); the raw
// .cpuprofile files stay in a temporary folder (paths printed). The server and its build are the
// bench's own (bench/server.ts; BENCH_SKIP_BUILD=1 reuses .next-bench); the database is a fresh one on
// DATABASE_URL's server (else the embedded PostgreSQL), named h7_bench_profile unless --database says.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addDays } from '../lib/time';
import { resolveDatabase } from '../scripts/local-db';
import { BATCH, measureHttpIngest } from './ingest-measure';
import { machine } from './pipeline/results';
import { profileMarkdown, type EndpointProfile } from './profile/report';
import { sourceMapResolver } from './profile/sourcemaps';
import { summarize, type CpuProfile } from './profile/summarize';
import { ENDPOINTS, signInAll } from './run/api';
import { ensurePartitions, firstPreloadDayMs, preloadUser, recomputeAll, type PreloadedUser } from './run/preload';
import { buildApp, prepareDatabase, startApp } from './server';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, database: { type: 'string', default: 'h7_bench_profile' }, port: { type: 'string', default: '3374' } },
});
const quick = values.quick === true;
const config = quick
  ? { users: 4, days: 35, clients: 4, requestsPerClient: 50, syncSamples: 20_000 }
  : { users: 10, days: 120, clients: 16, requestsPerClient: 60, syncSamples: 100_000 };
const SYNC_DEVICES = 4;
const DAY = 86_400_000;
const root = process.cwd();
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const command = `npm run bench:profile${quick ? ' -- --quick' : ''}`;
const loadAtStart = os.loadavg()[0] ?? 0;
const externalDb = Boolean(process.env.DATABASE_URL);

const db = await resolveDatabase(values.database!, { fresh: true });
await prepareDatabase(db.url);
await buildApp(db.url);
const profileDir = mkdtempSync(path.join(os.tmpdir(), 'pulse-profile-'));
// Only the server gets the agent: NODE_OPTIONS is set for its spawn and put back right after.
const nodeOptions = process.env.NODE_OPTIONS;
process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --import=${pathToFileURL(path.join(root, 'bench/profile/agent.mjs')).href}`.trim();
process.env.PULSE_PROFILE_DIR = profileDir;
const app = await startApp({ port: Number(values.port), databaseUrl: db.url, secret: randomBytes(32).toString('hex') }).finally(() => {
  if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = nodeOptions;
  delete process.env.PULSE_PROFILE_DIR;
});
const { closeDb } = await import('../lib/db/client');
const { hashPassword } = await import('../lib/auth/password');
const client = new pg.Client({ connectionString: db.url });
await client.connect();

async function waitForFile(file: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the server's profile agent did not write ${file}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** The server process's CPU time so far (user + system, all its threads), in ms; null without /proc. */
function processCpuMs(): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${app.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

let profiles = 0;
/** Runs `body` with the server's CPU profiler on; the profile is saved as <name>.cpuprofile. */
async function profiled<T>(name: string, body: () => Promise<T>): Promise<{ result: T; file: string; processCpuMs: number | null }> {
  const n = profiles + 1;
  process.kill(app.pid, 'SIGUSR2');
  await waitForFile(path.join(profileDir, `${n}.started`));
  const cpuBefore = processCpuMs();
  const result = await body();
  const cpuAfter = processCpuMs();
  process.kill(app.pid, 'SIGUSR2');
  await waitForFile(path.join(profileDir, `${n}.cpuprofile`));
  profiles = n;
  const file = path.join(profileDir, `${name}.cpuprofile`);
  renameSync(path.join(profileDir, `${n}.cpuprofile`), file);
  return { result, file, processCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** Until the server's pipeline has no dirty ranges left. */
async function drained(timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM dirty_ranges');
    if (rows[0]!.n === '0') return;
    if (Date.now() > deadline) throw new Error(`pipeline not drained after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

try {
  log(`server up (pid ${app.pid}, profiles in ${profileDir}); preloading ${config.users} users × ${config.days} days…`);
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const passwordHash = await hashPassword(password);
  await ensurePartitions(client, config.days);
  const users: PreloadedUser[] = [];
  while (users.length < config.users) users.push(await preloadUser(client, { index: users.length, days: config.days, passwordHash }));
  await recomputeAll(users.map((u) => u.id));
  for (const table of ['health_samples', 'health_aggregates']) await client.query(`ANALYZE ${table}`);
  const stored = Number((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM health_samples')).rows[0]!.n);

  // The inner days: the first and last preloaded days are partial in the users' zone.
  const firstDay = new Date(firstPreloadDayMs(config.days)).toISOString().slice(0, 10);
  const days = Array.from({ length: config.days - 2 }, (_, i) => addDays(firstDay, i + 1));
  const cookies = await signInAll(app.baseUrl, users, password);
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const endpoints: EndpointProfile[] = [];
  const resolve = sourceMapResolver(root);

  for (const endpoint of ENDPOINTS) {
    // As run/api.ts: every client in a loop, a random user and day per request; any failure ends the run.
    const load = (perClient: number) =>
      Promise.all(
        Array.from({ length: config.clients }, async () => {
          for (let i = 0; i < perClient; i += 1) {
            const url = `${app.baseUrl}${endpoint.path(pick(days))}`;
            const res = await fetch(url, { headers: { cookie: pick(cookies) } });
            const text = await res.text();
            if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 200)}`);
            if (!endpoint.check(JSON.parse(text))) throw new Error(`GET ${url}: the preloaded data is missing`);
          }
        }),
      );
    await load(2); // warm-up, not profiled
    const started = performance.now();
    const { file, processCpuMs: cpu } = await profiled(endpoint.name, () => load(config.requestsPerClient));
    const wallSeconds = (performance.now() - started) / 1000;
    const requests = config.clients * config.requestsPerClient;
    endpoints.push({ name: endpoint.name, what: `GET ${endpoint.path(days[0]!).split('?')[0]} (${config.clients} clients)`, requests, wallSeconds, processCpuMs: cpu, summary: summarize(readJson(file), { root, resolve }), profileFile: file });
    log(`  ${endpoint.name}: ${requests} requests in ${wallSeconds.toFixed(1)} s → ${file}`);
  }

  // The sync path: the requests and the pipeline work they cause, up to the last dirty range recomputed.
  // Warm-up (not profiled): the sync route's and the pipeline's modules load on their first use.
  const warmUp = await measureHttpIngest(app.baseUrl, { total: 2 * SYNC_DEVICES * BATCH, clients: SYNC_DEVICES, startMs: Date.now() - 30 * DAY, label: 'profile-warm-up' });
  await drained();
  const started = performance.now();
  let syncRequests = 0;
  const { file, processCpuMs: cpu } = await profiled('sync', async () => {
    syncRequests = (await measureHttpIngest(app.baseUrl, { total: config.syncSamples, clients: SYNC_DEVICES, startMs: Date.now() - 20 * DAY, label: 'profile' })).requests + 1; // + its warm-up
    await drained();
  });
  const wallSeconds = (performance.now() - started) / 1000;
  endpoints.push({
    name: 'sync',
    what: `POST /api/v1/devices/{id}/sync: ${config.syncSamples} samples through the sync client, ${SYNC_DEVICES} requests in flight, batches of up to ${BATCH} (after an unprofiled warm-up of ${warmUp.requests} batches), profiled from the first request until the pipeline had recomputed every dirty range (the in-process pipeline's work is in it)`,
    requests: syncRequests,
    wallSeconds,
    processCpuMs: cpu,
    summary: summarize(readJson(file), { root, resolve }),
    profileFile: file,
  });
  log(`  sync: ${syncRequests} requests in ${wallSeconds.toFixed(1)} s → ${file}`);

  const m = machine(externalDb, loadAtStart);
  const markdown = profileMarkdown({
    command,
    date: new Date().toISOString(),
    machine: `${m.cpus} × ${m.model}, Node ${m.node}, PostgreSQL: ${m.postgres}, load average at start ${m.loadAverageAtStart}`,
    setup: `${config.users} users × ${config.days} days preloaded with COPY (${stored} samples stored), their aggregates from the pipeline's recompute. Each GET endpoint: ${config.clients} concurrent clients × ${config.requestsPerClient} requests (random user and day, as \`npm run bench\`), after ${config.clients * 2} warm-up requests. The profiler samples every 500 µs.`,
    endpoints,
  });
  const out = quick ? 'bench/results/profile.quick.md' : 'bench/results/profile.md';
  writeFileSync(out, markdown);
  console.log(`\n${markdown}\nwrote ${out}; raw profiles:\n${endpoints.map((e) => `  ${e.profileFile}`).join('\n')}`);
} finally {
  await client.end();
  await closeDb();
  await app.stop();
  await db.stop();
}

function readJson(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}
