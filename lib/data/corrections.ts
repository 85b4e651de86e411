// Corrections (issue 19): an entry a person made by hand — a reading (the samples of the patient's
// "Manual entry" device sharing the record id `manual:<uuid>`), a health event (mood, symptom, medication
// taken, note), a meal or a dose log — is corrected or retracted by its author or by the patient. One
// uniform way for the four kinds: the live row takes the new state (a reading's samples a newer version, the event's or
// meal's new fields) or is removed, and the state it had before each change goes to entry_revisions, whole
// and encrypted (append-only): the history. Readings mark the dirty days of BOTH the old and the new
// instant in the same transaction, so the aggregates recompute as after a sync (the caller starts the
// pipeline). Device-synced samples are refused: their device corrects them by sending a newer version.
//
// A dose log keeps its planned dose: a correction changes whether it was taken or skipped, when it was taken
// (taken late is judged again) and the reason; retracting a planned dose's log leaves it unlogged, so once
// its window has passed the sweep writes it missed again (it was not taken, as far as anyone knows). A
// dose written missed by the sweep is no one's entry: it is logged after all from the medication's page.
// Questionnaire answers keep their own history (lib/data/questionnaires.ts).
//
// Entry ids: `reading:<uuid>` (the id POST /entries answered for a reading), `event:<uuid>`, `meal:<uuid>`, `dose:<uuid>`;
// `sample:<row id>` names a stored sample (a timeline item): a manual one resolves to its reading, a
// device's is refused with 403.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { decryptField, decryptNullable, encryptField, encryptNullable } from '../crypto/fields';
import { inTransaction, pool, prisma } from '../db/client';
import type { HealthType } from '../health';
import { ApiError, notFound } from '../http/errors';
import type { ObjectStore } from '../maintenance/object-store';
import { objectStore } from '../maintenance/object-store';
import { storableText } from '../http/text';
import { DEFAULT_GRACE_MINUTES, takenStatus } from '../pipeline/medication-schedule';
import { localDate } from '../time';
import { isUuid } from './access';
import {
  entryInputSchema,
  EVENT_KIND,
  eventFields,
  isReading,
  MANUAL_DEVICE_IDENTIFIER,
  normalizeReadings,
  type EntryTarget,
  type EventInput,
  pastInstant,
} from './entries';
import { decryptEventPayload } from './event-fields';
import { reasonRef, STATUS_OUT } from './medication-doses';
import { mealInputSchema, toDbType } from './meals';
import { ensureSamplePartitions } from './partitions';
import { findDisplayNames } from './profile-fields';
import { recordIdIn } from './record-ids';
import { decryptSampleMetadata, encryptSampleMetadata } from './sample-fields';

export type EntryKindName = 'reading' | 'event' | 'meal' | 'dose';
export type EntryRef = { kind: EntryKindName; id: string };

/** Who corrects: the patient (any of their hand-made entries) or a caregiver with log permission (authorOnly). */
export type Corrector = EntryTarget & { authorOnly: boolean };
export const patientCorrector = (t: EntryTarget): Corrector => ({ ...t, authorOnly: false });
export const caregiverCorrector = (t: EntryTarget): Corrector => ({ ...t, authorOnly: true });

/** An entry as it stands (or stood): its fields in the POST shape, canonical units for readings. */
export type EntryState = { entryId: string; kind: string; at: string; recordedById: string | null; createdAt: string } & Record<string, unknown>;
export type Revision = { revision: number; action: 'CREATED' | 'CORRECTED' | 'RETRACTED'; at: string; by: { id: string; name: string } | null; entry: EntryState | null };

const EVENT_KINDS: Record<string, EventInput['kind']> = { MOOD: 'mood', SYMPTOM: 'symptom', MEDICATION: 'medication', NOTE: 'note' };
const MANUAL_RECORD = /^manual:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(:systolic|:diastolic)?$/;

export const entryIdOf = (ref: EntryRef) => `${ref.kind}:${ref.id}`;

/** The reading a manual sample belongs to, from its record id (null for any other sample). */
export function readingIdOfRecord(clientRecordId: string | null): string | null {
  return clientRecordId ? (MANUAL_RECORD.exec(clientRecordId)?.[1] ?? null) : null;
}

