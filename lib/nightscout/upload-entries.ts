// POST /api/v1/entries as a use case: each document is parsed on its own (a bad one is refused by
// index, the good ones kept), grouped by uploader, and each uploader's readings go through the product's
// one ingest path (the sync batch parser: validation, units, plausible range; storeSyncBatch: layer-1
// dedup, dirty ranges, one transaction per uploader). The answer is what cgm-remote-monitor answers, the
// array of stored documents with their `_id`; refused documents are named in `X-Rejected-Entries`.
// Echo guard: an entry carrying an `_id` we answered for one of the site's uploaders (a client sending
// back what it read, under its own device name) is that stored reading, not a new one of another source.
import { noteAudit } from '../audit/context';
import { siteUploaders, uploaderDevice, type ActiveSite } from '../data/nightscout-sites';
import { storeSyncBatch } from '../data/sync-samples';
import { ApiError } from '../http/errors';
import { findStoredRecords } from '../data/nightscout-entries';
import { MAX_SAMPLES, parseSyncBatch } from '../ingest/sync-batch';
import type { NormalizedSample, Rejection } from '../ingest/validate-sample';
import { entryId, parseEntry, type SampleInput } from './entries';
import { isObjectId } from './identifier';

type Group = { samples: SampleInput[]; indexes: number[]; docs: Record<string, unknown>[] };

export type UploadResult = { stored: Record<string, unknown>[]; rejected: Rejection[]; accepted: number; duplicates: number };

export async function uploadEntries(site: ActiveSite, body: unknown, nowMs: number): Promise<UploadResult> {
  const docs = Array.isArray(body) ? body : [body];
  if (docs.length === 0) throw new ApiError('BAD_REQUEST', 'no entries in the body');
  if (docs.length > MAX_SAMPLES) throw new ApiError('PAYLOAD_TOO_LARGE', `at most ${MAX_SAMPLES} entries per request`);
  const rejected: Rejection[] = [];
  const groups = new Map<string, Group>();
  const calibrations: { index: number; doc: Record<string, unknown> }[] = [];
  const echoes: { index: number; doc: Record<string, unknown> }[] = [];
  const ours = docs.some((d) => isObjectId((d as { _id?: unknown } | null)?._id)) ? (await siteUploaders(site.id)).map((u) => u.deviceId) : [];
  docs.forEach((doc, index) => {
    const parsed = parseEntry(doc);
    if (!parsed.ok) return void rejected.push({ index, ...parsed.rejection });
    if (parsed.kind === 'calibration') return void calibrations.push({ index, doc: doc as Record<string, unknown> });
    const id = (doc as { _id?: unknown })._id;
    if (isObjectId(id) && ours.some((deviceId) => entryId(deviceId, parsed.sample.clientRecordId, parsed.ms) === id.toLowerCase())) {
      return void echoes.push({ index, doc: doc as Record<string, unknown> });
    }
    const group = groups.get(parsed.uploader) ?? { samples: [], indexes: [], docs: [] };
    group.samples.push(parsed.sample);
    group.indexes.push(index);
    group.docs.push(doc as Record<string, unknown>);
    groups.set(parsed.uploader, group);
  });

  const stored = [...calibrations, ...echoes];
  let accepted = 0;
  let duplicates = echoes.length;
  for (const [uploader, group] of groups) {
    const batch = parseSyncBatch({ samples: group.samples }, nowMs);
    for (const r of batch.rejected) rejected.push({ ...r, index: group.indexes[r.index]! });
    if (batch.samples.length === 0) continue; // nothing stored, not even the uploader
    const refused = new Set(batch.rejected.map((r) => r.index));
    const deviceId = await uploaderDevice(site, uploader);
    if (deviceId === null) {
      group.indexes.forEach((index, i) => refused.has(i) || rejected.push({ index, field: 'device', reason: 'this uploader was revoked' }));
      continue;
    }
    const outcome = await storeSyncBatch({
      device: { id: deviceId, userId: site.userId, timeZone: site.timeZone },
      samples: await asUpserts(deviceId, batch.samples),
      idempotency: null,
      buildResponse: () => ({ status: 200, body: null }),
    });
    if (outcome.kind === 'stored') {
      accepted += outcome.accepted;
      duplicates += outcome.duplicates + batch.duplicatesInBatch;
    }
    group.docs.forEach((doc, i) => {
      if (refused.has(i)) return;
      const sample = group.samples[i]!;
      stored.push({ index: group.indexes[i]!, doc: { ...doc, _id: entryId(deviceId, sample.clientRecordId, Date.parse(sample.startDate)) } });
    });
  }
  rejected.sort((a, b) => a.index - b.index);
  stored.sort((a, b) => a.index - b.index); // in the order they were sent
  noteAudit({ details: { accepted, duplicates, rejected: rejected.length, calibrations: calibrations.length, echoes: echoes.length } });
  return { stored: stored.map((s) => s.doc), rejected, accepted, duplicates };
}

/**
 * cgm-remote-monitor upserts by {sysTime, type}: a reading sent again with another value (xDrip+ after a
 * calibration) replaces the stored one. The sync path replaces a record only for a higher version, so a
 * changed reading gets the next one; a plain retry keeps none and stays a duplicate.
 */
async function asUpserts(deviceId: string, samples: NormalizedSample[]): Promise<NormalizedSample[]> {
  const stored = await findStoredRecords(deviceId, samples.flatMap((s) => (s.clientRecordId === null ? [] : [s.clientRecordId])));
  return samples.map((s) => {
    const old = s.clientRecordId === null ? undefined : stored.get(s.clientRecordId);
    return old && (old.value !== s.value || old.category !== s.category) ? { ...s, version: (old.version ?? 0) + 1 } : s;
  });
}
