// What the API and the pages show of an emergency episode: when it started, its worst reading (details),
// the readings it recorded (worse ones, late ones, recoveries) and who was actually notified, counted
// from the notifications written for it, so no page claims a care team was told when none was.
import { prisma } from '../db/client';

type Details = Record<string, number>;
export type EmergencyUpdateView = { kind: 'READING' | 'RECOVERY'; at: string; details: Details; worsened: boolean; afterResolution: boolean; recordedAt: string };
/**
 * Carers notified about the episode (the patient aside): doctors and caregivers who have received at
 * least one of its notifications, and doctors whose only ones wait for their daily digest.
 */
export type EmergencyNotified = { doctors: number; caregivers: number; digestDoctors: number; nextDigestAt: string | null };
export type EmergencyHistory = { startedAt: string; updates: EmergencyUpdateView[]; recoveredAt: string | null; notified: EmergencyNotified };

type EventRow = { id: string; patientId: string; details: unknown; detectedAt: Date; startedAt: Date | null };

/** The history of each event, by id. */
export async function findEmergencyHistories(events: readonly EventRow[]): Promise<Map<string, EmergencyHistory>> {
  const ids = events.map((e) => e.id);
  const [updates, notes] = await Promise.all([
    prisma.emergencyEventUpdate.findMany({ where: { emergencyEventId: { in: ids } }, orderBy: [{ readingAt: 'asc' }, { kind: 'asc' }] }),
    prisma.notification.findMany({ where: { emergencyEventId: { in: ids } }, select: { emergencyEventId: true, recipientId: true, status: true, scheduledFor: true } }),
  ]);
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
      notified: countNotified(notes.filter((n) => n.emergencyEventId === event.id && n.recipientId !== event.patientId), roles),
    });
  }
  return histories;
}

type NoteRow = { recipientId: string; status: string; scheduledFor: Date | null };

function countNotified(notes: NoteRow[], roles: Map<string, string>): EmergencyNotified {
  const delivered = new Set(notes.filter((n) => n.status === 'SENT' || n.status === 'READ').map((n) => n.recipientId));
  const pending = notes.filter((n) => n.status === 'SCHEDULED' && !delivered.has(n.recipientId));
  const count = (ids: Iterable<string>, role: string) => [...new Set(ids)].filter((id) => roles.get(id) === role).length;
  const next = pending.map((n) => n.scheduledFor?.getTime() ?? Infinity).reduce((a, b) => Math.min(a, b), Infinity);
  return {
    doctors: count(delivered, 'DOCTOR'),
    caregivers: count(delivered, 'CAREGIVER'),
    digestDoctors: count(pending.map((n) => n.recipientId), 'DOCTOR'),
    nextDigestAt: Number.isFinite(next) ? new Date(next).toISOString() : null,
  };
}
