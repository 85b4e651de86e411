// Manual entries by a patient, or by a caregiver allowed to log data for them. Readings (glucose, blood
// pressure, weight, an insulin dose, carbohydrates eaten) become samples of the patient's "Manual entry" device and take the device sync's path:
// the same per-sample validation (canonical units, plausible ranges) and storeSyncBatch (dirty ranges,
// dedup), so the pipeline treats them like any other source (priority 10: when a device sent the same
// reading, same time and value, the device's copy counts; a recheck with another value counts on its own).
// Events (mood, symptom, medication taken, note) go to the event-sourced health_events.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Caller } from '../auth/session';
import { generateDeviceToken } from '../auth/tokens';
import { prisma } from '../db/client';
import { DEFAULT_PRIORITY } from '../devices/device-types';
import type { HealthEventKind } from '../generated/prisma/enums';
import { fromCanonical, getHealthType, type HealthType } from '../health';
import { ApiError, notFound } from '../http/errors';
import { freeText, storableText } from '../http/text';
import { parseIsoInstant } from '../ingest/iso-date';
import { validateSample, type NormalizedSample } from '../ingest/validate-sample';
import { isUuid } from './access';
import { encryptDeviceName } from './device-fields';
import { newEventRow } from './event-fields';
import { inIdempotentTransaction, type Previous, type ScopedIdempotency, type StoredResponse } from './idempotency-keys';
import { storeSyncBatch } from './sync-samples';

// What a person injecting by pen logs: a meal bolus, a correction, or their long-acting (basal) dose.
// Pump-only kinds (SMB, temp basal) come from the pump's apps.
export const MANUAL_INSULIN_KINDS = ['bolus', 'correction', 'basal'] as const;
export type ManualInsulinKind = (typeof MANUAL_INSULIN_KINDS)[number];
export const MEAL_CONTEXTS = ['fasting', 'before_breakfast', 'after_breakfast', 'before_lunch', 'after_lunch', 'before_dinner', 'after_dinner', 'bedtime', 'random'] as const;
export type MealContext = (typeof MEAL_CONTEXTS)[number];
export const TEXT_LIMITS = { name: 100, dose: 100, note: 1000, text: 2000 } as const;
export const MAX_ENTRY_BYTES = 16 * 1024;

// The manual device is found by this marker, not by its name (the patient may rename it).
export const MANUAL_DEVICE_IDENTIFIER = 'pulse:manual-entry';
const CLOCK_SKEW_MS = 5 * 60_000; // a phone's clock a little ahead of ours is not "the future"
const EARLIEST_MS = Date.UTC(1970, 0, 1);

// ───────────── the request body (one zod schema, parsed once at the edge) ─────────────

/** An optional instant not in the future (a phone a little ahead is allowed), nor before 1970; absent: now. */
export const pastInstant = (typeError?: string) =>
  z
    .string(typeError ? { error: typeError } : undefined)
    .optional()
    .transform((value, ctx) => {
      const now = Date.now();
      if (value === undefined) return now;
      const parsed = parseIsoInstant(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
      else if (parsed.ms > now + CLOCK_SKEW_MS) ctx.addIssue({ code: 'custom', message: 'must not be in the future' });
      else if (parsed.ms < EARLIEST_MS) ctx.addIssue({ code: 'custom', message: 'must not be before 1970-01-01' });
      else return parsed.ms;
      return z.NEVER;
    });
const entryTime = pastInstant();

const optionalText = (max: number) =>
  storableText()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((s) => (s ? s : null));
const positive = z.number({ error: 'must be a number' }).positive('must be greater than 0');
const scale = z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');

export const entryInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('glucose'), value: positive, unit: z.enum(['mg/dL', 'mmol/L'], { error: 'must be mg/dL or mmol/L' }), mealContext: z.enum(MEAL_CONTEXTS, { error: `must be one of: ${MEAL_CONTEXTS.join(', ')}` }), at: entryTime }),
  z
    .object({ kind: z.literal('blood_pressure'), systolic: positive, diastolic: positive, at: entryTime })
    .refine((bp) => bp.diastolic < bp.systolic, { message: 'must be lower than systolic', path: ['diastolic'] }),
  z.object({ kind: z.literal('weight'), value: positive, unit: z.enum(['kg', 'lb'], { error: 'must be kg or lb' }), at: entryTime }),
  z.object({ kind: z.literal('insulin'), value: positive, insulinKind: z.enum(MANUAL_INSULIN_KINDS, { error: `must be one of: ${MANUAL_INSULIN_KINDS.join(', ')}` }), at: entryTime }),
  z.object({ kind: z.literal('carbs'), value: positive, at: entryTime }),
  z.object({ kind: z.literal('mood'), score: scale, note: optionalText(TEXT_LIMITS.note), at: entryTime }),
  z.object({ kind: z.literal('symptom'), name: freeText(TEXT_LIMITS.name), severity: scale, note: optionalText(TEXT_LIMITS.note), at: entryTime }),
  z.object({ kind: z.literal('medication'), name: freeText(TEXT_LIMITS.name), dose: optionalText(TEXT_LIMITS.dose), at: entryTime }),
  z.object({ kind: z.literal('note'), text: freeText(TEXT_LIMITS.text), at: entryTime }),
]);
export type EntryInput = z.output<typeof entryInputSchema>;
export type EntryKind = EntryInput['kind'];
export const READING_KINDS = ['glucose', 'blood_pressure', 'weight', 'insulin', 'carbs'] as const;
export type ReadingInput = Extract<EntryInput, { kind: (typeof READING_KINDS)[number] }>;
export type EventInput = Exclude<EntryInput, ReadingInput>;

