// Dose logs (issue 19): a patient, or a caregiver with log permission, logs a dose taken (at a time) or
// skipped (with a reason). Without `scheduledFor` a log attaches to the nearest planned dose within the
// grace window (60 minutes), else it is an extra dose (scheduled_at null); an as-needed medication's doses
// are all extra. Taken more than the grace window after its planned time is "taken late". A planned dose
// whose window passed with no log is written as MISSED (markMissedDoses), so the past never moves when the
// patient's zone changes; a later log of that dose replaces MISSED (taken late, or skipped).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { decryptNullable, encryptNullable, type FieldRef } from '../crypto/fields';
import { prisma } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import type { MedicationLogStatus } from '../generated/prisma/enums';
import { ApiError } from '../http/errors';
import { storableText } from '../http/text';
import { parseIsoInstant } from '../ingest/iso-date';
import { DEFAULT_GRACE_MINUTES, nearestPlanned, takenStatus } from '../pipeline/medication-schedule';
import { adherenceOf, type Adherence } from '../pipeline/medication-adherence-stats';
import { zonedDayRangeUtc } from '../time';
import { requireFullScope, type ReadScope } from './access';
import { inIdempotentTransaction, type Previous, type ScopedIdempotency, type StoredResponse } from './idempotency-keys';
import { pastInstant, type EntryTarget } from './entries';
import { resolveMissedMedication } from './medication-alerts';
import { findMedication, medicationDoses, readSchedule } from './medications';
import { findDisplayNames } from './profile-fields';

const MINUTE_MS = 60_000;
const GRACE_MS = DEFAULT_GRACE_MINUTES * MINUTE_MS;
/** How far back the sweep looks for planned doses nobody logged (it runs every few minutes). */
export const MISSED_LOOKBACK_MS = 7 * 86_400_000;

export const reasonRef = (id: string): FieldRef => ({ table: 'medication_logs', column: 'reason', rowId: id });

const instant = z.string({ error: 'must be an ISO 8601 date-time with a time zone offset' }).transform((value, ctx) => {
  const parsed = parseIsoInstant(value);
  if (parsed.ok) return parsed.ms;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});

export const doseInput = z
  .object({
    status: z.enum(['taken', 'skipped'], { error: 'must be taken or skipped' }),
    takenAt: pastInstant('must be an ISO 8601 date-time with a time zone offset'),
    scheduledFor: instant.optional(),
    reason: storableText().trim().max(500, 'must be at most 500 characters').optional(),
  })
  .strict();
export type DoseInput = z.input<typeof doseInput>;

export type DoseStatus = 'taken' | 'late' | 'skipped' | 'missed';
export type DoseLogAnswer = {
  id: string;
  medicationId: string;
  /** The planned dose it belongs to; null for an extra dose. */
  scheduledFor: string | null;
  status: DoseStatus;
  takenAt: string | null;
  reason: string | null;
  recordedById: string;
  /** Who logged it, by name (null for a dose written as missed: nobody logged it). */
  recordedByName: string | null;
};

export const STATUS_OUT: Record<MedicationLogStatus, DoseStatus> = { TAKEN: 'taken', TAKEN_LATE: 'late', SKIPPED: 'skipped', MISSED: 'missed' };

type LogRow = { id: string; medicationId: string; userId: string; scheduledAt: Date | null; takenAt: Date | null; status: MedicationLogStatus; reason: string | null; recordedById: string };

async function answersOf(rows: LogRow[]): Promise<DoseLogAnswer[]> {
  const names = await findDisplayNames([...new Set(rows.filter((r) => r.status !== 'MISSED').map((r) => r.recordedById))]);
  return Promise.all(rows.map((r) => answerOf(r, names)));
}

async function answerOf(row: LogRow, names: Map<string, string>): Promise<DoseLogAnswer> {
  return {
    id: row.id, medicationId: row.medicationId, scheduledFor: row.scheduledAt?.toISOString() ?? null, status: STATUS_OUT[row.status],
    takenAt: row.takenAt?.toISOString() ?? null, reason: await decryptNullable(row.userId, reasonRef(row.id), row.reason), recordedById: row.recordedById,
    recordedByName: row.status === 'MISSED' ? null : names.get(row.recordedById) || null,
  };
}

function refuse(field: string, reason: string): never {
  throw new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);
}

/** Logs one dose for the target patient (the route checked who may log); 201 with the log. */
export async function logDose(target: EntryTarget, medicationId: string, raw: unknown, nowMs: number): Promise<DoseLogAnswer> {
  const outcome = await storeDoseLog(target, medicationId, raw, nowMs, null);
  if (outcome.kind !== 'stored') throw new Error('a dose log without a key was answered from a key');
  return outcome.answer;
}

/**
 * Logs one dose; with a key (lib/http/idempotency.ts) its answer is stored with the log, in its
 * transaction, or an earlier request with the key answers instead.
 */
