// The MISSED_MEDICATION emergency (issue 19, the ProCare design): when the latest planned doses of a
// medication the doctor marked critical (insulin) are missed twice or more in a row, the patient and the
// caregivers allowed to receive alerts are told at once, as for any emergency (notifyEmergency, level 0);
// the escalation workflow brings the doctors in if nobody acknowledges it. One emergency per run of
// misses; a dose of that medication logged as taken resolves it.
import { prisma } from '../db/client';
import { DEFAULT_UNITS } from '../format/health';
import { emergencyMessage } from './emergency-messages';
import { notifyEmergency } from './notifications';

/** Missed in a row before caregivers are alerted. */
export const CRITICAL_MISSES_IN_A_ROW = 2;
const RECENT_LOGS = 20;

/** Opens the emergencies the missed doses call for; returns them (for the escalation workflow). */
export async function raiseMissedMedicationAlerts(nowMs: number, userId?: string): Promise<{ patientId: string; emergencyEventId: string }[]> {
  const medications = await prisma.medication.findMany({
    where: { critical: true, stoppedAt: null, ...(userId ? { userId } : {}) },
    select: { id: true, userId: true, name: true, dosage: true },
  });
  const opened: { patientId: string; emergencyEventId: string }[] = [];
  for (const m of medications) {
    const latest = await prisma.medicationLog.findMany({
      where: { medicationId: m.id, scheduledAt: { not: null, lte: new Date(nowMs) } },
      orderBy: { scheduledAt: 'desc' },
      take: RECENT_LOGS,
      select: { status: true, scheduledAt: true },
    });
    const run = latest.findIndex((l) => l.status !== 'MISSED');
    const missed = run === -1 ? latest.length : run;
    if (missed < CRITICAL_MISSES_IN_A_ROW) continue;
    const firstMissedAt = latest[missed - 1]!.scheduledAt as Date;
    const id = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`missed-medication:${m.id}`}, 0))`;
      // One emergency per run of misses: one still open, or one this run already raised.
      const existing = await tx.emergencyEvent.findFirst({
        where: { patientId: m.userId, kind: 'MISSED_MEDICATION', medicationId: m.id, OR: [{ status: { not: 'RESOLVED' } }, { startedAt: { gte: firstMissedAt } }] },
        select: { id: true },
      });
      if (existing) return null;
      const event = await tx.emergencyEvent.create({
        data: {
          patientId: m.userId, kind: 'MISSED_MEDICATION', status: 'OPEN', medicationId: m.id, detectedAt: new Date(nowMs), startedAt: firstMissedAt,
          details: { missed, atMs: (latest[0]!.scheduledAt as Date).getTime() },
        },
        select: { id: true },
      });
      const medication = m.dosage ? `${m.name} (${m.dosage})` : m.name;
      await notifyEmergency({
        db: tx, patientId: m.userId, emergencyEventId: event.id, level: 0,
        message: (_units, locale) => emergencyMessage({ kind: 'MISSED_MEDICATION', reason: 'OPENED', reading: { missed }, units: DEFAULT_UNITS, medication, locale }),
      });
      return event.id;
    });
    if (id) opened.push({ patientId: m.userId, emergencyEventId: id });
  }
  return opened;
}

/** A dose taken: the medication's open missed-dose emergency is resolved by whoever logged it. */
export async function resolveMissedMedication(medicationId: string, byId: string, nowMs: number): Promise<void> {
  await prisma.emergencyEvent.updateMany({
    where: { kind: 'MISSED_MEDICATION', medicationId, status: { not: 'RESOLVED' } },
    data: { status: 'RESOLVED', resolvedAt: new Date(nowMs), resolvedById: byId },
  });
}

/** The medication a MISSED_MEDICATION emergency is about, as its messages name it. */
export async function missedMedicationName(medicationId: string | null): Promise<string | null> {
  if (!medicationId) return null;
  const m = await prisma.medication.findUnique({ where: { id: medicationId }, select: { name: true, dosage: true } });
  return m ? (m.dosage ? `${m.name} (${m.dosage})` : m.name) : null;
}
