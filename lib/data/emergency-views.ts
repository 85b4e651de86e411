// What the API and the pages show of an emergency episode: when it started, its worst reading (details),
// the readings it recorded (worse ones, late ones, recoveries) and who was actually notified, counted
// from the notifications written for it, so no page claims a care team was told when none was.
import { prisma } from '../db/client';
import { nextDigestAt } from './notifications';

type Details = Record<string, number>;
export type EmergencyUpdateView = { kind: 'READING' | 'RECOVERY'; at: string; details: Details; worsened: boolean; afterResolution: boolean; recordedAt: string };
/**
 * Carers notified about the episode (the patient aside): doctors and caregivers who have received at
 * least one of its notifications, and, while it is recent, the doctors who chose the daily digest and
 * were not told otherwise (they read of it in their next digest, at 08:00 in their zone).
 */
export type EmergencyNotified = { doctors: number; caregivers: number; digestDoctors: number; nextDigestAt: string | null };
export type EmergencyHistory = { startedAt: string; updates: EmergencyUpdateView[]; recoveredAt: string | null; notified: EmergencyNotified };

type EventRow = { id: string; patientId: string; details: unknown; detectedAt: Date; startedAt: Date | null };
const DIGEST_WINDOW_MS = 24 * 3600_000;

/** The history of each event, by id. */
export async function findEmergencyHistories(events: readonly EventRow[]): Promise<Map<string, EmergencyHistory>> {
  const ids = events.map((e) => e.id);
  const [updates, notes] = await Promise.all([
    prisma.emergencyEventUpdate.findMany({ where: { emergencyEventId: { in: ids } }, orderBy: [{ readingAt: 'asc' }, { kind: 'asc' }] }),
    prisma.notification.findMany({ where: { emergencyEventId: { in: ids } }, select: { emergencyEventId: true, recipientId: true, status: true } }),
  ]);
  const digestLinks = await prisma.careRelationship.findMany({
    where: { patientId: { in: [...new Set(events.map((e) => e.patientId))] }, kind: 'DOCTOR', alertDelivery: 'DAILY_DIGEST', revokedAt: null, carer: { role: 'DOCTOR', disabledAt: null } },
    select: { patientId: true, carerId: true, carer: { select: { profile: { select: { timeZone: true } } } } },
  });
  const now = new Date();
  const roles = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(notes.map((n) => n.recipientId))] } }, select: { id: true, role: true } })).map((u) => [u.id, u.role]),
  );
  const histories = new Map<string, EmergencyHistory>();
  for (const event of events) {
    const own = updates.filter((u) => u.emergencyEventId === event.id);
    const lastAlert = Math.max(-Infinity, ...own.filter((u) => u.kind === 'READING').map((u) => u.readingAt.getTime()));
    // Recovered while the latest recovery comes after the latest alert-level reading.
    const recovery = own.filter((u) => u.kind === 'RECOVERY' && u.readingAt.getTime() > lastAlert).at(-1);
    const atMs = (event.details as Details | null)?.atMs;
    histories.set(event.id, {
      startedAt: (event.startedAt ?? (atMs !== undefined ? new Date(atMs) : event.detectedAt)).toISOString(),
      updates: own.map((u) => ({
        kind: u.kind, at: u.readingAt.toISOString(), details: u.details as Details, worsened: u.worsened, afterResolution: u.afterResolution, recordedAt: u.recordedAt.toISOString(),
      })),
      recoveredAt: recovery?.readingAt.toISOString() ?? null,
      notified: countNotified(
        notes.filter((n) => n.emergencyEventId === event.id && n.recipientId !== event.patientId),
        roles,
        now.getTime() - event.detectedAt.getTime() < DIGEST_WINDOW_MS
          ? digestLinks.filter((l) => l.patientId === event.patientId).map((l) => ({ recipientId: l.carerId, at: nextDigestAt(now, l.carer.profile?.timeZone ?? 'UTC') }))
          : [],
      ),
    });
  }
  return histories;
}

type NoteRow = { recipientId: string; status: string };

function countNotified(notes: NoteRow[], roles: Map<string, string>, digest: { recipientId: string; at: Date }[]): EmergencyNotified {
  const delivered = new Set(notes.filter((n) => n.status === 'SENT' || n.status === 'READ').map((n) => n.recipientId));
  const count = (ids: Iterable<string>, role: string) => [...new Set(ids)].filter((id) => roles.get(id) === role).length;
  const pending = digest.filter((d) => !delivered.has(d.recipientId));
  const next = Math.min(Infinity, ...pending.map((d) => d.at.getTime()));
  return {
    doctors: count(delivered, 'DOCTOR'),
    caregivers: count(delivered, 'CAREGIVER'),
    digestDoctors: pending.length,
    nextDigestAt: Number.isFinite(next) ? new Date(next).toISOString() : null,
  };
}
