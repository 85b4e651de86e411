// Saving and removing Nightscout documents (treatments, devicestatus, profile, food, settings, activity)
// as ONE use case for API v1 and v3: each document is checked on its own (a bad one is refused by index
// and field, the good ones kept), keyed by its identifier (lib/nightscout/identifier.ts), compared with
// the stored version (the same document again, from a retry or a second app, is `unchanged` and costs
// nothing), projected into the product (lib/nightscout/projection.ts: samples of its uploader through the
// sync path, a timeline note), and stored. The projection is applied before the document is stored, so
// a failure leaves the document unstored and a retry projects it again (every step is idempotent).
//
// Echo guard (several uploaders, one truth): a document carrying an `_id` we answered is that stored
// document, never a new one; one tagged as read from Nightscout (xDrip+ marks downloaded treatments
// "… via Nightscout", NightscoutUploader.java VIA_NIGHTSCOUT_TAG) that matches nothing stored is not
// stored again. Removing a document keeps it as evidence (is_valid = false) and removes its projection
// in the same transaction: its samples no longer count (their days are recomputed) and its note goes.
import { noteAudit } from '../audit/context';
import { connectClient, inTransaction } from '../db/client';
import {
  deleteDerivedSamples, deleteProjectedNotes, findDerivedRecords, findDocuments, findProjectedNote, getDocument, getDocumentByObjectId,
  ObjectIdTakenError, recordProjectedNote, softDeleteDocument, upsertDocument, type NoteOrigin, type StoredDocument,
} from '../data/nightscout-documents';
import { removeNightscoutMeal, syncNightscoutMeal } from '../data/meal-nightscout';
import { uploaderDevice, type ActiveSite } from '../data/nightscout-sites';
import { storeSyncBatch } from '../data/sync-samples';
import { ApiError } from '../http/errors';
import { sampleKey } from '../ingest/sync-batch';
import { validateSample, type NormalizedSample } from '../ingest/validate-sample';
import { documentTime } from './document-time';
import { uploaderOf } from './entries';
import { documentIdentifier, isObjectId, type Api, type Collection } from './identifier';
import { projectActivity, projectionRecordId, projectTreatment, stepCountOf, type ProjectedSample, type StepCount } from './projection';

export const MAX_DOCUMENTS = 5000;
const MAX_DOCUMENT_BYTES = 256 * 1024;
// Refused documents ride in this header on every Nightscout upload (the body stays what clients parse).
export const REJECTED_HEADER = 'X-Rejected-Entries';
const CLOCK_SKEW_MS = 10 * 60_000;
// Every record id a treatment or an activity record can be projected into (to remove the stale ones).
const TREATMENT_PARTS = ['insulin', 'temp_basal', 'extended', 'carbs', 'glucose'] as const;
const ACTIVITY_PARTS = ['hr', 'steps'] as const;
// Fields the server owns: never stored from a client.
const SERVER_FIELDS = ['_id', 'srvCreated', 'srvModified', 'isValid', 'subject', 'modifiedBy'];

export type Refusal = { index: number; field: string; reason: string };
export type SaveOutcome = 'created' | 'updated' | 'unchanged';
export type SaveResult =
  | { index: number; identifier: string; outcome: SaveOutcome; document: StoredDocument | null; echo?: true; doc: Record<string, unknown> }
  | { index: number; refused: Refusal };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numeric = (v: unknown) => typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v);

// Numbers a treatment may carry: absent, null or '' (cgm-remote-monitor drops those), else a number.
const TREATMENT_NUMBERS = ['insulin', 'carbs', 'glucose', 'duration', 'absolute', 'rate', 'percent', 'relative', 'amount', 'protein', 'fat'];
const NOT_NEGATIVE = new Set(['insulin', 'carbs', 'glucose', 'duration', 'absolute', 'rate', 'relative', 'amount', 'protein', 'fat']);
const ECHO_TAG = /(via Nightscout$)|(Nightscout Loader)/i;

