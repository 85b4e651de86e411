// Stores one device sync in ONE transaction: the new samples (bulk, via unnest), the dirty day ranges the
// pipeline must recompute, the device's last sync time and the idempotency record. A per-device
// advisory lock serializes concurrent syncs of one device, so the same batch sent twice at once is
// stored once. Nothing is acknowledged before COMMIT. Metadata is encrypted before the transaction
// (lib/data/sample-fields.ts), so the lock is not held while keys are fetched.
// Round trips are few (BEGIN with the lock; the idempotency key; the stored records; the insert with the
// device's sync time; dirty ranges with the idempotency record; COMMIT), and what comes back is small:
// the insert answers per type the earliest start and latest end it stored, as epoch milliseconds,
// not a row (and a Date) per sample.
import type pg from 'pg';
import type { HealthType } from '../health';
import { localDate } from '../time';
import { connectClient, pool } from '../db/client';
import { sampleKey } from '../ingest/sync-batch';
import type { NormalizedSample } from '../ingest/validate-sample';
import { checkIdempotencyKey, deviceLockKey, findIdempotent, type Idempotency, type StoredResponse } from './idempotency-keys';
import { ensureSamplePartitions } from './partitions';
import { recordIdIn } from './record-ids';
import { encryptSampleMetadata } from './sample-fields';

export type SyncDevice = { id: string; userId: string; timeZone: string };
export type { Idempotency, StoredResponse };
export { checkIdempotencyKey };
export type SyncOutcome =
  | { kind: 'stored'; accepted: number; duplicates: number; response: StoredResponse }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'key-reused' };

type Existing = { id: string; client_record_id: string; version: number | null; type: HealthType; start_ms: number; end_ms: number };
type Span = { type: HealthType; startMs: number; endMs: number };