const entryIdError = () => notFound('entry');

/** Parses an entry id; `sample:<row id>` resolves to its reading, or is refused when a device synced it. */
export async function resolveEntryId(patientId: string, value: string): Promise<EntryRef> {
  const match = /^(reading|event|meal|dose|sample):(.+)$/.exec(value);
  if (!match) throw entryIdError();
  const [, kind, id] = match as unknown as [string, EntryKindName | 'sample', string];
  if (kind !== 'sample') {
    if (!isUuid(id)) throw entryIdError();
    return { kind, id: id.toLowerCase() };
  }
  if (!/^\d{1,18}$/.test(id)) throw entryIdError();
  const rows = await prisma.$queryRaw<{ identifier: string | null; client_record_id: string | null }[]>`
    SELECT d.identifier, s.client_record_id FROM health_samples s JOIN devices d ON d.id = s.device_id
    WHERE s.user_id = ${patientId}::uuid AND s.id = ${BigInt(id)} LIMIT 1`;
  const row = rows[0];
  if (!row) throw entryIdError();
  const reading = row.identifier === MANUAL_DEVICE_IDENTIFIER ? readingIdOfRecord(row.client_record_id) : null;
  if (!reading) throw new ApiError('FORBIDDEN', 'a device-synced sample cannot be corrected by hand: its device corrects it by sending a newer version');
  return { kind: 'reading', id: reading };
}

// ───────────── the live state of each kind ─────────────

type SampleRow = { id: string; device_id: string; type: HealthType; start_at: Date; end_at: Date; value: number; category: string | null; client_record_id: string; version: number | null; metadata: string | null; created_at: Date };
type Live = { state: EntryState; samples?: SampleRow[]; photoKey?: string | null };

async function liveReading(db: pg.PoolClient | pg.Pool, patientId: string, id: string, lock: boolean): Promise<Live | null> {
  const { rows } = await db.query<SampleRow>(
    `SELECT s.id::text, s.device_id::text, s.type, s.start_at, s.end_at, s.value, s.category, s.client_record_id, s.version, s.metadata, s.created_at
     FROM health_samples s JOIN devices d ON d.id = s.device_id
     WHERE s.user_id = $1 AND d.user_id = $1 AND d.identifier = $2 AND ${recordIdIn('$3', 's.')}
     ORDER BY s.type ${lock ? 'FOR UPDATE OF s' : ''}`,
    [patientId, MANUAL_DEVICE_IDENTIFIER, [`manual:${id}`, `manual:${id}:systolic`, `manual:${id}:diastolic`]],
  );
  const first = rows[0];
  if (!first) return null;
  const meta = (await decryptSampleMetadata(patientId, { deviceId: first.device_id, clientRecordId: first.client_record_id, type: first.type, startMs: first.start_at.getTime(), endMs: first.end_at.getTime() }, first.metadata)) as Record<string, unknown> | null;
  const enteredBy = typeof meta?.enteredBy === 'string' && isUuid(meta.enteredBy) ? meta.enteredBy : null;
  const base = { entryId: `reading:${id}`, at: first.start_at.toISOString(), recordedById: enteredBy, createdAt: first.created_at.toISOString() };
  const byType = new Map(rows.map((r) => [r.type, r]));
  let fields: Record<string, unknown>;
  if (byType.has('BLOOD_PRESSURE_SYSTOLIC')) {
    fields = { kind: 'blood_pressure', systolic: byType.get('BLOOD_PRESSURE_SYSTOLIC')!.value, diastolic: byType.get('BLOOD_PRESSURE_DIASTOLIC')?.value ?? null, unit: 'mmHg' };
  } else if (first.type === 'BLOOD_GLUCOSE') {
    fields = { kind: 'glucose', value: first.value, unit: 'mg/dL', mealContext: typeof meta?.mealContext === 'string' ? meta.mealContext : 'random' };
  } else if (first.type === 'WEIGHT') fields = { kind: 'weight', value: first.value, unit: 'kg' };
  else if (first.type === 'INSULIN') fields = { kind: 'insulin', value: first.value, unit: 'U', insulinKind: first.category ?? 'bolus' };
  else fields = { kind: 'carbs', value: first.value, unit: 'g' };
  return { state: { ...base, ...fields } as EntryState, samples: rows };
}