/** Refuses a document by its first bad field, or null. */
function checkDocument(collection: Collection, doc: Record<string, unknown>, api: Api): { field: string; reason: string } | null {
  if (Buffer.byteLength(JSON.stringify(doc)) > MAX_DOCUMENT_BYTES) return { field: '(document)', reason: `must be at most ${MAX_DOCUMENT_BYTES / 1024} KB` };
  // cgm-remote-monitor refuses an `_id` that is no ObjectId except on treatments (Loop sends a UUID there).
  if (collection !== 'treatments' && doc._id !== undefined && doc._id !== null && !isObjectId(doc._id)) {
    return { field: '_id', reason: 'must be a 24-character hex string, or absent' };
  }
  if (doc.identifier !== undefined && doc.identifier !== null && typeof doc.identifier !== 'string') return { field: 'identifier', reason: 'must be a string' };
  if (collection === 'treatments') {
    if (doc.eventType !== undefined && doc.eventType !== null && typeof doc.eventType !== 'string') return { field: 'eventType', reason: 'must be a string' };
    for (const field of TREATMENT_NUMBERS) {
      const v = doc[field];
      if (v === undefined || v === null || v === '') continue;
      if (!numeric(v)) return { field, reason: 'must be a number' };
      if (NOT_NEGATIVE.has(field) && Number(v) < 0) return { field, reason: 'must not be negative' };
    }
  }
  if (api === 'v1' && collection === 'profile' && doc.store !== undefined && !isObject(doc.store)) return { field: 'store', reason: 'must be an object of named profiles' };
  return null;
}

/** The document as stored: the client's fields without the ones the server owns. */
function storable(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!SERVER_FIELDS.includes(k)) out[k] = v;
  return out;
}

/** JSON with sorted keys: two equal documents compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A stored document as API v1 answers it: the client's fields, our `_id`, its identifier and time. */
export function toV1(document: StoredDocument): Record<string, unknown> {
  const out: Record<string, unknown> = { ...document.doc, _id: document.objectId, identifier: document.identifier };
  const iso = new Date(document.dateMs).toISOString();
  if (document.collection === 'profile') {
    if (out.startDate === undefined) out.startDate = iso;
  } else {
    out.created_at = iso; // eventTime folded in, offset-free, as cgm-remote-monitor normalizes it
  }
  if (document.collection === 'treatments' || document.collection === 'devicestatus') out.mills = document.dateMs;
  return out;
}

/** A document by the id a client names it with: our `_id`, else its identifier. */
export async function findDocumentById(site: ActiveSite, collection: Collection, id: string): Promise<StoredDocument | null> {
  if (isObjectId(id)) {
    const found = await getDocumentByObjectId(site, collection, id);
    if (found) return found;
  }
  return getDocument(site, collection, id);
}

type Pending = {
  index: number;
  identifier: string;
  doc: Record<string, unknown>;
  dateMs: number;
  eventType: string | null;
  uploader: string;
  previous: StoredDocument | null;
  samples: NormalizedSample[];
  stale: string[];
  note: string | null;
  step: StepCount | null;
};

type Round = { index: number; raw: unknown }[];

/** Splits documents so that no identifier repeats within a round (a later copy is applied after an earlier one). */
function rounds(items: { index: number; raw: unknown; key: string | null }[]): Round[] {
  const out: Round[] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const n = item.key === null ? 0 : (seen.get(item.key) ?? -1) + 1;
    if (item.key !== null) seen.set(item.key, n);
    (out[n] ??= []).push({ index: item.index, raw: item.raw });
  }
  return out;
}

/**
 * Saves documents of one collection: per document its identifier and outcome, or its refusal. The
 * caller starts the pipeline when `samplesChanged`.
 */
export async function saveDocuments(
  site: ActiveSite,
  collection: Collection,
  docs: unknown[],
  nowMs: number,
  options: { api?: Api } = {},
): Promise<{ results: SaveResult[]; samplesChanged: boolean }> {
  const api = options.api ?? 'v1';
  if (docs.length === 0) throw new ApiError('BAD_REQUEST', 'no documents in the body');
  if (docs.length > MAX_DOCUMENTS) throw new ApiError('PAYLOAD_TOO_LARGE', `at most ${MAX_DOCUMENTS} documents per request`);
  const results: SaveResult[] = [];
  const keyOf = (raw: unknown) => {
    if (!isObject(raw)) return null;
    const time = documentTime(collection, raw, api, nowMs);
    return time.ok ? documentIdentifier(collection, raw, time.ms, api) : null;
  };
  const keyed = docs.map((raw, index) => ({ index, raw, key: keyOf(raw) }));
  let samplesChanged = false;
  for (const round of rounds(keyed)) {
    const done = await saveRound(site, collection, round, nowMs, api);
    results.push(...done.results);
    samplesChanged ||= done.samplesChanged;
  }
  if (collection === 'treatments') samplesChanged = (await refreshPendingProjections(site, nowMs)) || samplesChanged;
  results.sort((a, b) => a.index - b.index);
  const count = (o: SaveOutcome) => results.filter((r) => 'outcome' in r && r.outcome === o).length;
  noteAudit({ details: { collection, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), refused: results.filter((r) => 'refused' in r).length } });
  return { results, samplesChanged };
}

