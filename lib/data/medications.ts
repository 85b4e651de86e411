// Medications (issue 19): a linked doctor prescribes, a patient adds their own (over the counter). Every
// change is a new version: the medications row is the current one and medication_versions keeps each
// version whole (an encrypted snapshot), so nothing is overwritten without a trace; stopping keeps the
// record. Read by the patient, their doctors and their caregivers with view permission (never through a
// share). The planned doses come from lib/pipeline/medication-schedule.ts, in the patient's zone.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Caller } from '../auth/session';
import { decryptField, decryptNullable, encryptField, encryptNullable, type FieldRef } from '../crypto/fields';
import { prisma } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { day } from '../http/dates';
import { ApiError, notFound } from '../http/errors';
import { freeText } from '../http/text';
import { plannedDoses, plansAnyDose, scheduleSchema, scheduleTimes, type Schedule } from '../pipeline/medication-schedule';
import { localDate } from '../time';
import { isUuid, requireFullScope, type ReadScope } from './access';

const DAY_MS = 86_400_000;
/** How many upcoming doses a medication shows, looking at most this many days ahead. */
const NEXT_DOSES = 3;
const NEXT_DOSES_DAYS = 8;

const instructionsRef = (id: string): FieldRef => ({ table: 'medications', column: 'instructions', rowId: id });
const snapshotRef = (id: string): FieldRef => ({ table: 'medication_versions', column: 'snapshot', rowId: id });

const optionalText = (max: number) => freeText(max).nullable().optional();
const code = z
  .object({
    system: z.enum(['RXNORM', 'ATC'], { error: 'must be RXNORM or ATC' }),
    code: z.string({ error: 'must be text' }).trim().regex(/^[A-Za-z0-9]{1,20}$/, 'must be an RxNorm CUI (digits) or an ATC code (e.g. A10AE04)'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.system === 'RXNORM' && !/^\d{1,10}$/.test(c.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: 'must be an RxNorm CUI: digits only' });
    if (c.system === 'ATC' && !/^[A-Z]\d{2}([A-Z]([A-Z](\d{2})?)?)?$/.test(c.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: 'must be an ATC code such as A10AE04' });
  });

const fields = {
  name: freeText(200),
  code: code.nullable().optional(),
  strength: optionalText(100),
  form: optionalText(60),
  dose: freeText(100),
  route: optionalText(60),
  schedule: scheduleSchema,
  startedOn: day.optional(),
  endedOn: day.nullable().optional(),
  instructions: optionalText(2000),
  critical: z.boolean({ error: 'must be true or false' }).optional(),
};

export const medicationInput = z.object(fields).strict();
export type MedicationInput = z.output<typeof medicationInput>;

/** A change: any field, or `stopped: true` (the record stays, no dose is planned after it). */
export const medicationPatch = z
  .object({ ...fields, stopped: z.literal(true, { error: 'must be true (a stopped medication stays stopped; add it again to restart)' }) })
  .partial()
  .strict();
export type MedicationPatch = z.output<typeof medicationPatch>;

export type MedicationAnswer = {
  id: string;
  name: string;
  code: { system: string; code: string } | null;
  strength: string | null;
  form: string | null;
  dose: string;
  route: string | null;
  schedule: Schedule;
  startedOn: string;
  endedOn: string | null;
  instructions: string | null;
  critical: boolean;
  prescriberId: string | null;
  version: number;
  stoppedAt: string | null;
  status: 'active' | 'upcoming' | 'ended' | 'stopped';
  /** The next planned doses (at most 3, within 8 days), ISO instants. */
  nextDoses: string[];
};

/** Who changes a patient's medications: the patient (their own, or stopping any) or a linked doctor (any). */
export type MedicationWriter = { patientId: string; timeZone: string; actorId: string; asDoctor: boolean };

type Row = Prisma.MedicationGetPayload<object>;
const dateOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

function statusOf(row: Row, today: string): MedicationAnswer['status'] {
  if (row.stoppedAt) return 'stopped';
  const ended = dateOf(row.endedOn);
  if (ended !== null && ended < today) return 'ended';
  return (dateOf(row.startedOn) as string) > today ? 'upcoming' : 'active';
}

/**
 * A stored schedule, read leniently: rows from before schedules had kinds (`{times}`) are daily; a schedule
 * this version cannot read plans nothing (null) rather than stopping every job that walks medications.
 */
export function readSchedule(stored: unknown): Schedule | null {
  const legacy = stored && typeof stored === 'object' && !('kind' in stored) && 'times' in stored ? { kind: 'daily', ...stored } : stored;
  const parsed = scheduleSchema.safeParse(legacy);
  return parsed.success ? parsed.data : null;
}

/**
 * The schedule as shown: a daily one without times (a prescription imported without clock times) stays
 * daily with no times, so it reads "times not set" and plans no dose until someone sets them, never "as
 * needed"; a schedule this version cannot read is shown as needed.
 */