export async function storeDoseLog(target: EntryTarget, medicationId: string, raw: unknown, nowMs: number, idem: ScopedIdempotency | null): Promise<Previous | { kind: 'stored'; answer: DoseLogAnswer; response: StoredResponse }> {
  const medication = await findMedication(target.patientId, medicationId);
  const input = doseInput.parse(raw);
  const schedule = readSchedule(medication.schedule) ?? { kind: 'asNeeded' as const };
  const taken = input.status === 'taken';
  if (!taken && typeof raw === 'object' && raw !== null && 'takenAt' in raw) refuse('takenAt', 'is for a dose taken: a skipped dose has none');
  if (medication.stoppedAt && medication.stoppedAt.getTime() <= input.takenAt) throw new ApiError('CONFLICT', 'this medication was stopped before that time');

  let scheduledAtMs: number | null;
  if (input.scheduledFor !== undefined) {
    if (schedule.kind === 'asNeeded') refuse('scheduledFor', 'names a planned dose, and an as-needed medication has none');
    if (input.scheduledFor > nowMs + GRACE_MS) refuse('scheduledFor', `is not due yet: a dose can be logged from ${DEFAULT_GRACE_MINUTES} minutes before it`);
    if (medicationDoses(medication, target.timeZone, input.scheduledFor, input.scheduledFor + 1).length === 0) refuse('scheduledFor', 'is not a planned dose of this medication');
    scheduledAtMs = input.scheduledFor;
  } else if (schedule.kind === 'asNeeded') {
    if (!taken) refuse('status', 'skipped names a planned dose, and an as-needed medication has none');
    scheduledAtMs = null;
  } else {
    const around = input.takenAt;
    scheduledAtMs = nearestPlanned(medicationDoses(medication, target.timeZone, around - GRACE_MS, around + GRACE_MS + 1), around);
    if (scheduledAtMs === null && !taken) refuse('scheduledFor', `is needed to skip a dose: no planned dose is within ${DEFAULT_GRACE_MINUTES} minutes`);
  }
  const status: MedicationLogStatus = !taken ? 'SKIPPED' : scheduledAtMs === null ? 'TAKEN' : takenStatus(scheduledAtMs, input.takenAt);
  const existing = scheduledAtMs === null ? null : await prisma.medicationLog.findUnique({ where: { medicationId_scheduledAt: { medicationId, scheduledAt: new Date(scheduledAtMs) } } });
  if (existing && existing.status !== 'MISSED') {
    throw new ApiError('CONFLICT', `the dose planned for ${existing.scheduledAt?.toISOString()} is already logged (${STATUS_OUT[existing.status]}); correct that log instead`);
  }
  // A dose written as missed and logged after all: the log replaces MISSED on the same row.
  const id = existing?.id ?? randomUUID();
  const data = {
    status, takenAt: taken ? new Date(input.takenAt) : null, reason: await encryptNullable(target.patientId, reasonRef(id), input.reason ? input.reason : null),
    recordedById: target.recordedById, source: 'app', updatedAt: new Date(nowMs),
  };
  let answer: DoseLogAnswer | undefined;
  try {
    const outcome = await inIdempotentTransaction(idem, async (tx) => {
      const row = existing
        ? await tx.medicationLog.update({ where: { id }, data })
        : await tx.medicationLog.create({ data: { id, medicationId, userId: target.patientId, scheduledAt: scheduledAtMs === null ? null : new Date(scheduledAtMs), ...data } });
      answer = (await answersOf([row]))[0]!;
      return { status: 201, body: answer };
    });
    if (outcome.kind !== 'stored') return outcome;
    if (!answer) throw new Error('a dose log stored without its answer');
    if (taken) await resolveMissedMedication(medicationId, target.recordedById, nowMs);
    return { ...outcome, answer };
  } catch (error) {
    // Logged by someone else in the same moment (the unique planned dose): the first log stands.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new ApiError('CONFLICT', 'this dose was logged meanwhile; correct that log instead');
    throw error;
  }
}

/** The timeline's view of these dose logs (lib/data/timeline.ts): the medication, status and reason of each. */
export async function doseLogsByIds(patientId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, never>();
  const rows = await prisma.medicationLog.findMany({ where: { userId: patientId, id: { in: ids } }, include: { medication: { select: { name: true, dosage: true } } } });
  return new Map(
    await Promise.all(
      rows.map(async (r) => {
        const answer = await answerOf(r, new Map());
        return [r.id, { medicationId: r.medicationId, medication: r.medication.name, dose: r.medication.dosage, status: answer.status, scheduledFor: answer.scheduledFor, reason: answer.reason }] as const;
      }),
    ),
  );
}

export type PlannedDose = { scheduledFor: string; status: DoseStatus | 'due' | 'upcoming'; log: DoseLogAnswer | null };

/**
 * A medication's doses over the patient's local days [from, to]: each planned dose with its log (or due /
 * upcoming while its window is open or ahead), and the extra doses taken.
 */
