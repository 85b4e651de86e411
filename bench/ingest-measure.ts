// The ingest measurements, shared by bench/ingest.ts, bench/run.ts and bench/profile.ts: device sync over
// HTTP through the sync client (batches of 1,000, several devices syncing at once) against the production
// server, and COPY of rows into health_samples for comparison.
import pg from 'pg';
import { coveredMs, observedFetch, openQueues, requestSlots, strictClient, type Exchange } from './device-clients';
import { createBenchUser } from './server';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

export const BATCH = 1000;

type Sample = { type: string; value: number; unit: string; startDate: string; endDate: string; clientRecordId: string };

// A realistic mix: heart rate every minute, steps per 10 minutes, blood glucose now and then.
export function generate(device: string, count: number, startMs: number): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; out.length < count; i++) {
    const t = startMs + i * 60_000;
    const at = new Date(t).toISOString();
    out.push({ type: 'HEART_RATE', value: 60 + ((i * 7) % 40), unit: 'count/min', startDate: at, endDate: at, clientRecordId: `${device}-hr-${i}` });
    if (i % 10 === 0 && out.length < count) {
      out.push({ type: 'STEPS', value: (i * 13) % 900, unit: 'count', startDate: at, endDate: new Date(t + 600_000).toISOString(), clientRecordId: `${device}-st-${i}` });
    }
    if (i % 240 === 0 && out.length < count) {
      out.push({ type: 'BLOOD_GLUCOSE', value: 5.4, unit: 'mmol/L', startDate: at, endDate: at, clientRecordId: `${device}-bg-${i}` });
    }
  }
  return out;
}

/** What the client itself cost in a measurement, apart from the server's time. */
export type ClientCost = {
  /** Device clients behind the `clients` requests in flight (each stream of samples split among them). */
  devices: number;
  /** enqueue (sealing each sample into the device's encrypted queue), before the sync, not in its time. */
  enqueueSamplesPerSec: number;
  /** Of each device's sync time, the share spent in the client (reading and decrypting its queue,
   * building the batch and its key, updating the queue), not waiting for a request slot or an answer. */
  shareOfWall: number;
  /** Of the sync's wall time, the share with no request in flight: time the server waited for the clients. */
  serverIdleShare: number;
  /** CPU the benchmark process (the clients and their HTTP) used during the sync, in cores. */
  cpuCores: number;
};

/** `clients`: requests in flight at most; `requests`: sync requests the clients sent (the warm-up's not counted). */
export type HttpIngest = { userId: string; samples: number; seconds: number; samplesPerSec: number; clients: number; batchSize: number; requests: number; client: ClientCost };

/** Devices per stream: while a device's client prepares its next batch, another device's request takes the slot. */
const DEVICES_PER_STREAM = 3;

/**
 * A new user with `clients` streams of samples (together `total`, from `startMs` on), each split in time
 * order among DEVICES_PER_STREAM devices that sync through the sync client (bench/device-clients.ts) in
 * batches of BATCH, with at most `clients` requests in flight: the server's load is that of `clients`
 * devices syncing back to back, and the clients' own work between their requests does not leave it idle.
 * The samples are enqueued first (timed apart: the client's cost); the throughput is from the start of
 * the sync until every queue is empty. Every batch must be fully accepted. Needs DATABASE_URL pointing at
 * the server's database (devices are registered in-process).
 */
