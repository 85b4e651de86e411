// Raw samples of one patient within a read scope, in time order, keyset-paginated on (start, id).
import { pool } from '../db/client';
import { getHealthType, hasKinds, HEALTH_TYPES, isCategoryType, type HealthType } from '../health';
import { withoutFloatNoise } from '../health/precision';
import { zonedDayRangeUtc } from '../time';
import { notFound } from '../http/errors';
import { allowedTypes, isDayLimited, requireTypes, type ReadScope } from './access';
import { decryptSampleMetadata } from './sample-fields';

export type SampleQuery = { type?: HealthType; fromMs?: number; toMs?: number; limit: number; cursor?: { startMs: number; id: string } };

// Instants as ms since the epoch and the id as text, straight from PostgreSQL: a day of minute data is
// 1,440 rows, and a Date (or a bigint) per field per row was most of this read's cost (bench:profile).
type Row = {
  id: string;
  device_id: string;
  type: HealthType;
  start_ms: number;
  end_ms: number;
  value: number;
  category: string | null;
  client_record_id: string | null;
  version: number | null;
  metadata: string | null; // encrypted
};

const sampleIdentity = (row: Row) => ({
  deviceId: row.device_id, clientRecordId: row.client_record_id, type: row.type, startMs: row.start_ms, endMs: row.end_ms,
});

/** Each row's metadata decrypted (most rows carry none: no promise for those). */
async function metadataOf(patientId: string, page: Row[]): Promise<unknown[]> {
  const out: unknown[] = new Array(page.length).fill(null);
  const pending: Promise<void>[] = [];
  page.forEach((row, i) => {
    if (row.metadata !== null) pending.push(decryptSampleMetadata(patientId, sampleIdentity(row), row.metadata).then((m) => void (out[i] = m)));
  });
  await Promise.all(pending);
  return out;
}

export function encodeCursor(startMs: number, id: string): string {
  return Buffer.from(JSON.stringify([startMs, id])).toString('base64url');
}

const MAX_DATE_MS = 8.64e15; // the largest instant a JavaScript Date can hold
const MAX_BIGINT = 9_223_372_036_854_775_807n; // PostgreSQL bigint

/** Null unless the cursor is one this module could have produced (a 500 from the database otherwise). */
export function decodeCursor(cursor: string): { startMs: number; id: string } | null {
  try {
    const [startMs, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (!Number.isSafeInteger(startMs) || Math.abs(startMs as number) > MAX_DATE_MS) return null;
    if (typeof id !== 'string' || !/^\d{1,19}$/.test(id) || BigInt(id) > MAX_BIGINT) return null;
    return { startMs: startMs as number, id };
  } catch {
    return null;
  }
}

/** One page of stored rows (and the cursor past it) of the scope's samples, in (start, id) order. */
async function loadPage(scope: ReadScope, query: SampleQuery): Promise<{ page: Row[]; nextCursor: string | null }> {
  if (query.type) requireTypes(scope, [query.type]);
  const types = allowedTypes(scope, query.type ? [query.type] : HEALTH_TYPES);
  if (types.length === 0) return { page: [], nextCursor: null };
  // A share's day limits become instants in the patient's zone.
  const floor = scope.fromDay ? zonedDayRangeUtc(scope.fromDay, scope.timeZone).startMs : -Infinity;
  const ceiling = scope.toDay ? zonedDayRangeUtc(scope.toDay, scope.timeZone).endMs : Infinity;
  const from = new Date(Math.max(query.fromMs ?? Date.UTC(1970, 0, 1), floor));
  const to = new Date(Math.min(query.toMs ?? Date.now() + 86_400_000, ceiling));
  if (isDayLimited(scope) && from >= to) throw notFound('data'); // wholly outside a share's days
  const afterStart = new Date(query.cursor?.startMs ?? 0);
  const afterId = query.cursor?.id ?? '0';
  const hasCursor = query.cursor !== undefined;

  const { rows } = await pool().query<Row>(
    `SELECT id::text, device_id::text, type, (extract(epoch FROM start_at) * 1000)::float8 AS start_ms,
            (extract(epoch FROM end_at) * 1000)::float8 AS end_ms, value, category, client_record_id, version, metadata
     FROM health_samples
     WHERE user_id = $1::uuid AND type = ANY($2::"HealthType"[]) AND start_at >= $3 AND start_at < $4
       AND (NOT $5 OR (start_at, id) > ($6::timestamptz, $7::bigint))
     ORDER BY start_at, health_samples.id -- the bigint: a bare "id" would name the text column above
     LIMIT $8`,
    [scope.patientId, types, from, to, hasCursor, afterStart, afterId, query.limit + 1],
  );

  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.start_ms, last.id) : null };
}

