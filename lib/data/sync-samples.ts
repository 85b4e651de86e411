// Stores one device sync in ONE transaction: the new samples (bulk, via unnest), the dirty day ranges the
// pipeline must recompute, the device's last sync time and the idempotency record. A per-device
// advisory lock serializes concurrent syncs of one device, so the same batch sent twice at once is
// stored once. Nothing is acknowledged before COMMIT. Metadata is encrypted before the transaction
// (lib/data/sample-fields.ts), so the lock is not held while keys are fetched.
import type pg from 'pg';
import type { HealthType } from '../health';
import { localDate } from '../time';
import { connectClient, pool } from '../db/client';
import { sampleKey } from '../ingest/sync-batch';
import type { NormalizedSample } from '../ingest/validate-sample';
import { ensureSamplePartitions } from './partitions';
import { encryptSampleMetadata } from './sample-fields';

export type SyncDevice = { id: string; userId: string; timeZone: string };
export type StoredResponse = { status: number; body: unknown };
export type SyncOutcome =
  | { kind: 'stored'; accepted: number; duplicates: number; response: StoredResponse }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'key-reused' };
export type Idempotency = { key: string; requestHash: string };

type Existing = { id: string; client_record_id: string; version: number | null; type: HealthType; start_at: Date; end_at: Date };