async function saveRound(site: ActiveSite, collection: Collection, round: Round, nowMs: number, api: Api) {
  const results: SaveResult[] = [];
  const pending: Pending[] = [];
  const refuse = (index: number, field: string, reason: string) => results.push({ index, refused: { index, field, reason } });

  // 1. Each document on its own: shape, time, identifier, the stored version, the echo guard.
  for (const { index, raw } of round) {
    if (!isObject(raw)) {
      refuse(index, '(document)', 'must be an object');
      continue;
    }
    const bad = checkDocument(collection, raw, api);
    if (bad) {
      refuse(index, bad.field, bad.reason);
      continue;
    }
    const time = documentTime(collection, raw, api, nowMs);
    if (!time.ok) {
      refuse(index, time.field, time.reason);
      continue;
    }
    const ours = isObjectId(raw._id) ? await getDocumentByObjectId(site, collection, raw._id) : null;
    const identifier = documentIdentifier(collection, raw, time.ms, api, ours?.identifier ?? null);
    const previous = ours?.identifier === identifier ? ours : await getDocument(site, collection, identifier);
    const doc = storable(raw);
    const kind = doc.eventType ?? (collection === 'activity' ? doc.type : null);
    const eventType = typeof kind === 'string' ? kind : null;
    if (previous?.isValid && previous.dateMs === time.ms && previous.eventType === eventType && canonical(previous.doc) === canonical(doc)) {
      results.push({ index, identifier, outcome: 'unchanged', document: previous, doc });
      continue;
    }
    const tag = `${String(raw.enteredBy ?? '')} ${String(raw.device ?? '')}`.trim();
    if (!previous && ECHO_TAG.test(tag)) {
      results.push({ index, identifier, outcome: 'unchanged', document: null, echo: true, doc: raw });
      continue;
    }
    pending.push({ index, identifier, doc, dateMs: time.ms, eventType, uploader: uploaderOf(raw), previous, samples: [], stale: [], note: null, step: null });
  }

  // 2. The projection, checked before anything is stored: a value the product cannot take refuses the document.
  const projected = collection === 'treatments' || collection === 'activity';
  if (collection === 'activity') await chainStepCounts(site, pending);
  const accepted: Pending[] = [];
  for (const p of pending) {
    if (projected) {
      const refusal = project(collection, p, nowMs);
      if (refusal) {
        refuse(p.index, refusal.field, refusal.reason);
        continue;
      }
    }
    accepted.push(p);
  }

  // 3. Uploader devices (a revoked uploader is refused; the site's others go on).
  const devices = new Map<string, string | null>();
  const ready: (Pending & { deviceId: string | null })[] = [];
  for (const p of accepted) {
    let deviceId: string | null = p.previous?.uploaderDeviceId ?? null;
    if (deviceId === null && (projected || collection === 'devicestatus')) {
      if (!devices.has(p.uploader)) devices.set(p.uploader, await uploaderDevice(site, p.uploader));
      deviceId = devices.get(p.uploader)!;
      if (deviceId === null) {
        refuse(p.index, 'device', 'this uploader was revoked');
        continue;
      }
    }
    ready.push({ ...p, deviceId });
  }

  // 4. The projection (per uploader device: its samples in one sync transaction), then the documents.
  let samplesChanged = false;
  if (projected) {
    const byDevice = new Map<string, typeof ready>();
    for (const p of ready) if (p.deviceId) byDevice.set(p.deviceId, [...(byDevice.get(p.deviceId) ?? []), p]);
    for (const [deviceId, group] of byDevice) samplesChanged = (await storeProjection(site, deviceId, group)) || samplesChanged;
    for (const p of ready) await applyNote(site, collection, p);
    if (collection === 'treatments') for (const p of ready) await syncNightscoutMeal(site, p); // carbs become meals (issue 18)
  }
  for (const p of ready) {
    try {
      const input = { collection, identifier: p.identifier, uploaderDeviceId: p.deviceId, dateMs: p.dateMs, eventType: p.eventType, doc: p.doc };
      const saved = await upsertDocument(site, input, nowMs);
      results.push({ index: p.index, identifier: p.identifier, outcome: saved.outcome, document: saved.document, doc: p.doc });
    } catch (error) {
      if (!(error instanceof ObjectIdTakenError)) throw error;
      refuse(p.index, 'identifier', 'names a document whose _id another document already has');
    }
  }
  return { results, samplesChanged };
}