// As stored, only without binary noise: a raw sample is evidence and is never rounded to display.
// Per type, once: whether it is a category type, its unit, whether it has kinds (a page is one to a few types).
const CATEGORY = new Set(HEALTH_TYPES.filter(isCategoryType));
const KINDS = new Set(HEALTH_TYPES.filter(hasKinds));
const UNITS = new Map(HEALTH_TYPES.map((type) => [type, CATEGORY.has(type) ? null : getHealthType(type).canonicalUnit]));
const valueOf = (row: Row) => (CATEGORY.has(row.type) ? row.category : withoutFloatNoise(row.value));
const unitOf = (type: HealthType) => UNITS.get(type) ?? null;

export async function findSamples(scope: ReadScope, query: SampleQuery) {
  const { page, nextCursor } = await loadPage(scope, query);
  const metadata = await metadataOf(scope.patientId, page);
  const samples = new Array<object>(page.length);
  for (let i = 0; i < page.length; i++) {
    const row = page[i]!;
    const startDate = isoInstant(row.start_ms);
    const endDate = isoInstant(row.end_ms);
    // Types with kinds (INSULIN): the kind the source named, null when it named none. Two literals, in
    // the answer's key order, rather than a spread per row.
    samples[i] = KINDS.has(row.type)
      ? { id: row.id, deviceId: row.device_id, type: row.type, value: valueOf(row), unit: unitOf(row.type), category: row.category, startDate, endDate, clientRecordId: row.client_record_id, version: row.version, metadata: metadata[i] }
      : { id: row.id, deviceId: row.device_id, type: row.type, value: valueOf(row), unit: unitOf(row.type), startDate, endDate, clientRecordId: row.client_record_id, version: row.version, metadata: metadata[i] };
  }
  return { samples, nextCursor };
}

const DAY_MS = 86_400_000;
const LAST_4_DIGIT_YEAR_MS = 253_402_300_800_000; // 10000-01-01: past it toISOString writes +YYYYYY
let isoDay = Number.NaN;
let isoDayPrefix = '';
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, without a Date per instant: a page's rows mostly share their day, whose
 * "YYYY-MM-DDT" is kept, and the time of day is plain arithmetic (Dates were a good part of a raw
 * day's cost: bench:profile).
 */
export function isoInstant(ms: number): string {
  if (!(ms >= 0 && ms < LAST_4_DIGIT_YEAR_MS)) return new Date(ms).toISOString();
  const whole = Math.floor(ms); // as Date's TimeClip does (truncation; the same for ms ≥ 0)
  const day = Math.floor(whole / DAY_MS);
  if (day !== isoDay) {
    isoDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    isoDay = day;
  }
  let rest = whole - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${isoDayPrefix}${two(hours)}:${two(minutes)}:${two(seconds)}.${three(rest - seconds * 1000)}Z`;
}

/**
 * The same page as findSamples, of one type, as columns (for charts: one array per field, no repeated
 * keys): instants as ms since the epoch, the device as an index into `devices`. Every field of the
 * default answer is here, in the same order.
 */
export async function findSampleColumns(scope: ReadScope, query: SampleQuery & { type: HealthType }) {
  const { page, nextCursor } = await loadPage(scope, query);
  const devices: string[] = [];
  const deviceIndex = new Map<string, number>();
  const indexOf = (id: string) => {
    let index = deviceIndex.get(id);
    if (index === undefined) deviceIndex.set(id, (index = devices.push(id) - 1));
    return index;
  };
  const device = page.map((row) => indexOf(row.device_id));
  return {
    format: 'columns' as const,
    type: query.type,
    unit: unitOf(query.type),
    devices,
    device,
    id: page.map((row) => row.id),
    start: page.map((row) => row.start_ms),
    end: page.map((row) => row.end_ms),
    value: page.map(valueOf),
    ...(hasKinds(query.type) ? { category: page.map((row) => row.category) } : {}),
    clientRecordId: page.map((row) => row.client_record_id),
    version: page.map((row) => row.version),
    metadata: await metadataOf(scope.patientId, page),
    nextCursor,
  };
}