async function findIdempotent(client: pg.PoolClient | pg.Pool, deviceId: string, idem: Idempotency) {
  const { rows } = await client.query<{ request_hash: string; status_code: number; response: unknown }>(
    'SELECT request_hash, status_code, response FROM idempotency_keys WHERE device_id = $1 AND key = $2',
    [deviceId, idem.key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.request_hash !== idem.requestHash) return { kind: 'key-reused' } as const;
  return { kind: 'replay', response: { status: row.status_code, body: row.response } } as const;
}

/** Cheap check before validation work: a replay or a reused key needs no transaction. */
export function checkIdempotencyKey(deviceId: string, idem: Idempotency) {
  return findIdempotent(pool(), deviceId, idem);
}

// Which local days (in the user's zone) each type's changed samples touch, as one range per type.
function dirtyRanges(changed: { type: HealthType; startMs: number; endMs: number }[], timeZone: string) {
  const spans = new Map<HealthType, { min: number; max: number }>();
  for (const s of changed) {
    const span = spans.get(s.type);
    if (!span) spans.set(s.type, { min: s.startMs, max: s.endMs });
    else {
      span.min = Math.min(span.min, s.startMs);
      span.max = Math.max(span.max, s.endMs);
    }
  }
  return [...spans].map(([type, span]) => ({
    type,
    from: localDate(span.min, timeZone),
    to: localDate(span.max, timeZone),
  }));
}

export async function storeSyncBatch(args: {
  device: SyncDevice;
  samples: NormalizedSample[];
  idempotency: Idempotency | null;
  buildResponse: (counts: { accepted: number; duplicates: number }) => StoredResponse;
}): Promise<SyncOutcome> {
  const { device, idempotency } = args;
  const samples = await Promise.all(
    args.samples.map(async (s) => ({ ...s, metadata: await encryptSampleMetadata(device.userId, { deviceId: device.id, ...s }, s.metadata) })),
  );
  await ensureSamplePartitions(pool(), samples.map((s) => s.startMs));
  const client = await connectClient();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sync:${device.id}`]);
    if (idempotency) {
      const previous = await findIdempotent(client, device.id, idempotency);
      if (previous) {
        await client.query('ROLLBACK');
        return previous;
      }
    }

    // Samples carrying a record id may already be stored (possibly with other times): look them up.
    const recordIds = samples.flatMap((s) => (s.clientRecordId === null ? [] : [s.clientRecordId]));
    const existing = new Map<string, Existing>();
    if (recordIds.length > 0) {
      const { rows } = await client.query<Existing>(
        `SELECT id::text, client_record_id, version, type, start_at, end_at FROM health_samples
         WHERE device_id = $1 AND client_record_id = ANY($2::text[])`,
        [device.id, recordIds],
      );
      for (const row of rows) existing.set(`r:${row.client_record_id}`, row);
    }

    const inserts: NormalizedSample[] = [];
    const updates: { sample: NormalizedSample; old: Existing }[] = [];
    for (const sample of samples) {
      const old = existing.get(sampleKey(sample));
      if (!old) inserts.push(sample);
      else if ((sample.version ?? -1) > (old.version ?? -1)) updates.push({ sample, old });
    }

    const inserted = await insertSamples(client, device, inserts);
    await updateSamples(client, device, updates);

    const changed = [
      ...inserted,
      ...updates.flatMap(({ sample, old }) => [
        sample,
        { type: old.type, startMs: old.start_at.getTime(), endMs: old.end_at.getTime() },
      ]),
    ];
    const ranges = dirtyRanges(changed, device.timeZone);
    if (ranges.length > 0) {
      await client.query(
        `INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
         SELECT $1, t::"HealthType", f::date, d::date FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, f, d)`,
        [device.userId, ranges.map((r) => r.type), ranges.map((r) => r.from), ranges.map((r) => r.to)],
      );
    }
    await client.query('UPDATE devices SET last_sync_at = now() WHERE id = $1', [device.id]);

    const accepted = inserted.length + updates.length;
    const response = args.buildResponse({ accepted, duplicates: samples.length - accepted });
    if (idempotency) {
      await client.query(
        `INSERT INTO idempotency_keys (device_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)`,
        [device.id, idempotency.key, idempotency.requestHash, response.status, JSON.stringify(response.body)],
      );
    }
    await client.query('COMMIT');
    return { kind: 'stored', accepted, duplicates: samples.length - accepted, response };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure); // a failed connection is discarded, not returned to the pool
  }
}

async function insertSamples(client: pg.PoolClient, device: SyncDevice, samples: NormalizedSample[]) {
  if (samples.length === 0) return [];
  const { rows } = await client.query<{ type: HealthType; start_at: Date; end_at: Date }>(
    `INSERT INTO health_samples (user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata)
     SELECT $1, $2, u.type::"HealthType", to_timestamp(u.s / 1000.0), to_timestamp(u.e / 1000.0), u.value, u.category,
            u.record_id, u.version, u.metadata
     FROM unnest($3::text[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::int[], $10::text[])
          AS u(type, s, e, value, category, record_id, version, metadata)
     ON CONFLICT DO NOTHING
     RETURNING type, start_at, end_at`,
    [
      device.userId,
      device.id,
      samples.map((s) => s.type),
      samples.map((s) => s.startMs),
      samples.map((s) => s.endMs),
      samples.map((s) => s.value),
      samples.map((s) => s.category),
      samples.map((s) => s.clientRecordId),
      samples.map((s) => s.version),
      samples.map((s) => s.metadata),
    ],
  );
  return rows.map((r) => ({ type: r.type, startMs: r.start_at.getTime(), endMs: r.end_at.getTime() }));
}

async function updateSamples(client: pg.PoolClient, device: SyncDevice, updates: { sample: NormalizedSample; old: Existing }[]) {
  if (updates.length === 0) return;
  // A higher version of a record replaces the stored value (and may move it to another partition).
  await client.query(
    `UPDATE health_samples h SET type = u.type::"HealthType", start_at = to_timestamp(u.s / 1000.0),
            end_at = to_timestamp(u.e / 1000.0), value = u.value, category = u.category, version = u.version,
            metadata = u.metadata
     FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::text[], $9::int[], $10::text[])
          AS u(id, old_start, type, s, e, value, category, version, metadata)
     WHERE h.device_id = $1 AND h.id = u.id AND h.start_at = u.old_start`,
    [
      device.id,
      updates.map((u) => u.old.id),
      updates.map((u) => u.old.start_at),
      updates.map((u) => u.sample.type),
      updates.map((u) => u.sample.startMs),
      updates.map((u) => u.sample.endMs),
      updates.map((u) => u.sample.value),
      updates.map((u) => u.sample.category),
      updates.map((u) => u.sample.version),
      updates.map((u) => u.sample.metadata),
    ],
  );
}
