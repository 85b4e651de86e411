// The sync client against the real server through a fault-injecting proxy (fault-proxy.ts): connections
// dropped before and after the server answered, 503s and 429s with Retry-After, duplicated deliveries,
// and the client killed mid-request and started again on the same store file. Property: whatever the
// schedule, the server then holds exactly the valid enqueued samples, each once, and the client counted
// each accepted once; refused samples are reported, never stored.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prisma } from '../../../lib/db/client';
import { createDevice, createUser } from '../../../test/factories';
import { baseUrl } from '../../../test/http';
import { generateKey, SyncClient, type SampleStore, type SyncSample } from '../src/index';
import { openFileStore } from '../src/node';
import { abortableSleep } from '../src/retry';
import { startFaultProxy, type Fault } from './fault-proxy';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulse-sync-faults-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.constantFrom<Fault>({ kind: 'pass' }, { kind: 'drop-before' }, { kind: 'drop-after' }, { kind: 'crash-before' }, { kind: 'crash-after' }),
  fc.record({ kind: fc.constantFrom('503' as const, '429' as const), retryAfter: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ kind: fc.constant('duplicate' as const), concurrent: fc.boolean() }),
);

type Scenario = { schedule: Fault[]; count: number; batchSize: number; chunks: number; invalidEvery: number };

// Minutes from a fixed day long past: the samples never depend on when the test runs.
const BASE_MS = Date.UTC(2025, 5, 1, 8, 0, 0);

/** Heart rates with record ids; every 7th a step count without one (deduplicated by its interval); every `invalidEvery`th refused (bad unit). */
function makeSamples(run: number, count: number, invalidEvery: number): { samples: SyncSample[]; invalid: Set<string> } {
  const invalid = new Set<string>();
  const samples = Array.from({ length: count }, (_, i): SyncSample => {
    const start = new Date(BASE_MS + i * 60_000).toISOString();
    const end = new Date(BASE_MS + i * 60_000 + 30_000).toISOString();
    if (invalidEvery > 0 && i % invalidEvery === invalidEvery - 1) {
      invalid.add(`bad-${run}-${i}`);
      return { type: 'HEART_RATE', value: 70, unit: 'kg', startDate: start, endDate: start, clientRecordId: `bad-${run}-${i}` };
    }
    if (i % 7 === 3) return { type: 'STEPS', value: 10 + i, unit: 'count', startDate: start, endDate: end };
    return { type: 'HEART_RATE', value: 40 + (i % 120), unit: 'count/min', startDate: start, endDate: start, clientRecordId: `hr-${run}-${i}` };
  });
  return { samples, invalid };
}

let runs = 0;