// Which local days (in the user's zone) each type's changed samples touch, as one range per type.
function dirtyRanges(changed: Span[], timeZone: string) {
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
  // Most samples carry no metadata: they are passed on as they are, without a promise or a copy each.
  const samples = await Promise.all(
    args.samples.map((s) =>
      s.metadata === null ? s : encryptSampleMetadata(device.userId, { deviceId: device.id, ...s }, s.metadata).then((metadata) => ({ ...s, metadata })),
    ),
  );
  await ensureSamplePartitions(pool(), samples.map((s) => s.startMs));
  const client = await connectClient();
  let failure: Error | undefined;
  try {
    // One round trip (simple protocol, so no parameters: the key is escaped as a literal).
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(deviceLockKey(device.id))}, 0))`);
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
        `SELECT id::text, client_record_id, version, type, (extract(epoch FROM start_at) * 1000)::float8 AS start_ms,
                (extract(epoch FROM end_at) * 1000)::float8 AS end_ms
         FROM health_samples WHERE device_id = $1 AND ${recordIdIn('$2')}`,
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

    const changed: Span[] = [
      ...inserted.spans,
      ...updates.flatMap(({ sample, old }) => [sample, { type: old.type, startMs: old.start_ms, endMs: old.end_ms }]),
    ];
    const accepted = inserted.count + updates.length;
    const response = args.buildResponse({ accepted, duplicates: samples.length - accepted });
    // The dirty ranges and the idempotency record in one statement (either may be absent).
    const ranges = dirtyRanges(changed, device.timeZone);
    if (ranges.length > 0 || idempotency) {
      await client.query(
        `WITH dirty AS (
           INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
           SELECT $1, t::"HealthType", f::date, d::date FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, f, d)
         )
         INSERT INTO idempotency_keys (device_id, key, request_hash, status_code, response)
         SELECT $5, $6, $7, $8, $9 WHERE $6::text IS NOT NULL`,
        [
          device.userId, ranges.map((r) => r.type), ranges.map((r) => r.from), ranges.map((r) => r.to),
          device.id, idempotency?.key ?? null, idempotency?.requestHash ?? null, response.status, idempotency ? JSON.stringify(response.body) : null,
        ],
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

/**
 * A PostgreSQL array literal of numbers or health type names: pg would quote and escape every element,
 * and these need neither (a number's shortest form reads back as the same float8).
 */
function arrayLiteral(values: readonly (number | HealthType | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out += (i === 0 ? '' : ',') + (v === null ? 'NULL' : String(v));
  }
  return `${out}}`;
}

/**
 * Inserts the samples (exact duplicates of stored ones are skipped by the unique keys) and sets the
 * device's last sync time; answers how many were stored and, per type, the span they cover.
 */
async function insertSamples(client: pg.PoolClient, device: SyncDevice, samples: NormalizedSample[]): Promise<{ count: number; spans: Span[] }> {
  if (samples.length === 0) {
    await client.query('UPDATE devices SET last_sync_at = now() WHERE id = $1', [device.id]);
    return { count: 0, spans: [] };
  }
  const { rows } = await client.query<{ type: HealthType; start_ms: number; end_ms: number; count: number; with_id: number }>(
    `WITH stored AS (
       INSERT INTO health_samples (user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata)
       SELECT $1, $2, u.type::"HealthType", to_timestamp(u.s / 1000.0), to_timestamp(u.e / 1000.0), u.value, u.category,
              u.record_id, u.version, u.metadata
       FROM unnest($3::text[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::int[], $10::text[])
            AS u(type, s, e, value, category, record_id, version, metadata)
       ON CONFLICT DO NOTHING
       RETURNING type, start_at, end_at, client_record_id IS NOT NULL AS with_id
     ), synced AS (
       UPDATE devices SET last_sync_at = now() WHERE id = $2
     )
     SELECT type, (extract(epoch FROM min(start_at)) * 1000)::float8 AS start_ms, (extract(epoch FROM max(end_at)) * 1000)::float8 AS end_ms,
            count(*)::int AS count, (count(*) FILTER (WHERE with_id))::int AS with_id
     FROM stored GROUP BY type`,
    [
      device.userId,
      device.id,
      arrayLiteral(samples.map((s) => s.type)),
      arrayLiteral(samples.map((s) => s.startMs)),
      arrayLiteral(samples.map((s) => s.endMs)),
      arrayLiteral(samples.map((s) => s.value)),
      samples.map((s) => s.category),
      samples.map((s) => s.clientRecordId),
      arrayLiteral(samples.map((s) => s.version)),
      samples.map((s) => s.metadata),
    ],
  );
  let count = 0;
  let withId = 0;
  for (const r of rows) {
    count += r.count;
    withId += r.with_id;
  }
  const recordIds = samples.flatMap((s) => (s.clientRecordId === null ? [] : [s.clientRecordId]));
  if (withId < recordIds.length) await refuseHashCollision(client, device, recordIds);
  return { count, spans: rows.map((r) => ({ type: r.type, startMs: r.start_ms, endMs: r.end_ms })) };
}

/**
 * A sample with a record id the lookup did not find was not stored: either another writer stored that
 * id meanwhile (a duplicate, skipped rightly), or a stored record with another id has the same hash and
 * start (the record key holds the id's hash). The second must never merge two records: it fails the
 * sync (nothing is committed) instead.
 */
async function refuseHashCollision(client: pg.PoolClient, device: SyncDevice, recordIds: string[]) {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(DISTINCT client_record_id)::int AS n FROM health_samples WHERE device_id = $1 AND ${recordIdIn('$2')}`,
    [device.id, recordIds],
  );
  if (rows[0]!.n < new Set(recordIds).size) {
    throw new Error(`sync of device ${device.id}: a record id shares its hash and start with another stored record; not stored`);
  }
}

async function updateSamples(client: pg.PoolClient, device: SyncDevice, updates: { sample: NormalizedSample; old: Existing }[]) {
  if (updates.length === 0) return;
  // A higher version of a record replaces the stored value (and may move it to another partition).
  await client.query(
    `UPDATE health_samples h SET type = u.type::"HealthType", start_at = to_timestamp(u.s / 1000.0),
            end_at = to_timestamp(u.e / 1000.0), value = u.value, category = u.category, version = u.version,
            metadata = u.metadata
     FROM unnest($2::bigint[], $3::float8[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::text[], $9::int[], $10::text[])
          AS u(id, old_start, type, s, e, value, category, version, metadata)
     WHERE h.device_id = $1 AND h.id = u.id AND h.start_at = to_timestamp(u.old_start / 1000.0)`,
    [
      device.id,
      updates.map((u) => u.old.id),
      updates.map((u) => u.old.start_ms),
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