/** Fills `p.samples`, `p.stale` and `p.note`; returns the document's refusal when a value is not plausible. */
function project(collection: Collection, p: Pending, nowMs: number): { field: string; reason: string } | null {
  const projected: ProjectedSample[] =
    collection === 'treatments' ? projectTreatmentInto(p) : projectActivity(p.doc, p.dateMs, p.identifier, p.step);
  const samples: NormalizedSample[] = [];
  for (const s of projected) {
    const fitted = fitToNow(s, nowMs);
    if (!fitted) continue; // in the future: projected once its time has come (refreshPendingProjections)
    const result = validateSample(fitted, nowMs);
    if (!result.ok) return { field: sourceField(s, result.field), reason: result.reason };
    samples.push(result.sample);
  }
  const parts = collection === 'treatments' ? TREATMENT_PARTS : ACTIVITY_PARTS;
  const kept = new Set(samples.map((s) => s.clientRecordId));
  p.samples = samples;
  p.stale = p.previous
    ? parts.map((part) => projectionRecordId(collection === 'treatments' ? 'treatments' : 'activity', p.identifier, part)).filter((id) => !kept.has(id))
    : [];
  return null;

  function projectTreatmentInto(q: Pending) {
    const { samples: s, note } = projectTreatment(q.doc, q.dateMs, q.identifier, q.uploader);
    q.note = note;
    return s;
  }
}

/**
 * A sample the sync path can take now: an interval still running ends now (its share of the dose so
 * far; the rest follows when it is refreshed), a sample wholly in the future waits (null).
 */
function fitToNow(s: ProjectedSample, nowMs: number) {
  const start = Date.parse(s.startDate);
  const end = Date.parse(s.endDate);
  if (start > nowMs + CLOCK_SKEW_MS) return null;
  if (end <= nowMs + CLOCK_SKEW_MS) return s;
  const clippedEnd = Math.max(start, nowMs);
  const share = end > start ? (clippedEnd - start) / (end - start) : 0;
  if (share <= 0) return null;
  return { ...s, value: Math.round(s.value * share * 10_000) / 10_000, endDate: new Date(clippedEnd).toISOString() };
}

// The document field a refused sample came from (value → insulin, carbs, glucose, bpm or steps).
function sourceField(s: ProjectedSample, field: string): string {
  if (field !== 'value' && field !== 'unit') return field === 'startDate' || field === 'endDate' ? 'created_at' : field;
  if (s.type === 'INSULIN') return s.category === 'temp_basal' ? 'absolute' : s.clientRecordId.endsWith(':extended') ? 'relative' : 'insulin';
  if (s.type === 'CARBOHYDRATES') return 'carbs';
  if (s.type === 'BLOOD_GLUCOSE') return field === 'unit' ? 'units' : 'glucose';
  if (s.type === 'HEART_RATE') return 'bpm';
  return 'steps';
}

/** xDrip+'s running step counts: each record's previous count of the same uploader (in time order). */
async function chainStepCounts(site: ActiveSite, pending: Pending[]) {
  const counts = pending
    .map((p) => ({ p, count: stepCountOf(p.doc, p.dateMs) }))
    .filter((c): c is { p: Pending; count: StepCount } => c.count !== null)
    .sort((a, b) => a.p.dateMs - b.p.dateMs);
  const last = new Map<string, StepCount | null>();
  for (const { p, count } of counts) {
    if (!last.has(p.uploader)) {
      const [before] = await findDocuments(site, 'activity', {
        limit: 1, toMs: p.dateMs - 1, fromMs: p.dateMs - 86_400_000, match: (d) => d.type === 'steps-total' && uploaderOf(d) === p.uploader,
      });
      last.set(p.uploader, before ? stepCountOf(before.doc, before.dateMs) : null);
    }
    p.step = last.get(p.uploader) ?? null;
    last.set(p.uploader, count);
  }
}