async function runScenario(s: Scenario): Promise<void> {
  const run = (runs += 1);
  const user = await createUser();
  const device = await createDevice(user.id, 'watch');
  const key = await generateKey();
  const file = path.join(dir, `queue-${run}.db`);
  const { samples, invalid } = makeSamples(run, s.count, s.invalidEvery);
  const valid = samples.filter((x) => !invalid.has(String(x.clientRecordId)));
  const chunkSize = Math.ceil(samples.length / s.chunks);
  const chunks = Array.from({ length: s.chunks }, (_, i) => samples.slice(i * chunkSize, (i + 1) * chunkSize)).filter((c) => c.length > 0);

  let crash: () => void = () => undefined;
  const proxy = await startFaultProxy(baseUrl(), s.schedule, () => crash());
  const waits: number[] = [];
  const totals = { accepted: 0, duplicates: 0 };
  const rejected = new Set<string>();
  const open = async (store: SampleStore) => {
    const client = new SyncClient({
      baseUrl: proxy.url, deviceId: device.id, token: device.token, store, key, batchSize: s.batchSize,
      // The waits asked for are recorded; the test itself waits at most 5 ms.
      sleep: (ms, signal) => {
        waits.push(ms);
        return abortableSleep(Math.min(ms, 5), signal);
      },
      random: () => 0.3, // backoff waits 150, 300, 600, 1200…: never exactly a Retry-After of 0 or 1 s
    });
    client.on('progress', (e) => {
      totals.accepted += e.accepted;
      totals.duplicates += e.duplicates;
    });
    client.on('rejected', (e) => e.rejections.forEach((r) => rejected.add(String(r.sample.clientRecordId))));
    return client;
  };

  try {
    let store = await openFileStore(file);
    let client = await open(store);
    let restarts = 0;
    await client.enqueue(chunks.shift()!);
    for (;;) {
      const crashed = new Promise<'crash'>((resolve) => {
        crash = () => resolve('crash');
      });
      const syncing = client.sync().then(() => 'done' as const);
      const outcome = await Promise.race([syncing, crashed]);
      if (outcome === 'crash') {
        // Killed mid-request: the request in flight is abandoned, the store closed; a new client opens the file.
        await client.stop();
        await expect(syncing).rejects.toMatchObject({ kind: 'stopped' });
        await store.close();
        restarts += 1;
        store = await openFileStore(file);
        client = await open(store);
      }
      const next = chunks.shift();
      if (next) await client.enqueue(next);
      else if (outcome === 'done') break;
    }
    expect(await store.count()).toBe(0);
    await store.close();
    expect(restarts).toBe(proxy.served.filter((f) => f.kind.startsWith('crash')).length);
  } finally {
    await proxy.close();
  }

  // The server holds exactly the valid samples, each once.
  const rows = await prisma.healthSample.findMany({
    where: { deviceId: device.id },
    select: { type: true, value: true, clientRecordId: true, startAt: true, endAt: true },
  });
  const asServer = (x: SyncSample) =>
    `${x.type}|${x.clientRecordId ?? '-'}|${new Date(x.startDate).toISOString()}|${new Date(x.endDate).toISOString()}|${Number(x.value)}`;
  const stored = rows.map((r) => `${r.type}|${r.clientRecordId ?? '-'}|${r.startAt.toISOString()}|${r.endAt.toISOString()}|${r.value}`);
  expect(stored.sort()).toEqual(valid.map(asServer).sort());
  // And the client counted each accepted once: every resend was a replay of the same batch, never a new one.
  expect(totals).toEqual({ accepted: valid.length, duplicates: 0 });
  expect(rejected).toEqual(invalid);
  // Retry-After honoured: one wait of exactly the header's value per injected 503/429.
  const injected = proxy.served.filter((f): f is Extract<Fault, { retryAfter: 0 | 1 }> => f.kind === '503' || f.kind === '429');
  expect(waits.filter((w) => w === 1000).length).toBe(injected.filter((f) => f.retryAfter === 1).length);
  expect(waits.filter((w) => w === 0).length).toBe(injected.filter((f) => f.retryAfter === 0).length);
}

it('after any schedule of dropped connections, 503/429s, duplicate deliveries and restarts the server holds exactly the enqueued samples', async () => {
  // First a schedule with every fault (two batches of 40 and a small third), then random ones.
  const everyFault: Scenario = {
    count: 95, batchSize: 40, chunks: 2, invalidEvery: 30,
    schedule: [
      { kind: 'drop-before' }, { kind: '503', retryAfter: 1 }, { kind: 'drop-after' }, { kind: 'crash-after' }, { kind: 'duplicate', concurrent: true },
      { kind: '429', retryAfter: 0 }, { kind: 'crash-before' }, { kind: 'duplicate', concurrent: false }, { kind: 'crash-after' }, { kind: 'pass' },
    ],
  };
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        schedule: fc.array(faultArb, { maxLength: 10 }),
        count: fc.integer({ min: 1, max: 300 }),
        batchSize: fc.constantFrom(40, 120, 1000),
        chunks: fc.integer({ min: 1, max: 3 }),
        invalidEvery: fc.constantFrom(0, 23),
      }),
      runScenario,
    ),
    { numRuns: 6, examples: [[everyFault]], endOnFailure: true },
  );
}, 120_000);
