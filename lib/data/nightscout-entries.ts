// Entries of a Nightscout site read back from our storage (never from a copy of what was posted): the
// glucose samples of the site's uploaders, CGM readings as `sgv` and blood readings as `mbg`. Readings of
// several uploaders relaying one sensor are deduplicated by the pipeline's own rule (dedup.md: one CGM
// stream, 60 s and 2 mg/dL, the higher-ranked source kept), so a follower sees one reading per moment.
import { prisma } from '../db/client';
import { dedupSamples, type PipelineSample } from '../pipeline';
import type { StoredReading } from '../nightscout/entries';
import { CGM_STREAM, rulesFor } from './aggregation/type-rules';
import { decryptDeviceName } from './device-fields';
import { siteUploaders, type ActiveSite } from './nightscout-sites';
import { decryptSampleMetadata } from './sample-fields';

export type EntryQuery = { types: ('sgv' | 'mbg')[]; count: number; fromMs?: number; toMs?: number };

type Row = { id: string; device_id: string; ms: number; value: number; category: string | null; client_record_id: string | null; metadata: string | null; end_ms: number };

/** Newest first, at most `count`; `fromMs`/`toMs` inclusive bounds on the instant. */
export async function findNightscoutEntries(site: ActiveSite, query: EntryQuery): Promise<StoredReading[]> {
  const uploaders = await siteUploaders(site.id);
  if (uploaders.length === 0 || query.types.length === 0) return [];
  const categories = query.types.map((t) => (t === 'sgv' ? 'interstitial' : 'blood'));
  const from = new Date(query.fromMs ?? 0);
  const to = new Date(query.toMs ?? 8.64e15);
  // Enough rows for `count` moments when every uploader sent each of them.
  const limit = query.count * uploaders.length;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT s.id::text, s.device_id::text, (extract(epoch FROM s.start_at) * 1000)::float8 AS ms,
           (extract(epoch FROM s.end_at) * 1000)::float8 AS end_ms, s.value, s.category, s.client_record_id, s.metadata
    FROM health_samples s
    WHERE s.user_id = ${site.userId}::uuid AND s.type = 'BLOOD_GLUCOSE'
      AND s.device_id = ANY(${uploaders.map((u) => u.deviceId)}::uuid[])
      AND s.category = ANY(${categories}::text[])
      AND s.start_at >= ${from} AND s.start_at <= ${to}
    ORDER BY s.start_at DESC, s.id DESC
    LIMIT ${limit}`;
  const priority = new Map(uploaders.map((u) => [u.deviceId, u.priority]));
  const samples: PipelineSample[] = rows.map((r) => ({
    id: r.id,
    deviceId: r.device_id,
    priority: priority.get(r.device_id) ?? 0,
    startMs: r.ms,
    endMs: r.end_ms,
    value: r.value,
    category: r.category,
    stream: r.category === 'interstitial' ? CGM_STREAM : null,
  }));
  const kept = new Set(dedupSamples(samples, rulesFor('BLOOD_GLUCOSE')).map((c) => c.sample.id));
  const names = new Map<string, Promise<string>>();
  const nameOf = (deviceId: string) => {
    if (!names.has(deviceId)) names.set(deviceId, deviceName(site.userId, deviceId));
    return names.get(deviceId)!;
  };
  const chosen = rows.filter((r) => kept.has(r.id)).slice(0, query.count);
  return Promise.all(
    chosen.map(async (r) => {
      const recordId = r.client_record_id ?? `${r.category === 'blood' ? 'mbg' : 'sgv'}:${r.ms}`;
      const identity = { deviceId: r.device_id, clientRecordId: r.client_record_id, type: 'BLOOD_GLUCOSE', startMs: r.ms, endMs: r.end_ms };
      const metadata = (await decryptSampleMetadata(site.userId, identity, r.metadata)) as { nightscout?: Record<string, unknown> } | null;
      return {
        deviceId: r.device_id,
        uploader: await nameOf(r.device_id),
        entryType: r.category === 'blood' ? 'mbg' : 'sgv',
        ms: r.ms,
        value: r.value,
        recordId,
        nightscout: metadata?.nightscout ?? {},
      } satisfies StoredReading;
    }),
  );
}

async function deviceName(userId: string, deviceId: string): Promise<string> {
  const device = await prisma.device.findUnique({ where: { id: deviceId }, select: { name: true } });
  return device ? decryptDeviceName(userId, deviceId, device.name) : 'unknown';
}

/** The stored value, specimen and version of an uploader's records, by record id. */
export async function findStoredRecords(deviceId: string, recordIds: string[]) {
  if (recordIds.length === 0) return new Map<string, { value: number; category: string | null; version: number | null }>();
  const rows = await prisma.$queryRaw<{ client_record_id: string; value: number; category: string | null; version: number | null }[]>`
    SELECT client_record_id, value, category, version FROM health_samples
    WHERE device_id = ${deviceId}::uuid AND client_record_id = ANY(${recordIds}::text[])`;
  return new Map(rows.map((r) => [r.client_record_id, { value: r.value, category: r.category, version: r.version }]));
}