export function shownSchedule(stored: unknown): Schedule {
  const parsed = readSchedule(stored);
  if (parsed) return parsed;
  const daily = stored && typeof stored === 'object' && (stored as { kind?: unknown }).kind === 'daily';
  return daily ? { kind: 'daily', times: [] } : { kind: 'asNeeded' };
}

/** A stored schedule's local times of day (none for as needed, or a schedule this version cannot read). */
export function medicationTimes(schedule: unknown): string[] {
  const parsed = readSchedule(schedule);
  return parsed ? scheduleTimes(parsed) : [];
}

/** The planned doses of a medication in [fromMs, toMs): none after it was stopped. */
export function medicationDoses(row: Pick<Row, 'schedule' | 'startedOn' | 'endedOn' | 'stoppedAt'>, timeZone: string, fromMs: number, toMs: number): number[] {
  const until = row.stoppedAt ? Math.min(toMs, row.stoppedAt.getTime()) : toMs;
  const schedule = readSchedule(row.schedule);
  if (!schedule) return [];
  return plannedDoses(schedule, { startedOn: dateOf(row.startedOn) as string, endedOn: dateOf(row.endedOn) }, timeZone, fromMs, until);
}

/** A row's fields as a version keeps them (what the versions endpoint answers, whoever wrote the row). */
export async function snapshotOfRow(row: Row): Promise<Snapshot> {
  return {
    name: row.name,
    code: row.codeSystem && row.code ? { system: row.codeSystem, code: row.code } : null,
    strength: row.strength,
    form: row.form,
    dose: row.dosage ?? '',
    route: row.route,
    schedule: shownSchedule(row.schedule),
    startedOn: dateOf(row.startedOn) as string,
    endedOn: dateOf(row.endedOn),
    instructions: await decryptNullable(row.userId, instructionsRef(row.id), row.instructions),
    critical: row.critical,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
  };
}

async function answerOf(row: Row, timeZone: string, nowMs: number): Promise<MedicationAnswer> {
  return {
    id: row.id,
    ...(await snapshotOfRow(row)),
    prescriberId: row.prescriberId,
    version: row.version,
    status: statusOf(row, localDate(nowMs, timeZone)),
    nextDoses: medicationDoses(row, timeZone, nowMs, nowMs + NEXT_DOSES_DAYS * DAY_MS).slice(0, NEXT_DOSES).map((x) => new Date(x).toISOString()),
  };
}

/** The patient's medications: active and upcoming first, then ended and stopped; each with its next doses. */
export async function listMedications(scope: ReadScope, nowMs: number): Promise<MedicationAnswer[]> {
  requireFullScope(scope);
  const rows = await prisma.medication.findMany({ where: { userId: scope.patientId }, orderBy: [{ startedOn: 'desc' }, { createdAt: 'desc' }] });
  const answers = await Promise.all(rows.map((r) => answerOf(r, scope.timeZone, nowMs)));
  const rank = { active: 0, upcoming: 1, ended: 2, stopped: 3 } as const;
  return answers.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** One of the patient's medications (404 when it is not theirs). */
export async function findMedication(patientId: string, medicationId: string): Promise<Row> {
  if (!isUuid(medicationId)) throw notFound('medication');
  const row = await prisma.medication.findFirst({ where: { id: medicationId, userId: patientId } });
  if (!row) throw notFound('medication');
  return row;
}

export async function getMedication(scope: ReadScope, medicationId: string, nowMs: number): Promise<MedicationAnswer> {
  requireFullScope(scope);
  return answerOf(await findMedication(scope.patientId, medicationId), scope.timeZone, nowMs);
}

type Snapshot = Omit<MedicationAnswer, 'id' | 'version' | 'status' | 'nextDoses' | 'prescriberId'>;

function refuse(field: string, reason: string): never {
  throw new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);
}

/** The rules across fields: a real period, a schedule that plans a dose in it, critical set by a doctor only. */
function checkSnapshot(s: Snapshot, writer: MedicationWriter, criticalGiven: boolean): void {
  if (criticalGiven && !writer.asDoctor) refuse('critical', 'is set by the prescribing doctor only');
  if (s.endedOn !== null && s.endedOn < s.startedOn) refuse('endedOn', 'is before startedOn');
  if (!plansAnyDose(s.schedule, { startedOn: s.startedOn, endedOn: s.endedOn }, writer.timeZone)) refuse('schedule', 'plans no dose between startedOn and endedOn');
}

async function writeVersion(tx: Prisma.TransactionClient, patientId: string, medicationId: string, version: number, change: 'CREATED' | 'UPDATED' | 'STOPPED', snapshot: Snapshot, actorId: string) {
  const id = randomUUID();
  await tx.medicationVersion.create({
    data: { id, medicationId, version, change, snapshot: await encryptField(patientId, snapshotRef(id), JSON.stringify(snapshot)), changedById: actorId },
  });
}

