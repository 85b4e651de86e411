// Test data for the maintenance tests, written with SQL as the pipeline would. Each test file uses its
// own far-past era (no other test writes there), because retention and the integrity check act on the
// whole shared database by time, not by user.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pool } from '../db/client';
import { encryptSampleMetadata } from '../data/sample-fields';
import type { HealthType } from '../health';
import { localDirectoryStore } from './local-object-store';
import { monthKeyOf, parseMonth } from './month';
import { ensureSamplePartitionRange } from './sample-partitions';

export type RawSample = {
  userId: string;
  type: HealthType;
  startAt: string;
  endAt?: string;
  value?: number;
  deviceId?: string;
  category?: string | null;
  clientRecordId?: string | null;
  version?: number | null;
  metadata?: unknown;
};

/** Inserts raw samples (creating their partitions first); returns their ids in order. */
export async function insertRawSamples(samples: RawSample[]): Promise<string[]> {
  for (const month of new Set(samples.map((s) => monthKeyOf(new Date(s.startAt))))) {
    await ensureSamplePartitionRange(parseMonth(month).start, parseMonth(month).start);
  }
  const ids: string[] = [];
  for (const s of samples) {
    const deviceId = s.deviceId ?? randomUUID();
    const endAt = s.endAt ?? s.startAt;
    const identity = { deviceId, clientRecordId: s.clientRecordId ?? null, type: s.type, startMs: Date.parse(s.startAt), endMs: Date.parse(endAt) };
    const metadata = await encryptSampleMetadata(s.userId, identity, s.metadata === undefined ? null : JSON.stringify(s.metadata));
    const { rows } = await pool().query<{ id: string }>(
      `INSERT INTO health_samples (user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata)
       VALUES ($1, $2, $3::"HealthType", $4, $5, $6, $7, $8, $9, $10) RETURNING id::text`,
      [s.userId, deviceId, s.type, s.startAt, endAt, s.value ?? 1, s.category ?? null, s.clientRecordId ?? null, s.version ?? null, metadata],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

/** Inserts one aggregate row; `periodStart` is the local wall-clock label 'YYYY-MM-DD[THH:mm:ss]'. */
export async function insertAggregate(a: { userId: string; type: HealthType; period: 'HOUR' | 'DAY' | 'WEEK' | 'MONTH'; periodStart: string }) {
  await pool().query(
    `INSERT INTO health_aggregates (user_id, type, period, period_start, value, count, sum, sources)
     VALUES ($1, $2::"HealthType", $3::"Period", $4::timestamp, 1, 1, 1, '{}')`,
    [a.userId, a.type, a.period, a.periodStart],
  );
}

/** Dirty ranges of one user as [type, from, to], sorted. */
export async function dirtyRangesOf(userId: string): Promise<[string, string, string][]> {
  const { rows } = await pool().query<{ type: string; f: string; t: string }>(
    `SELECT type::text, day_from::text AS f, day_to::text AS t FROM dirty_ranges WHERE user_id = $1 ORDER BY type, day_from`,
    [userId],
  );
  return rows.map((r) => [r.type, r.f, r.t]);
}

/** A local store in a fresh temp directory. */
export async function tempStore() {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-test-'));
  return { dir, store: localDirectoryStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}
