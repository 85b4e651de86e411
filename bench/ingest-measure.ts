// The ingest measurements, shared by bench/ingest.ts and bench/run.ts: device sync over HTTP (batches of
// 1,000, several devices syncing at once) against the production server, and COPY of rows into
// health_samples for comparison.
import pg from 'pg';
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

export type HttpIngest = { userId: string; samples: number; seconds: number; samplesPerSec: number; clients: number; batchSize: number };

/**
 * A new user with `clients` devices, each syncing its share of `total` samples (from `startMs` on) in
 * batches of BATCH; resolves with the throughput. Every batch must be fully accepted. Needs
 * DATABASE_URL pointing at the server's database (devices are registered in-process).
 */
export async function measureHttpIngest(baseUrl: string, opts: { total: number; clients: number; startMs: number; label: string }): Promise<HttpIngest> {
  const { prisma } = await import('../lib/db/client');
  const { registerDevice } = await import('../lib/data/devices');
  const user = await createBenchUser({ email: `${opts.label}-${Date.now()}@bench.test`, passwordHash: 'x', name: 'Bench', timeZone: 'Europe/Berlin' });
  const perDevice = Math.ceil(opts.total / opts.clients);
  const devices = await Promise.all(Array.from({ length: opts.clients }, (_, d) => registerDevice(user.id, { name: `Bench ${d}`, type: 'watch' })));
  const data = devices.map((_, d) => generate(`${opts.label}-d${d}`, perDevice, opts.startMs));

  // Warm-up: opens pool connections, loads the route module.
  await fetch(`${baseUrl}/api/v1/devices/${devices[0]!.id}/sync`, { method: 'POST', headers: { authorization: `Bearer ${devices[0]!.token}`, 'content-type': 'application/json' }, body: '{"samples":[]}' });

  const started = performance.now();
  let sent = 0;
  await Promise.all(
    devices.map(async (device, d) => {
      const samples = data[d]!;
      for (let i = 0; i < samples.length; i += BATCH) {
        const res = await fetch(`${baseUrl}/api/v1/devices/${device.id}/sync`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json', 'idempotency-key': `${opts.label}-${d}-${i}` },
          body: JSON.stringify({ samples: samples.slice(i, i + BATCH) }),
        });
        const body = (await res.json()) as { accepted: number };
        if (res.status !== 200 || body.accepted !== Math.min(BATCH, samples.length - i)) throw new Error(`sync failed: ${res.status} ${JSON.stringify(body)}`);
        sent += body.accepted;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = await prisma.healthSample.count({ where: { userId: user.id } });
  if (stored !== sent) throw new Error(`stored ${stored} but acknowledged ${sent}`);
  return { userId: user.id, samples: sent, seconds: Number(seconds.toFixed(2)), samplesPerSec: Math.round(sent / seconds), clients: opts.clients, batchSize: BATCH };
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
