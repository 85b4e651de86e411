// The two writes of a restore, inside its transaction: the samples back (bulk, via unnest) and the
// dirty day ranges that make the pipeline replay their aggregation.
import type pg from 'pg';
import type { HealthType } from '../health';
import { localDate } from '../time';
import type { Month } from './month';
import type { ArchivedSample } from './samples-parquet';

const CHUNK = 5000;

/**
 * Inserts with the original ids. ON CONFLICT DO NOTHING: a sample the device sent again after the
 * archive is already live (dedup layer 1 let it in), and the live copy wins. Returns rows inserted.
 */
export async function insertRestoredSamples(client: pg.PoolClient, samples: readonly ArchivedSample[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < samples.length; i += CHUNK) {
    const chunk = samples.slice(i, i + CHUNK);
    const col = <T>(pick: (s: ArchivedSample) => T) => chunk.map(pick);
    const { rowCount } = await client.query(
      `INSERT INTO health_samples (id, user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata, created_at)
       SELECT u.id, u.user_id, u.device_id, u.type::"HealthType", u.start_at, u.end_at, u.value, u.category, u.record_id,
              u.version, u.metadata, u.created_at
       FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::float8[],
                   $8::text[], $9::text[], $10::int[], $11::text[], $12::timestamptz[])
            AS u(id, user_id, device_id, type, start_at, end_at, value, category, record_id, version, metadata, created_at)
       ON CONFLICT DO NOTHING`,
      [
        col((s) => s.id),
        col((s) => s.userId),
        col((s) => s.deviceId),
        col((s) => s.type),
        col((s) => s.startAt.toISOString()),
        col((s) => s.endAt.toISOString()),
        col((s) => s.value),
        col((s) => s.category),
        col((s) => s.clientRecordId),
        col((s) => s.version),
        col((s) => s.metadata),
        col((s) => s.createdAt.toISOString()),
      ],
    );
    inserted += rowCount ?? 0;
  }
  return inserted;
}

/**
 * One dirty range per type present, in the user's local calendar: the whole UTC month, stretched to
 * the local days its samples reach (a sample may end in the next month, or in the next local day).
 */
export async function markRestoredDaysDirty(client: pg.PoolClient, userId: string, month: Month, samples: readonly ArchivedSample[]) {
  const { rows } = await client.query<{ tz: string }>(
    `SELECT COALESCE((SELECT time_zone FROM profiles WHERE user_id = $1), 'UTC') AS tz`,
    [userId],
  );
  const timeZone = rows[0]?.tz ?? 'UTC';
  const spans = new Map<HealthType, { min: number; max: number }>();
  for (const s of samples) {
    const span = spans.get(s.type) ?? { min: month.start.getTime(), max: month.end.getTime() - 1 };
    span.min = Math.min(span.min, s.startAt.getTime());
    span.max = Math.max(span.max, s.endAt.getTime());
    spans.set(s.type, span);
  }
  const ranges = [...spans].map(([type, span]) => ({ type, from: localDate(span.min, timeZone), to: localDate(span.max, timeZone) }));
  if (ranges.length === 0) return 0;
  await client.query(
    `INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
     SELECT $1, t::"HealthType", f::date, d::date FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, f, d)`,
    [userId, ranges.map((r) => r.type), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  return ranges.length;
}
