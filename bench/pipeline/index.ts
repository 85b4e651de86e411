// npx tsx bench/pipeline/index.ts [--quick] — the pipeline benchmark, in one run:
//  1. one user-year of watch, phone and scale data (deterministic), stored through the real sync path;
//  2. dedup + aggregation throughput of recomputeDirtyRanges over the whole year (median of 3);
//  3. the seed design's pairwise approach (seed-approach.ts) against ours on the first month;
//  4. sync → aggregates-visible latency with 10 devices syncing at once against the production build.
// Steps 1–3 run in-process before the server starts, so its sweep never touches the measured user.
// --quick: a month of data, a week of prefix, 3 latency rounds; checks the machinery, asserts no timing.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { addDays, zonedDayRangeUtc } from '../../lib/time';
import { startBenchServer } from '../server';
import { assertSameDailyTotals } from './compare';
import { DATABASE, prepareDatabase } from './db';
import { countSamples, generateUserData, prefixOf } from './generate';
import { measureVisibleLatency } from './latency';
import { dailyTotals, measurePipeline } from './measure';
import { machine, summary, writeResult, type PipelineBenchResult } from './results';
import { runSeedApproach } from './seed-approach';
import { median, round } from './stats';
import { createUser, storeUserData } from './store';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick === true;
const config = quick ? { days: 31, prefixDays: 7, runs: 3, rounds: 3 } : { days: 365, prefixDays: 31, runs: 3, rounds: 20 };
const FIRST_DAY = '2025-01-01';
const TIME_ZONE = 'Europe/Berlin';
const SEED = 20250101;
const PORT = 3317;

const perSec = (samples: number, ms: number) => Math.round(samples / (ms / 1000));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const startedAt = performance.now();
const externalDb = Boolean(process.env.DATABASE_URL);
const loadAtStart = os.loadavg()[0] ?? 0;
const db = await prepareDatabase();
const { closeDb } = await import('../../lib/db/client');
try {
  log(`generating ${config.days} days of data…`);
  const data = generateUserData({ seed: SEED, firstDay: FIRST_DAY, days: config.days, timeZone: TIME_ZONE });
  const yearUser = await createUser({ label: 'pipeline-year', timeZone: TIME_ZONE });
  const samples = await storeUserData(yearUser.id, TIME_ZONE, data);
  if (samples !== countSamples(data)) throw new Error(`stored ${samples} of ${countSamples(data)} samples`);
  log(`stored ${samples} samples; timing recomputeDirtyRanges…`);
  const year = await measurePipeline(yearUser.id, config.runs);
  log(`warm-up ${Math.round(year.warmUpMs)} ms, runs ${year.runsMs.map(Math.round).join(' / ')} ms, ${year.rows} rows`);

  // The prefix is stored for a user of its own, so both approaches see exactly the same samples.
  const prefixEndMs = zonedDayRangeUtc(addDays(FIRST_DAY, config.prefixDays), TIME_ZONE).startMs;
  const prefixData = prefixOf(data, prefixEndMs);
  const prefixUser = await createUser({ label: 'pipeline-prefix', timeZone: TIME_ZONE });
  const prefixSamples = await storeUserData(prefixUser.id, TIME_ZONE, prefixData);
  const ours = await measurePipeline(prefixUser.id, config.runs);
  const oursSteps = await dailyTotals(prefixUser.id, 'STEPS');
  log(`prefix of ${prefixSamples} samples: ours ${ours.runsMs.map(Math.round).join(' / ')} ms; running the seed approach…`);
  const seedRuns: Awaited<ReturnType<typeof runSeedApproach>>[] = [];
  for (let i = 0; i < config.runs; i += 1) seedRuns.push(await runSeedApproach(prefixUser.id));
  const comparedDays = assertSameDailyTotals(oursSteps, seedRuns[seedRuns.length - 1]!.stepsByDay, 'STEPS');
  const seedMs = median(seedRuns.map((r) => r.ms));
  log(`seed ${seedRuns.map((r) => Math.round(r.ms)).join(' / ')} ms; daily steps identical on ${comparedDays} days`);
  await closeDb(); // the server's fresh start drops this database

  const server = await startBenchServer({ port: PORT, database: DATABASE });
  const latency = await (async () => {
    try {
      log(`server up; ${config.rounds} rounds of 10 devices syncing at once…`);
      return await measureVisibleLatency(server.baseUrl, config.rounds);
    } finally {
      await closeDb();
      await server.stop();
    }
  })();

  const result: PipelineBenchResult = {
    date: new Date().toISOString(),
    machine: machine(externalDb, loadAtStart),
    samples,
    pipeline: { samplesPerSec: perSec(samples, year.medianMs), runsMs: year.runsMs.map((ms) => round(ms)) },
    seedApproach: {
      prefixSamples,
      samplesPerSec: perSec(prefixSamples, seedMs),
      oursSamplesPerSec: perSec(prefixSamples, ours.medianMs),
      speedup: round(seedMs / ours.medianMs, 1),
    },
    visibleLatencyMs: latency,
  };
  const path = writeResult(result, quick);
  console.log(`\n${summary(result, (performance.now() - startedAt) / 1000)}\nwrote ${path}`);
} finally {
  await closeDb();
  await db.stop();
}
