// Entries of a Nightscout site for API v3, read from our storage: the glucose samples of the site's
// uploaders, scanned in the order v3 asks for (by time of the reading, or by when we stored it: a
// sample's created_at is the entry's srvModified) with keyset pages. Readings two uploaders relayed
// from one sensor are deduplicated by the pipeline's own rule, as GET /api/v1/entries does; the
// rule looks at the readings around each one (twice the match window), so a reading whose twin lies just
// outside the page is still recognised. A single reading found by its identifier is returned whatever
// dedup decides: it is stored, so it is addressable.
import { Prisma } from '../generated/prisma/client';
import { prisma } from '../db/client';
import { dedupSamples, type PipelineSample } from '../pipeline';
import type { StoredReading } from '../nightscout/entries';
import { CGM_STREAM, rulesFor } from './aggregation/type-rules';
import { decryptDeviceName } from './device-fields';
import { siteUploaders, type ActiveSite } from './nightscout-sites';
import { decryptSampleMetadata } from './sample-fields';

export type SiteReading = StoredReading & { sampleId: string; createdMs: number };
export type Category = 'interstitial' | 'blood';

export type ReadingScan = {
  categories: Category[];
  /** Only these uploaders' readings (device ids); all of the site's when absent. */
  deviceIds?: string[];
  /** Inclusive bounds on the reading's instant. */
  start?: { from?: number; to?: number };
  /** Bounds on when it was stored (srvModified). */
  created?: { from?: number; fromInclusive?: boolean; to?: number };
  order: 'start' | 'created';
  desc: boolean;
  /** Continue after this row of the previous page (its order key and sample id). */
  after?: { key: number; id: string };
  limit: number;
};

export type ScanPage = { readings: SiteReading[]; next: { key: number; id: string } | null };

export type ReadingRow = { id: string; device_id: string; ms: number; end_ms: number; created_ms: number; value: number; category: string | null; client_record_id: string | null; metadata: string | null };

const RULES = rulesFor('BLOOD_GLUCOSE');
// How far a twin may lie: the widest match window of glucose (spot checks or the CGM stream), twice.
const NEIGHBOURHOOD_MS = 2 * Math.max(RULES.matchWindowMs, ...Object.values(RULES.streams ?? {}).map((s) => s.matchWindowMs));

const COLUMNS = Prisma.sql`s.id::text, s.device_id::text, (extract(epoch FROM s.start_at) * 1000)::float8 AS ms,
  (extract(epoch FROM s.end_at) * 1000)::float8 AS end_ms, (extract(epoch FROM s.created_at) * 1000)::float8 AS created_ms,
  s.value, s.category, s.client_record_id, s.metadata`;

function scope(site: ActiveSite, deviceIds: string[], categories: string[]) {
  return Prisma.sql`s.user_id = ${site.userId}::uuid AND s.type = 'BLOOD_GLUCOSE'
    AND s.device_id = ANY(${deviceIds}::uuid[]) AND s.category = ANY(${categories}::text[])`;
}

/** One page of the site's readings in the scan's order; `next` is null when no rows are left. */
export async function scanSiteReadings(site: ActiveSite, scan: ReadingScan): Promise<ScanPage> {
  const uploaders = await siteUploaders(site.id);
  if (uploaders.length === 0 || scan.categories.length === 0) return { readings: [], next: null };
  const deviceIds = uploaders.map((u) => u.deviceId);
  const key = scan.order === 'start' ? Prisma.sql`s.start_at` : Prisma.sql`s.created_at`;
  const conditions = [scope(site, deviceIds, scan.categories)];
  if (scan.deviceIds) conditions.push(Prisma.sql`s.device_id = ANY(${scan.deviceIds}::uuid[])`);
  const at = (ms: number) => new Date(ms);
  if (scan.start?.from !== undefined) conditions.push(Prisma.sql`s.start_at >= ${at(scan.start.from)}`);
  if (scan.start?.to !== undefined) conditions.push(Prisma.sql`s.start_at <= ${at(scan.start.to)}`);
  if (scan.created?.from !== undefined) {
    conditions.push(scan.created.fromInclusive ? Prisma.sql`s.created_at >= ${at(scan.created.from)}` : Prisma.sql`s.created_at > ${at(scan.created.from)}`);
  }
  if (scan.created?.to !== undefined) conditions.push(Prisma.sql`s.created_at <= ${at(scan.created.to)}`);
  if (scan.after) {
    conditions.push(
      scan.desc
        ? Prisma.sql`(${key}, s.id) < (${at(scan.after.key)}, ${scan.after.id}::bigint)`
        : Prisma.sql`(${key}, s.id) > (${at(scan.after.key)}, ${scan.after.id}::bigint)`,
    );
  }
  const direction = scan.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await prisma.$queryRaw<ReadingRow[]>`
    SELECT ${COLUMNS} FROM health_samples s
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${key} ${direction}, s.id ${direction}
    LIMIT ${scan.limit}`;
  const last = rows.at(-1);
  const next = last && rows.length === scan.limit ? { key: scan.order === 'start' ? last.ms : last.created_ms, id: last.id } : null;
  if (rows.length === 0) return { readings: [], next };

  const neighbours = await neighboursOf(site, deviceIds, scan.categories, rows);
  const priority = new Map(uploaders.map((u) => [u.deviceId, u.priority]));
  const byId = new Map([...neighbours, ...rows].map((r) => [r.id, r]));
  const kept = new Set(dedupSamples([...byId.values()].map((r) => pipelineSample(r, priority)), RULES).map((c) => c.sample.id));
  const names = deviceNames(site.userId);
  const readings = await Promise.all(rows.filter((r) => kept.has(r.id)).map((r) => readingOf(site, r, names)));
  return { readings, next };
}