export async function createMedication(writer: MedicationWriter, input: MedicationInput, nowMs: number): Promise<MedicationAnswer> {
  const snapshot: Snapshot = {
    name: input.name, code: input.code ?? null, strength: input.strength ?? null, form: input.form ?? null, dose: input.dose, route: input.route ?? null,
    schedule: input.schedule, startedOn: input.startedOn ?? localDate(nowMs, writer.timeZone), endedOn: input.endedOn ?? null,
    instructions: input.instructions ?? null, critical: input.critical ?? false, stoppedAt: null,
  };
  checkSnapshot(snapshot, writer, input.critical !== undefined && input.critical !== false);
  const id = randomUUID();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.medication.create({
      data: {
        id, userId: writer.patientId, ...columns(snapshot), instructions: await encryptNullable(writer.patientId, instructionsRef(id), snapshot.instructions),
        prescriberId: writer.asDoctor ? writer.actorId : null, createdById: writer.actorId,
      },
    });
    await writeVersion(tx, writer.patientId, id, 1, 'CREATED', snapshot, writer.actorId);
    return created;
  });
  return answerOf(row, writer.timeZone, nowMs);
}

function columns(s: Snapshot) {
  return {
    name: s.name, codeSystem: s.code?.system ?? null, code: s.code?.code ?? null, strength: s.strength, form: s.form, dosage: s.dose, route: s.route,
    schedule: s.schedule as Prisma.InputJsonValue, startedOn: asDate(s.startedOn), endedOn: s.endedOn ? asDate(s.endedOn) : null, critical: s.critical,
  };
}

/**
 * A change as a new version. A patient edits only what they added themselves (a prescription is their
 * doctor's to change) but may stop any of their medications; a linked doctor changes or stops any.
 */
export async function updateMedication(writer: MedicationWriter, medicationId: string, patch: MedicationPatch, nowMs: number): Promise<MedicationAnswer> {
  const row = await findMedication(writer.patientId, medicationId);
  const { stopped, ...changes } = patch;
  const editing = Object.keys(changes).length > 0;
  if (!editing && !stopped) refuse('(body)', 'changes nothing: give a field to change, or "stopped": true');
  if (editing && !writer.asDoctor && row.prescriberId !== null) throw new ApiError('FORBIDDEN', 'a prescribed medication is changed by a doctor; you may stop it');
  if (row.stoppedAt) throw new ApiError('CONFLICT', 'this medication is stopped; add it again to restart it');
  const current = await answerOf(row, writer.timeZone, nowMs);
  const next: Snapshot = {
    name: changes.name ?? current.name, code: changes.code !== undefined ? changes.code : current.code, strength: pick(changes.strength, current.strength),
    form: pick(changes.form, current.form), dose: changes.dose ?? current.dose, route: pick(changes.route, current.route), schedule: changes.schedule ?? current.schedule,
    startedOn: changes.startedOn ?? current.startedOn, endedOn: changes.endedOn !== undefined ? changes.endedOn : current.endedOn,
    instructions: pick(changes.instructions, current.instructions), critical: changes.critical ?? current.critical,
    stoppedAt: stopped ? new Date(nowMs).toISOString() : null,
  };
  checkSnapshot(next, writer, changes.critical !== undefined && changes.critical !== current.critical);
  const version = row.version + 1;
  const saved = await prisma.$transaction(async (tx) => {
    // The version check makes two concurrent changes one after the other, never one lost.
    const { count } = await tx.medication.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        ...columns(next), instructions: await encryptNullable(writer.patientId, instructionsRef(row.id), next.instructions), version, updatedAt: new Date(nowMs),
        ...(stopped ? { stoppedAt: new Date(nowMs), stoppedById: writer.actorId } : {}),
      },
    });
    if (count === 0) throw new ApiError('CONFLICT', 'the medication changed meanwhile; read it again');
    await writeVersion(tx, writer.patientId, row.id, version, stopped && !editing ? 'STOPPED' : 'UPDATED', next, writer.actorId);
    return tx.medication.findUniqueOrThrow({ where: { id: row.id } });
  });
  return answerOf(saved, writer.timeZone, nowMs);
}

const pick = <T>(given: T | null | undefined, current: T | null): T | null => (given !== undefined ? given : current);

export type MedicationVersionAnswer = { version: number; change: string; changedAt: string; changedById: string | null; medication: Snapshot };

/** Every version of a medication, oldest first. */
export async function medicationVersions(scope: ReadScope, medicationId: string): Promise<MedicationVersionAnswer[]> {
  requireFullScope(scope);
  await findMedication(scope.patientId, medicationId);
  const rows = await prisma.medicationVersion.findMany({ where: { medicationId }, orderBy: { version: 'asc' } });
  return Promise.all(
    rows.map(async (r) => ({
      version: r.version, change: r.change, changedAt: r.changedAt.toISOString(), changedById: r.changedById,
      medication: JSON.parse(await decryptField(scope.patientId, snapshotRef(r.id), r.snapshot)) as Snapshot,
    })),
  );
}

/** Who writes, from the scope the route checked: the patient themselves, or a linked doctor. */
export function medicationWriter(caller: Caller, scope: ReadScope): MedicationWriter {
  requireFullScope(scope);
  return { patientId: scope.patientId, timeZone: scope.timeZone, actorId: caller.id, asDoctor: caller.role === 'DOCTOR' };
}