export async function measureHttpIngest(baseUrl: string, opts: { total: number; clients: number; startMs: number; label: string }): Promise<HttpIngest> {
  const { prisma } = await import('../lib/db/client');
  const { registerDevice } = await import('../lib/data/devices');
  const user = await createBenchUser({ email: `${opts.label}-${Date.now()}@bench.test`, passwordHash: 'x', name: 'Bench', timeZone: 'Europe/Berlin' });
  const perStream = Math.ceil(opts.total / opts.clients);
  const data = Array.from({ length: opts.clients }, (_, s) => generate(`${opts.label}-d${s}`, perStream, opts.startMs)).flatMap((stream) => {
    const size = Math.ceil(stream.length / DEVICES_PER_STREAM);
    return Array.from({ length: DEVICES_PER_STREAM }, (_, part) => stream.slice(part * size, (part + 1) * size));
  });
  const devices = await Promise.all(data.map((_, d) => registerDevice(user.id, { name: `Bench ${d}`, type: 'watch' })));
  const queues = await openQueues(`bench-${opts.label}`);
  const slots = requestSlots(opts.clients);
  const exchanges: Exchange[][] = devices.map(() => []);
  // Each device starts syncing once the one before has its first batch ready (its first request asked
  // for), so the first request goes out after one client's preparation, not after all of them at once.
  const ready = devices.map(() => {
    let resolve: () => void = () => undefined;
    return { promise: new Promise<void>((r) => (resolve = r)), resolve: () => resolve() };
  });
  const clients = await Promise.all(
    devices.map((device, d) => {
      const observed = observedFetch((e) => exchanges[d]!.push(e), slots);
      const fetch: typeof globalThis.fetch = (input, init) => {
        ready[d]!.resolve();
        return observed(input, init);
      };
      return queues.open(baseUrl, device, `d${d}`, { batchSize: BATCH, fetch });
    }),
  );
  try {
    // Warm-up: opens pool connections, loads the route module.
    await fetch(`${baseUrl}/api/v1/devices/${devices[0]!.id}/sync`, { method: 'POST', headers: { authorization: `Bearer ${devices[0]!.token}`, 'content-type': 'application/json' }, body: '{"samples":[]}' });

    const enqueueStarted = performance.now();
    await Promise.all(clients.map(({ client }, d) => client.enqueue(data[d]!)));
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;

    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const results = await Promise.all(
      clients.map(async ({ client }, d) => {
        if (d > 0) await ready[d - 1]!.promise;
        const deviceStarted = performance.now();
        return { ...(await strictClient(client).sync()), wallMs: performance.now() - deviceStarted };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const sent = results.reduce((n, r) => n + r.accepted, 0);
    const stored = await prisma.healthSample.count({ where: { userId: user.id } });
    if (stored !== sent || sent !== data.reduce((n, d) => n + d.length, 0)) throw new Error(`stored ${stored} but acknowledged ${sent}`);

    const client: ClientCost = {
      devices: devices.length,
      enqueueSamplesPerSec: Math.round(sent / enqueueSeconds),
      // Each device's sync time less the time its fetch took (waiting for a slot and for the answer).
      shareOfWall: Number((results.reduce((sum, r, d) => sum + 1 - exchanges[d]!.reduce((ms, e) => ms + e.endedMs - e.calledMs, 0) / r.wallMs, 0) / devices.length).toFixed(3)),
      serverIdleShare: Number((1 - coveredMs(exchanges.flat()) / (seconds * 1000)).toFixed(3)),
      cpuCores: Number(((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)),
    };
    const requests = exchanges.reduce((n, list) => n + list.length, 0);
    return { userId: user.id, samples: sent, seconds: Number(seconds.toFixed(2)), samplesPerSec: Math.round(sent / seconds), clients: opts.clients, batchSize: BATCH, requests, client };
  } finally {
    await Promise.all(clients.map(async ({ client, store }) => {
      await client.stop();
      await store.close();
    }));
    await queues.remove();
  }
}

const COLUMNS = 'user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata';

/** COPY (CSV) of health_samples rows; `lines` yields CSV lines of COLUMNS. Resolves with the seconds taken. */
export async function copySamples(client: pg.Client, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const started = performance.now();
  await pipeline(Readable.from(lines), client.query(copyFrom(`COPY health_samples (${COLUMNS}) FROM STDIN WITH (FORMAT csv)`)));
  return (performance.now() - started) / 1000;
}

export type CopyIngest = { rows: number; seconds: number; rowsPerSec: number };

/**
 * The rows HTTP sync stored for `userId`, read back, deleted, and COPYed in again: the same rows into the
 * same table and indexes, so both measurements end in the same state.
 */
export async function measureCopy(url: string, userId: string): Promise<CopyIngest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT ${COLUMNS} FROM health_samples WHERE user_id = $1`, [userId]);
    await client.query('DELETE FROM health_samples WHERE user_id = $1', [userId]);
    await client.query('VACUUM health_samples');
    const csv = rows.map(
      (r) =>
        [r.user_id, r.device_id, r.type, r.start_at.toISOString(), r.end_at.toISOString(), r.value, r.category ?? '', r.client_record_id ?? '', r.version ?? '', r.metadata ? JSON.stringify(r.metadata) : '']
          .map((v) => (v === '' ? '' : `"${String(v).replaceAll('"', '""')}"`))
          .join(',') + '\n',
    );
    const seconds = await copySamples(client, csv);
    return { rows: rows.length, seconds: Number(seconds.toFixed(2)), rowsPerSec: Math.round(rows.length / seconds) };
  } finally {
    await client.end();
  }
}
