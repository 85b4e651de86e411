// Entries of a Nightscout site read back from our storage (never from a copy of what was posted): the
// glucose samples of the site's uploaders, CGM readings as `sgv` and blood readings as `mbg`. Readings of
// several uploaders relaying one sensor are deduplicated by the pipeline's own rule (dedup.md: one CGM
// stream, 60 s and 2 mg/dL, the higher-ranked source kept), so a follower sees one reading per moment.
import { prisma } from '../db/client';
import { dedupSamples } from '../pipeline';
import { rulesFor } from './aggregation/type-rules';
import { siteUploaders, type ActiveSite } from './nightscout-sites';
import { deviceNames, pipelineSample, readingOf, type ReadingRow, type SiteReading } from './nightscout-v3-entries';

export type EntryQuery = { types: ('sgv' | 'mbg')[]; count: number; fromMs?: number; toMs?: number };

/** Newest first, at most `count`; `fromMs`/`toMs` inclusive bounds on the instant. */
export async function findNightscoutEntries(site: ActiveSite, query: EntryQuery): Promise<SiteReading[]> {
  const uploaders = await siteUploaders(site.id);
  if (uploaders.length === 0 || query.types.length === 0) return [];
  const categories = query.types.map((t) => (t === 'sgv' ? 'interstitial' : 'blood'));
  const from = new Date(query.fromMs ?? 0);
  const to = new Date(query.toMs ?? 8.64e15);
  // Enough rows for `count` moments when every uploader sent each of them.
  const limit = query.count * uploaders.length;
  const rows = await prisma.$queryRaw<ReadingRow[]>`
    SELECT s.id::text, s.device_id::text, (extract(epoch FROM s.start_at) * 1000)::float8 AS ms,
           (extract(epoch FROM s.end_at) * 1000)::float8 AS end_ms, (extract(epoch FROM s.created_at) * 1000)::float8 AS created_ms, s.value, s.category, s.client_record_id, s.metadata
    FROM health_samples s
    WHERE s.user_id = ${site.userId}::uuid AND s.type = 'BLOOD_GLUCOSE'
      AND s.device_id = ANY(${uploaders.map((u) => u.deviceId)}::uuid[])
      AND s.category = ANY(${categories}::text[])
      AND s.start_at >= ${from} AND s.start_at <= ${to}
    ORDER BY s.start_at DESC, s.id DESC
    LIMIT ${limit}`;
  const priority = new Map(uploaders.map((u) => [u.deviceId, u.priority]));
  const kept = new Set(dedupSamples(rows.map((r) => pipelineSample(r, priority)), rulesFor('BLOOD_GLUCOSE')).map((c) => c.sample.id));
  const nameOf = deviceNames(site.userId);
  return Promise.all(rows.filter((r) => kept.has(r.id)).slice(0, query.count).map((r) => readingOf(site, r, nameOf)));
}

/** The stored value, specimen and version of an uploader's records, by record id. */
export async function findStoredRecords(deviceId: string, recordIds: string[]) {
  if (recordIds.length === 0) return new Map<string, { value: number; category: string | null; version: number | null }>();
  // The hash condition is what the record key index holds (lib/data/record-ids.ts).
  const rows = await prisma.$queryRaw<{ client_record_id: string; value: number; category: string | null; version: number | null }[]>`
    SELECT client_record_id, value, category, version FROM health_samples
    WHERE device_id = ${deviceId}::uuid AND client_record_id = ANY(${recordIds}::text[])
      AND hashtextextended(client_record_id, 0) = ANY(ARRAY(SELECT hashtextextended(x, 0) FROM unnest(${recordIds}::text[]) AS x))`;
  return new Map(rows.map((r) => [r.client_record_id, { value: r.value, category: r.category, version: r.version }]));
}