async function liveEvent(patientId: string, id: string): Promise<Live | null> {
  const row = await prisma.healthEvent.findFirst({ where: { id, userId: patientId } });
  if (!row) return null;
  const payload = await decryptEventPayload(patientId, row.id, row.payload);
  const kind = EVENT_KINDS[row.kind];
  // Only what a person logged here: a Nightscout projection (or an older version of one) is corrected at its source.
  const superseded = await prisma.healthEvent.count({ where: { userId: patientId, supersedesId: id } });
  if (!kind || payload.nightscout !== undefined || superseded > 0) {
    throw new ApiError('FORBIDDEN', 'this event was not entered by hand here (it comes from a device or Nightscout) and is corrected at its source');
  }
  return { state: { entryId: `event:${id}`, kind, at: row.occurredAt.toISOString(), recordedById: row.recordedById, createdAt: row.createdAt.toISOString(), ...omit(payload, ['status']) } };
}

async function liveMeal(patientId: string, id: string): Promise<Live | null> {
  const row = await prisma.meal.findFirst({ where: { id, userId: patientId } });
  if (!row) return null;
  if (row.source !== 'app') throw new ApiError('FORBIDDEN', 'this meal was synced from Nightscout and is corrected at its source');
  const description = row.description === null ? null : await decryptField(patientId, { table: 'meals', column: 'description', rowId: id }, row.description);
  return {
    state: { entryId: `meal:${id}`, kind: 'meal', at: row.eatenAt.toISOString(), recordedById: row.recordedById, createdAt: row.createdAt.toISOString(), mealType: row.mealType.toLowerCase(), carbsGrams: row.carbsGrams, description, hasPhoto: row.photoKey !== null },
    photoKey: row.photoKey,
  };
}

async function liveDose(patientId: string, id: string): Promise<Live | null> {
  const row = await prisma.medicationLog.findFirst({ where: { id, userId: patientId }, include: { medication: { select: { name: true } } } });
  if (!row) return null;
  if (row.status === 'MISSED') throw new ApiError('FORBIDDEN', 'a missed dose was written by the schedule, not by a person: log the dose from the medication instead');
  if (row.source !== 'app') throw new ApiError('FORBIDDEN', 'this dose was imported from another record and is corrected at its source');
  return {
    state: {
      entryId: `dose:${id}`, kind: 'dose', at: (row.takenAt ?? row.scheduledAt ?? row.createdAt).toISOString(), recordedById: row.recordedById, createdAt: row.createdAt.toISOString(),
      medicationId: row.medicationId, medication: row.medication.name, status: STATUS_OUT[row.status], scheduledFor: row.scheduledAt?.toISOString() ?? null,
      reason: await decryptNullable(patientId, reasonRef(id), row.reason),
    },
  };
}

function live(ref: EntryRef, patientId: string): Promise<Live | null> {
  switch (ref.kind) {
    case 'reading':
      return liveReading(pool(), patientId, ref.id, false);
    case 'event':
      return liveEvent(patientId, ref.id);
    case 'meal':
      return liveMeal(patientId, ref.id);
    case 'dose':
      return liveDose(patientId, ref.id);
  }
}

// ───────────── the history ─────────────

const snapshotRef = (revisionId: string) => ({ table: 'entry_revisions', column: 'snapshot', rowId: revisionId });

async function storedRevisions(patientId: string, ref: EntryRef) {
  const rows = await prisma.entryRevision.findMany({ where: { userId: patientId, entryKind: ref.kind, entryId: ref.id }, orderBy: { revision: 'asc' } });
  return Promise.all(rows.map(async (r) => ({ ...r, state: JSON.parse(await decryptField(patientId, snapshotRef(r.id), r.snapshot)) as EntryState })));
}

/** The entry's live state, or its last state when retracted; 404 when there is none or the caller may not see it. */
async function findEntry(c: Corrector, ref: EntryRef) {
  const [current, history] = await Promise.all([live(ref, c.patientId), storedRevisions(c.patientId, ref)]);
  const original = history[0]?.state ?? current?.state;
  if (!original) throw entryIdError();
  if (c.authorOnly && original.recordedById !== c.recordedById) throw entryIdError();
  return { current, history };
}