// The readings of every uploader within the neighbourhood of the page's readings.
async function neighboursOf(site: ActiveSite, deviceIds: string[], categories: string[], rows: ReadingRow[]): Promise<ReadingRow[]> {
  const starts = rows.map((r) => r.ms);
  const from = new Date(Math.min(...starts) - NEIGHBOURHOOD_MS);
  const to = new Date(Math.max(...starts) + NEIGHBOURHOOD_MS);
  return prisma.$queryRaw<ReadingRow[]>`
    SELECT ${COLUMNS} FROM health_samples s
    WHERE ${scope(site, deviceIds, categories)} AND s.start_at BETWEEN ${from} AND ${to}
      AND EXISTS (SELECT 1 FROM unnest(${starts}::float8[]) AS t(ms)
                  WHERE s.start_at BETWEEN to_timestamp((t.ms - ${NEIGHBOURHOOD_MS}) / 1000.0) AND to_timestamp((t.ms + ${NEIGHBOURHOOD_MS}) / 1000.0))`;
}

/** The site's readings stored at an instant's second (an identifier names one), shadowed ones included. */
export async function readingsInSecond(site: ActiveSite, second: number): Promise<SiteReading[]> {
  const uploaders = await siteUploaders(site.id);
  if (uploaders.length === 0) return [];
  const rows = await prisma.$queryRaw<ReadingRow[]>`
    SELECT ${COLUMNS} FROM health_samples s
    WHERE ${scope(site, uploaders.map((u) => u.deviceId), ['interstitial', 'blood'])}
      AND s.start_at >= ${new Date(second * 1000)} AND s.start_at < ${new Date((second + 1) * 1000)}`;
  const names = deviceNames(site.userId);
  return Promise.all(rows.map((r) => readingOf(site, r, names)));
}

/** The site's uploaders by name (the entry's `device`), decrypted. */
export async function siteUploaderNames(site: ActiveSite): Promise<{ deviceId: string; name: string }[]> {
  const names = deviceNames(site.userId);
  const uploaders = await siteUploaders(site.id);
  return Promise.all(uploaders.map(async (u) => ({ deviceId: u.deviceId, name: await names(u.deviceId) })));
}

/** When the site's newest reading was stored (ms), or null. */
export async function latestReadingStored(site: ActiveSite): Promise<number | null> {
  const uploaders = await siteUploaders(site.id);
  if (uploaders.length === 0) return null;
  const [row] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM max(s.created_at)) * 1000)::float8 AS ms FROM health_samples s
    WHERE ${scope(site, uploaders.map((u) => u.deviceId), ['interstitial', 'blood'])}`;
  return row?.ms ?? null;
}

export function pipelineSample(r: ReadingRow, priority: Map<string, number>): PipelineSample {
  return {
    id: r.id,
    deviceId: r.device_id,
    priority: priority.get(r.device_id) ?? 0,
    startMs: r.ms,
    endMs: r.end_ms,
    value: r.value,
    category: r.category,
    stream: r.category === 'interstitial' ? CGM_STREAM : null,
  };
}

// Uploader names, decrypted once per device and request.
export function deviceNames(userId: string) {
  const names = new Map<string, Promise<string>>();
  return (deviceId: string) => {
    if (!names.has(deviceId)) {
      names.set(
        deviceId,
        prisma.device.findUnique({ where: { id: deviceId }, select: { name: true } }).then((d) => (d ? decryptDeviceName(userId, deviceId, d.name) : 'unknown')),
      );
    }
    return names.get(deviceId)!;
  };
}

export async function readingOf(site: ActiveSite, r: ReadingRow, nameOf: (deviceId: string) => Promise<string>): Promise<SiteReading> {
  const entryType = r.category === 'blood' ? 'mbg' : 'sgv';
  const identity = { deviceId: r.device_id, clientRecordId: r.client_record_id, type: 'BLOOD_GLUCOSE', startMs: r.ms, endMs: r.end_ms };
  const metadata = (await decryptSampleMetadata(site.userId, identity, r.metadata)) as { nightscout?: Record<string, unknown> } | null;
  return {
    sampleId: r.id,
    deviceId: r.device_id,
    uploader: await nameOf(r.device_id),
    entryType,
    ms: r.ms,
    value: r.value,
    recordId: r.client_record_id ?? `${entryType}:${r.ms}`,
    nightscout: metadata?.nightscout ?? {},
    createdMs: r.created_ms,
  };
}