/** Stores the samples of documents of one uploader device and removes the ones they no longer have. */
async function storeProjection(site: ActiveSite, deviceId: string, group: Pending[]): Promise<boolean> {
  const samples = group.flatMap((p) => p.samples);
  const stale = group.flatMap((p) => p.stale);
  const stored = await findDerivedRecords(site.userId, deviceId, samples.map((s) => s.clientRecordId!));
  // A changed record gets the next version (the sync path replaces only for a higher one); an equal one is left alone.
  const changed: NormalizedSample[] = [];
  const seen = new Set<string>();
  for (const s of samples) {
    if (seen.has(sampleKey(s))) continue;
    seen.add(sampleKey(s));
    const old = stored.get(s.clientRecordId!);
    if (!old) changed.push(s);
    else if (old.value !== s.value || old.category !== s.category || old.startMs !== s.startMs || old.endMs !== s.endMs) changed.push({ ...s, version: (old.version ?? 0) + 1 });
  }
  let touched = false;
  if (stale.length > 0) touched = (await inTransaction((client) => deleteDerivedSamples(client, site, deviceId, stale))) > 0;
  if (changed.length === 0) return touched;
  const outcome = await storeSyncBatch({
    device: { id: deviceId, userId: site.userId, timeZone: site.timeZone },
    samples: changed,
    idempotency: null,
    buildResponse: () => ({ status: 200, body: null }),
  });
  return touched || (outcome.kind === 'stored' && outcome.accepted > 0);
}

/** Records, replaces or removes the timeline note of a treatment. */
async function applyNote(site: ActiveSite, collection: Collection, p: Pending) {
  if (collection !== 'treatments') return;
  const origin: NoteOrigin = { site: site.id, collection, identifier: p.identifier };
  const current = p.previous ? await findProjectedNote(site, origin, p.previous.dateMs) : null;
  if (current && p.note !== null && current.text === p.note && p.previous!.dateMs === p.dateMs) return;
  if (p.note !== null) return recordProjectedNote(site, origin, p.dateMs, p.note, p.uploader, current?.id);
  if (current) {
    const client = await connectClient();
    try {
      await deleteProjectedNotes(client, site.userId, current.chain);
    } finally {
      client.release();
    }
  }
}

/**
 * Treatments whose samples were cut at upload (a temp basal still running, carbs dated ahead: AndroidAPS
 * extended carbs) get their full projection once their time has come: recent ones are projected again,
 * which stores only what changed.
 */
async function refreshPendingProjections(site: ActiveSite, nowMs: number): Promise<boolean> {
  const recent = await findDocuments(site, 'treatments', { limit: 500, fromMs: nowMs - 6 * 3600_000, toMs: nowMs + CLOCK_SKEW_MS });
  const due = recent.filter((d) => {
    const minutes = Number(d.doc.durationInMilliseconds ?? NaN) / 60_000 || Number(d.doc.duration ?? 0) || 0;
    const plannedEnd = d.dateMs + Math.max(0, minutes) * 60_000;
    return plannedEnd > d.srvModifiedMs + CLOCK_SKEW_MS && d.uploaderDeviceId !== null;
  });
  let changed = false;
  for (const d of due) {
    const p: Pending = {
      index: 0, identifier: d.identifier, doc: d.doc, dateMs: d.dateMs, eventType: d.eventType, uploader: uploaderOf(d.doc), previous: d,
      samples: [], stale: [], note: null, step: null,
    };
    if (project('treatments', p, nowMs)) continue;
    p.stale = []; // only adds what has come due; nothing of it is stale
    changed = (await storeProjection(site, d.uploaderDeviceId!, [p])) || changed;
  }
  return changed;
}

/**
 * Removes a document (kept with is_valid = false for API v3 history) and, in the same transaction, its
 * projection: its samples (their days marked for recomputation) and its timeline note. Null when there
 * is no such valid document.
 */
export async function removeDocument(site: ActiveSite, collection: Collection, identifier: string, nowMs: number): Promise<{ removed: StoredDocument | null; samplesChanged: boolean }> {
  const found = await getDocument(site, collection, identifier);
  if (!found?.isValid) return { removed: null, samplesChanged: false };
  const note = collection === 'treatments' ? await findProjectedNote(site, { site: site.id, collection, identifier }, found.dateMs) : null;
  const parts = collection === 'treatments' ? TREATMENT_PARTS : collection === 'activity' ? ACTIVITY_PARTS : [];
  const recordIds = parts.map((part) => projectionRecordId(collection === 'treatments' ? 'treatments' : 'activity', identifier, part));
  return inTransaction(async (client) => {
    const removed = await softDeleteDocument(site, collection, identifier, nowMs, client);
    let samplesChanged = false;
    if (removed?.uploaderDeviceId && recordIds.length > 0) samplesChanged = (await deleteDerivedSamples(client, site, removed.uploaderDeviceId, recordIds)) > 0;
    if (removed && note) await deleteProjectedNotes(client, site.userId, note.chain);
    return { removed, samplesChanged };
  }).then(async (outcome) => {
    if (outcome.removed && collection === 'treatments') await removeNightscoutMeal(site.userId, identifier);
    return outcome;
  });
}