async function appendRevision(db: pg.PoolClient, c: Corrector, ref: EntryRef, action: 'CORRECTED' | 'RETRACTED', before: EntryState) {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`entry:${ref.kind}:${ref.id}`]);
  const id = randomUUID();
  const snapshot = await encryptField(c.patientId, snapshotRef(id), JSON.stringify(before));
  await db.query(
    `INSERT INTO entry_revisions (id, user_id, entry_kind, entry_id, revision, action, snapshot, changed_by_id)
     SELECT $1, $2, $3, $4, COALESCE(MAX(revision), 0) + 1, $5, $6, $7 FROM entry_revisions WHERE user_id = $2 AND entry_kind = $3 AND entry_id = $4`,
    [id, c.patientId, ref.kind, ref.id, action, snapshot, c.recordedById],
  );
}

/** Every state of the entry, oldest first: as created, then after each correction; a retraction shows no entry. */
export async function entryHistory(c: Corrector, ref: EntryRef): Promise<Revision[]> {
  const { current, history } = await findEntry(c, ref);
  const first = history[0]?.state ?? current!.state;
  const names = await findDisplayNames([...new Set([first.recordedById, ...history.map((h) => h.changedById)].filter((x): x is string => !!x))]);
  const by = (id: string | null) => (id ? { id, name: names.get(id) || 'Unknown person' } : null);
  return [
    { revision: 0, action: 'CREATED', at: first.createdAt, by: by(first.recordedById), entry: first },
    ...history.map((h, i): Revision => ({
      revision: h.revision,
      action: h.action === 'RETRACTED' ? 'RETRACTED' : 'CORRECTED',
      at: h.changedAt.toISOString(),
      by: by(h.changedById),
      entry: h.action === 'RETRACTED' ? null : (history[i + 1]?.state ?? current?.state ?? null),
    })),
  ];
}

/** Which of these entries were ever corrected (for the timeline's "corrected" mark). */
export async function correctedEntries(patientId: string, refs: EntryRef[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await prisma.entryRevision.findMany({
    where: { userId: patientId, OR: refs.map((r) => ({ entryKind: r.kind, entryId: r.id })), action: 'CORRECTED' },
    select: { entryKind: true, entryId: true },
    distinct: ['entryKind', 'entryId'],
  });
  return new Set(rows.map((r) => `${r.entryKind}:${r.entryId}`));
}

// ───────────── correcting ─────────────

const invalid = (field: string, reason: string) => new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);

function changesOf(body: unknown, kind: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('body', 'must be a JSON object of the fields to change');
  const changes = { ...(body as Record<string, unknown>) };
  if ('kind' in changes && changes.kind !== kind) throw invalid('kind', `cannot change: this entry is a ${kind} entry`);
  delete changes.kind;
  if (Object.keys(changes).length === 0) throw invalid('body', 'names no field to change');
  if ((kind === 'glucose' || kind === 'weight') && 'value' in changes && !('unit' in changes)) throw invalid('unit', 'is required with value');
  return changes;
}