export async function listDoses(scope: ReadScope, medicationId: string, from: string, to: string, nowMs: number): Promise<{ planned: PlannedDose[]; extra: DoseLogAnswer[] }> {
  requireFullScope(scope);
  const medication = await findMedication(scope.patientId, medicationId);
  const fromMs = zonedDayRangeUtc(from, scope.timeZone).startMs;
  const toMs = zonedDayRangeUtc(to, scope.timeZone).endMs;
  const logs = await prisma.medicationLog.findMany({
    where: { medicationId, OR: [{ scheduledAt: { gte: new Date(fromMs), lt: new Date(toMs) } }, { scheduledAt: null, takenAt: { gte: new Date(fromMs), lt: new Date(toMs) } }] },
    orderBy: [{ scheduledAt: 'asc' }, { takenAt: 'asc' }],
  });
  const answers = await answersOf(logs);
  const byPlanned = new Map(answers.filter((l) => l.scheduledFor !== null).map((l) => [Date.parse(l.scheduledFor as string), l]));
  const plannedMs = new Set(medicationDoses(medication, scope.timeZone, fromMs, toMs));
  for (const at of byPlanned.keys()) plannedMs.add(at); // a logged dose stays, even if the schedule changed since
  // Before the medication was added (a dose still within its window then counts), and before its doses
  // were written down (planned_until), a planned dose exists only as its log: the past never moves with a
  // zone change.
  const cutoffMs = Math.max(medication.createdAt.getTime() - GRACE_MS, medication.plannedUntil?.getTime() ?? 0);
  for (const at of plannedMs) if (at < cutoffMs && !byPlanned.has(at)) plannedMs.delete(at);
  const planned = [...plannedMs].sort((a, b) => a - b).map((at): PlannedDose => {
    const log = byPlanned.get(at) ?? null;
    const status = log ? log.status : at + GRACE_MS < nowMs ? 'missed' : at - GRACE_MS <= nowMs ? 'due' : 'upcoming';
    return { scheduledFor: new Date(at).toISOString(), status, log };
  });
  return { planned, extra: answers.filter((l) => l.scheduledFor === null) };
}

/**
 * Writes MISSED for every planned dose whose grace window has passed with no log, from where the last pass
 * stopped (`planned_until`; at most a week back; never before the medication was added, less the grace
 * window, so adding one that started earlier does not invent missed doses), for one patient or everyone. Idempotent. Returns how many
 * it wrote.
 */
export async function markMissedDoses(nowMs: number, userId?: string, lookbackMs = MISSED_LOOKBACK_MS): Promise<number> {
  const lookbackFrom = new Date(nowMs - lookbackMs);
  const medications = await prisma.medication.findMany({
    where: {
      ...(userId ? { userId } : {}),
      OR: [{ stoppedAt: null }, { stoppedAt: { gt: lookbackFrom } }],
      AND: [{ OR: [{ endedOn: null }, { endedOn: { gte: new Date(lookbackFrom.getTime() - 86_400_000) } }] }],
    },
  });
  const zones = new Map((await prisma.profile.findMany({ where: { userId: { in: [...new Set(medications.map((m) => m.userId))] } }, select: { userId: true, timeZone: true } })).map((p) => [p.userId, p.timeZone]));
  const untilMs = nowMs - GRACE_MS;
  let written = 0;
  for (const m of medications) {
    const fromMs = Math.max(lookbackFrom.getTime(), m.createdAt.getTime() - GRACE_MS, m.plannedUntil?.getTime() ?? 0);
    if (fromMs >= untilMs) continue;
    const due = medicationDoses(m, zones.get(m.userId) ?? 'UTC', fromMs, untilMs);
    await prisma.$transaction(async (tx) => {
      if (due.length > 0) {
        const { count } = await tx.medicationLog.createMany({
          data: due.map((at) => ({ medicationId: m.id, userId: m.userId, scheduledAt: new Date(at), status: 'MISSED' as const, recordedById: m.userId, source: 'sweep' })),
          skipDuplicates: true,
        });
        written += count;
      }
      await tx.medication.updateMany({ where: { id: m.id, OR: [{ plannedUntil: null }, { plannedUntil: { lt: new Date(untilMs) } }] }, data: { plannedUntil: new Date(untilMs) } });
    });
  }
  return written;
}

export type MedicationAdherenceAnswer = Adherence & { medications: (Adherence & { id: string; name: string })[] };

/** Adherence over 7, 14 and 30 days, overall and per medication, after writing the missed doses down. */
export async function medicationAdherenceOf(scope: ReadScope, nowMs: number): Promise<MedicationAdherenceAnswer> {
  requireFullScope(scope);
  await markMissedDoses(nowMs, scope.patientId);
  const [medications, logs] = await Promise.all([
    prisma.medication.findMany({ where: { userId: scope.patientId }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    prisma.medicationLog.findMany({
      where: { userId: scope.patientId, scheduledAt: { gt: new Date(nowMs - 30 * 86_400_000), lte: new Date(nowMs) } },
      select: { medicationId: true, scheduledAt: true, status: true },
    }),
  ]);
  const doses = logs.map((l) => ({ medicationId: l.medicationId, scheduledAtMs: (l.scheduledAt as Date).getTime(), status: l.status }));
  return {
    ...adherenceOf(doses, nowMs),
    medications: medications
      .map((m) => ({ id: m.id, name: m.name, ...adherenceOf(doses.filter((d) => d.medicationId === m.id), nowMs) }))
      .filter((m) => m.windows[2]!.planned > 0),
  };
}