// ───────────── who may log for whom ─────────────

/** The patient whose data an entry belongs to, and who recorded it (never taken from the body). */
export type EntryTarget = { patientId: string; timeZone: string; recordedById: string };

async function timeZoneOf(userId: string): Promise<string> {
  const profile = await prisma.profile.findUnique({ where: { userId }, select: { timeZone: true } });
  return profile?.timeZone ?? 'UTC';
}

/** A patient logging for themselves (the route requires the PATIENT role). */
export async function ownEntryTarget(caller: Caller): Promise<EntryTarget> {
  return { patientId: caller.id, timeZone: await timeZoneOf(caller.id), recordedById: caller.id };
}

/** A caregiver whose active link carries can_log_data; everyone else gets the same 404. */
export async function caregiverEntryTarget(caller: Caller, patientId: string): Promise<EntryTarget> {
  if (caller.role !== 'CAREGIVER' || !isUuid(patientId)) throw notFound('patient');
  const link = await prisma.careRelationship.findFirst({
    where: { patientId, carerId: caller.id, kind: 'CAREGIVER', revokedAt: null, canLogData: true, patient: { disabledAt: null, role: 'PATIENT' } },
    select: { id: true },
  });
  if (!link) throw notFound('patient');
  return { patientId, timeZone: await timeZoneOf(patientId), recordedById: caller.id };
}

// ───────────── readings: samples of the manual device ─────────────