// The POST shape of the state, for the merge (stored values are canonical: mg/dL, kg).
const inputOf = (state: EntryState) => omit(state, ['entryId', 'recordedById', 'createdAt', 'hasPhoto']);
function omit(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

/** Applies the changes (the POST body's fields for the entry's kind); 422 naming the field, nothing changed. Returns the new state. */
export async function correctEntry(c: Corrector, ref: EntryRef, body: unknown): Promise<EntryState> {
  const { current } = await findEntry(c, ref);
  if (!current) throw entryIdError(); // retracted
  const before = current.state;
  const changes = changesOf(body, before.kind);
  if (ref.kind === 'dose') {
    await correctDose(c, ref, before, changes);
  } else if (ref.kind === 'meal') {
    const input = mealInputSchema.parse({ ...omit(inputOf(before), ['kind', 'at']), eatenAt: before.at, ...changes });
    await inTransaction(async (db) => {
      await appendRevision(db, c, ref, 'CORRECTED', before);
      const description = input.description === null ? null : await encryptField(c.patientId, { table: 'meals', column: 'description', rowId: ref.id }, input.description);
      await db.query('UPDATE meals SET meal_type = $3::"MealType", eaten_at = $4, carbs_grams = $5, description = $6 WHERE id = $1 AND user_id = $2', [
        ref.id, c.patientId, toDbType(input.mealType), new Date(input.eatenAt), input.carbsGrams, description,
      ]);
    });
  } else {
    const input = entryInputSchema.parse({ ...inputOf(before), ...changes, kind: before.kind });
    if (ref.kind === 'event') {
      if (isReading(input)) throw invalid('kind', 'cannot change');
      const { kind, ...payload } = eventFields(input);
      await inTransaction(async (db) => {
        await appendRevision(db, c, ref, 'CORRECTED', before);
        const sealed = await encryptField(c.patientId, { table: 'health_events', column: 'payload', rowId: ref.id }, JSON.stringify(payload));
        await db.query('UPDATE health_events SET occurred_at = $3, payload = $4, kind = $5::"HealthEventKind" WHERE id = $1 AND user_id = $2', [ref.id, c.patientId, new Date(input.at), sealed, EVENT_KIND[kind]]);
      });
    } else {
      if (!isReading(input)) throw invalid('kind', 'cannot change');
      const old = current.samples!;
      const version = Math.max(0, ...old.map((s) => s.version ?? 0)) + 1;
      const deviceId = old[0]!.device_id;
      const samples = await Promise.all(
        normalizeReadings(input, ref.id, before.recordedById ?? c.recordedById).map(async (s) => ({
          ...s,
          version,
          metadata: await encryptSampleMetadata(c.patientId, { deviceId, ...s }, s.metadata),
        })),
      );
      await ensureSamplePartitions(pool(), samples.map((s) => s.startMs));
      await inTransaction(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sync:${deviceId}`]);
        const locked = await liveReading(db, c.patientId, ref.id, true);
        if (!locked || locked.samples!.some((s, i) => s.version !== old[i]?.version)) throw new ApiError('CONFLICT', 'the entry changed meanwhile: reload it and try again');
        await appendRevision(db, c, ref, 'CORRECTED', before);
        await removeSamples(db, c, old);
        await db.query(
          `INSERT INTO health_samples (user_id, device_id, type, start_at, end_at, value, category, client_record_id, version, metadata)
           SELECT $1, $2, u.type::"HealthType", to_timestamp(u.s / 1000.0), to_timestamp(u.e / 1000.0), u.value, u.category, u.record_id, $9, u.metadata
           FROM unnest($3::text[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $10::text[]) AS u(type, s, e, value, category, record_id, metadata)`,
          [c.patientId, deviceId, samples.map((s) => s.type), samples.map((s) => s.startMs), samples.map((s) => s.endMs), samples.map((s) => s.value), samples.map((s) => s.category), samples.map((s) => s.clientRecordId), version, samples.map((s) => s.metadata)],
        );
        await markDirty(db, c, samples.map((s) => ({ type: s.type, ms: s.startMs, endMs: s.endMs })));
      });
    }
  }
  const after = await live(ref, c.patientId);
  return after!.state;
}

/** Retracts the entry: gone from what counts, its last state kept in the history. */
export async function retractEntry(c: Corrector, ref: EntryRef, store?: ObjectStore): Promise<void> {
  const { current } = await findEntry(c, ref);
  if (!current) throw entryIdError(); // already retracted
  await inTransaction(async (db) => {
    if (ref.kind === 'reading') {
      const old = current.samples!;
      await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`sync:${old[0]!.device_id}`]);
      await appendRevision(db, c, ref, 'RETRACTED', current.state);
      await removeSamples(db, c, old);
    } else {
      await appendRevision(db, c, ref, 'RETRACTED', current.state);
      const table = { event: 'health_events', meal: 'meals', dose: 'medication_logs' }[ref.kind];
      const { rowCount } = await db.query(`DELETE FROM ${table} WHERE id = $1 AND user_id = $2`, [ref.id, c.patientId]);
      if (rowCount === 0) throw entryIdError();
      if (ref.kind === 'dose') await missedAgain(db, c, current.state);
    }
  });
  // A meal's photo is not part of the kept state (the history says it had one).
  if (current.photoKey) await (store ?? objectStore()).delete(current.photoKey);
}

const doseCorrection = z
  .object({
    status: z.enum(['taken', 'skipped'], { error: 'must be taken or skipped' }),
    at: pastInstant('must be an ISO 8601 date-time with a time zone offset'),
    reason: storableText().trim().max(500, 'must be at most 500 characters').nullable(),
  })
  .strict();

// A dose log's new state: taken (at a time; late judged again against its planned dose) or skipped.
async function correctDose(c: Corrector, ref: EntryRef, before: EntryState, changes: Record<string, unknown>) {
  const was = { status: before.status === 'skipped' ? 'skipped' : 'taken', at: before.at, reason: before.reason };
  const input = doseCorrection.parse({ ...was, ...changes });
  const scheduledAt = typeof before.scheduledFor === 'string' ? Date.parse(before.scheduledFor) : null;
  const taken = input.status === 'taken';
  if (!taken && scheduledAt === null) throw invalid('status', 'skipped names a planned dose, and this was an extra dose');
  if (!taken && 'at' in changes) throw invalid('at', 'is the time a dose was taken: a skipped dose has none');
  const medication = await prisma.medication.findUniqueOrThrow({ where: { id: before.medicationId as string }, select: { stoppedAt: true } });
  if (taken && medication.stoppedAt && medication.stoppedAt.getTime() <= input.at) throw new ApiError('CONFLICT', 'this medication was stopped before that time');
  const status = !taken ? 'SKIPPED' : scheduledAt === null ? 'TAKEN' : takenStatus(scheduledAt, input.at);
  await inTransaction(async (db) => {
    await appendRevision(db, c, ref, 'CORRECTED', before);
    const reason = await encryptNullable(c.patientId, reasonRef(ref.id), input.reason ? input.reason : null);
    const { rowCount } = await db.query(
      `UPDATE medication_logs SET status = $3::"MedicationLogStatus", taken_at = $4, reason = $5, updated_at = now() WHERE id = $1 AND user_id = $2 AND status <> 'MISSED'`,
      [ref.id, c.patientId, status, taken ? new Date(input.at) : null, reason],
    );
    if (rowCount === 0) throw new ApiError('CONFLICT', 'the entry changed meanwhile: reload it and try again');
  });
}

// A planned dose whose log was retracted after its window passed was not taken, as far as anyone knows:
// missed again (the sweep has planned past it, so it would not write it).
async function missedAgain(db: pg.PoolClient, c: Corrector, state: EntryState) {
  const scheduledAt = typeof state.scheduledFor === 'string' ? Date.parse(state.scheduledFor) : null;
  if (scheduledAt === null || scheduledAt + DEFAULT_GRACE_MINUTES * 60_000 > Date.now()) return;
  await db.query(
    `INSERT INTO medication_logs (id, medication_id, user_id, scheduled_at, status, recorded_by_id, source) VALUES ($1, $2, $3, $4, 'MISSED', $3, 'sweep')`,
    [randomUUID(), state.medicationId, c.patientId, new Date(scheduledAt)],
  );
}

// Removes the reading's samples and marks their days dirty (the caller's transaction).
async function removeSamples(db: pg.PoolClient, c: Corrector, old: SampleRow[]) {
  const { rowCount } = await db.query('DELETE FROM health_samples WHERE user_id = $1 AND id = ANY($2::bigint[]) AND start_at = ANY($3::timestamptz[])', [c.patientId, old.map((s) => s.id), old.map((s) => s.start_at)]);
  if (rowCount !== old.length) throw new ApiError('CONFLICT', 'the entry changed meanwhile: reload it and try again');
  await markDirty(db, c, old.map((s) => ({ type: s.type, ms: s.start_at.getTime(), endMs: s.end_at.getTime() })));
}

async function markDirty(db: pg.PoolClient, c: Corrector, changed: { type: HealthType; ms: number; endMs: number }[]) {
  for (const s of changed) {
    await db.query(`INSERT INTO dirty_ranges (user_id, type, day_from, day_to) VALUES ($1, $2::"HealthType", $3::date, $4::date)`, [c.patientId, s.type, localDate(s.ms, c.timeZone), localDate(s.endMs, c.timeZone)]);
  }
}