/** The patient's one manual-entry device, created on first use (an advisory lock keeps it to one). */
export async function ensureManualDevice(patientId: string): Promise<string> {
  const where = { userId: patientId, type: 'manual', identifier: MANUAL_DEVICE_IDENTIFIER } as const;
  const found = await prisma.device.findFirst({ where, select: { id: true }, orderBy: { createdAt: 'asc' } });
  if (found) return found.id;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`manual-device:${patientId}`}, 0))`;
    const existing = await tx.device.findFirst({ where, select: { id: true }, orderBy: { createdAt: 'asc' } });
    if (existing) return existing.id;
    // Nobody ever holds this token: manual entries arrive through the signed-in API, not a device sync.
    const { hash } = generateDeviceToken();
    const id = randomUUID();
    const device = await tx.device.create({
      data: { ...where, id, name: await encryptDeviceName(patientId, id, 'Manual entry'), priority: DEFAULT_PRIORITY.manual, tokenHash: hash },
      select: { id: true },
    });
    return device.id;
  });
}

type RawReading = { type: HealthType; field: string; value: number; unit: string; suffix: string; category?: string };

function rawReadings(input: ReadingInput): RawReading[] {
  switch (input.kind) {
    case 'glucose':
      return [{ type: 'BLOOD_GLUCOSE', field: 'value', value: input.value, unit: input.unit, suffix: '' }];
    case 'weight':
      return [{ type: 'WEIGHT', field: 'value', value: input.value, unit: input.unit, suffix: '' }];
    case 'insulin':
      return [{ type: 'INSULIN', field: 'value', value: input.value, unit: 'U', suffix: '', category: input.insulinKind }];
    case 'carbs':
      return [{ type: 'CARBOHYDRATES', field: 'value', value: input.value, unit: 'g', suffix: '' }];
    case 'blood_pressure':
      // One reading, two samples sharing a timestamp (as cuffs send them); one record id each.
      return [
        { type: 'BLOOD_PRESSURE_SYSTOLIC', field: 'systolic', value: input.systolic, unit: 'mmHg', suffix: ':systolic' },
        { type: 'BLOOD_PRESSURE_DIASTOLIC', field: 'diastolic', value: input.diastolic, unit: 'mmHg', suffix: ':diastolic' },
      ];
  }
}

function rangeReason(r: RawReading): string {
  const { range } = getHealthType(r.type);
  const low = Math.ceil(fromCanonical(r.type, range.min, r.unit) * 10) / 10;
  const high = Math.floor(fromCanonical(r.type, range.max, r.unit) * 10) / 10;
  return `must be between ${low} and ${high} ${r.unit}`;
}

/** Runs each reading through the sync validation; the first failure is a 422 naming the entry's field. */
export function normalizeReadings(input: ReadingInput, entryId: string, recordedById: string): NormalizedSample[] {
  const iso = new Date(input.at).toISOString();
  const metadata = input.kind === 'glucose' ? { mealContext: input.mealContext, enteredBy: recordedById } : { enteredBy: recordedById };
  return rawReadings(input).map((r) => {
    const raw = { type: r.type, value: r.value, unit: r.unit, startDate: iso, endDate: iso, clientRecordId: `manual:${entryId}${r.suffix}`, metadata, category: r.category };
    const result = validateSample(raw, Date.now());
    if (result.ok) return result.sample;
    // After the schema, a value can only fail its plausible range: say it in the unit the person typed.
    const [field, reason] = result.field === 'value' ? [r.field, rangeReason(r)] : [result.field === 'unit' ? 'unit' : 'at', result.reason];
    throw new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);
  });
}

function canonical(sample: NormalizedSample | undefined) {
  if (!sample) throw new Error('a reading without its sample');
  return { value: sample.value, unit: getHealthType(sample.type).canonicalUnit };
}

// ───────────── what the API answers ─────────────

type Canonical = { value: number; unit: string };
export type EntryFields =
  | { kind: 'glucose'; value: number; unit: 'mg/dL' | 'mmol/L'; mealContext: MealContext; canonical: Canonical }
  | { kind: 'weight'; value: number; unit: 'kg' | 'lb'; canonical: Canonical }
  | { kind: 'blood_pressure'; systolic: number; diastolic: number; unit: 'mmHg' }
  | { kind: 'insulin'; value: number; unit: 'U'; insulinKind: ManualInsulinKind; canonical: Canonical }
  | { kind: 'carbs'; value: number; unit: 'g'; canonical: Canonical }
  | { kind: 'mood'; score: number; note: string | null }
  | { kind: 'symptom'; name: string; severity: number; note: string | null }
  | { kind: 'medication'; name: string; dose: string | null; status: 'taken' }
  | { kind: 'note'; text: string };
/** `entryId` names the entry for corrections (lib/data/corrections.ts): `reading:<id>` or `event:<id>`. */
export type CreatedEntry = { id: string; entryId: string; patientId: string; recordedById: string; at: string } & EntryFields;

function readingAnswer(target: EntryTarget, input: ReadingInput, id: string, samples: NormalizedSample[]): CreatedEntry {
  const common = { id, entryId: `reading:${id}`, patientId: target.patientId, recordedById: target.recordedById, at: new Date(input.at).toISOString() };
  switch (input.kind) {
    case 'glucose':
      return { ...common, kind: input.kind, value: input.value, unit: input.unit, mealContext: input.mealContext, canonical: canonical(samples[0]) };
    case 'weight':
      return { ...common, kind: input.kind, value: input.value, unit: input.unit, canonical: canonical(samples[0]) };
    case 'blood_pressure':
      return { ...common, kind: input.kind, systolic: input.systolic, diastolic: input.diastolic, unit: 'mmHg' };
    case 'insulin':
      return { ...common, kind: input.kind, value: input.value, unit: 'U', insulinKind: input.insulinKind, canonical: canonical(samples[0]) };
    case 'carbs':
      return { ...common, kind: input.kind, value: input.value, unit: 'g', canonical: canonical(samples[0]) };
  }
}

async function createReading(target: EntryTarget, input: ReadingInput, idem: ScopedIdempotency | null): Promise<EntryOutcome> {
  const id = randomUUID();
  const samples = normalizeReadings(input, id, target.recordedById);
  const entry = readingAnswer(target, input, id, samples);
  const deviceId = idem?.deviceId ?? (await ensureManualDevice(target.patientId));
  // The idempotency record goes into the samples' own transaction (the sync path's).
  const outcome = await storeSyncBatch({
    device: { id: deviceId, userId: target.patientId, timeZone: target.timeZone },
    samples,
    idempotency: idem && { key: idem.key, requestHash: idem.requestHash },
    buildResponse: () => ({ status: 201, body: entry }),
  });
  return outcome.kind === 'stored' ? { kind: 'stored', response: outcome.response, entry, samplesStored: true } : outcome;
}

// ───────────── events: health_events ─────────────

export const EVENT_KIND: Record<EventInput['kind'], HealthEventKind> = { mood: 'MOOD', symptom: 'SYMPTOM', medication: 'MEDICATION', note: 'NOTE' };

export function eventFields(input: EventInput): Extract<EntryFields, { kind: EventInput['kind'] }> {
  switch (input.kind) {
    case 'mood':
      return { kind: input.kind, score: input.score, note: input.note };
    case 'symptom':
      return { kind: input.kind, name: input.name, severity: input.severity, note: input.note };
    case 'medication':
      return { kind: input.kind, name: input.name, dose: input.dose, status: 'taken' };
    case 'note':
      return { kind: input.kind, text: input.text };
  }
}

async function createEvent(target: EntryTarget, input: EventInput, idem: ScopedIdempotency | null): Promise<EntryOutcome> {
  const fields = eventFields(input);
  const { kind, ...payload } = fields; // the payload is the fields without the kind (a column of its own)
  const row = await newEventRow({ userId: target.patientId, kind: EVENT_KIND[kind], occurredAt: new Date(input.at), payload, recordedById: target.recordedById });
  let entry: CreatedEntry | undefined;
  const outcome = await inIdempotentTransaction(idem, async (tx) => {
    const event = await tx.healthEvent.create({ data: row, select: { id: true, occurredAt: true } });
    entry = { id: event.id, entryId: `event:${event.id}`, patientId: target.patientId, recordedById: target.recordedById, at: event.occurredAt.toISOString(), ...fields };
    return { status: 201, body: entry };
  });
  if (outcome.kind !== 'stored') return outcome;
  if (!entry) throw new Error('an event stored without its answer');
  return { ...outcome, entry, samplesStored: false };
}

// ───────────── the use case ─────────────

export const isReading = (input: EntryInput): input is ReadingInput => (READING_KINDS as readonly string[]).includes(input.kind);

/** What storing an entry came to: stored (the entry, its answer, and whether samples were), or what an earlier request with its key says. */
export type EntryOutcome = Previous | { kind: 'stored'; entry: CreatedEntry; response: StoredResponse; samplesStored: boolean };

/**
 * Stores one entry; `samplesStored` tells the caller to start the pipeline (after the response). With a
 * key (lib/http/idempotency.ts) the answer is stored with the entry, in its transaction.
 */
export function storeEntry(target: EntryTarget, input: EntryInput, idem: ScopedIdempotency | null): Promise<EntryOutcome> {
  return isReading(input) ? createReading(target, input, idem) : createEvent(target, input, idem);
}

/** Stores one entry (no key); `samplesStored` tells the caller to start the pipeline. */
export async function createEntry(target: EntryTarget, input: EntryInput): Promise<{ entry: CreatedEntry; samplesStored: boolean }> {
  const outcome = await storeEntry(target, input, null);
  if (outcome.kind !== 'stored') throw new Error('an entry without a key was answered from a key');
  return { entry: outcome.entry, samplesStored: outcome.samplesStored };
}
