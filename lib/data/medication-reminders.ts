// Dose reminders (issue 19): when planned doses fall due and nobody has logged them yet, the patient and
// the caregivers who may log for them get one notification per due time, naming every medication due then
// (not one per medication), through the notification channels (their preferences, quiet hours and the
// daily cap: lib/data/notifications.ts). medication_reminders remembers each (patient, due time) sent, so
// the job (every 5 minutes, lib/jobs/sweep.ts) reminds once however often it runs; a due time the job
// reaches more than REMINDER_WINDOW_MS late (the server was down) is not reminded any more: the dose is
// logged from the page or becomes missed.
import { prisma } from '../db/client';
import { localDigits } from '../format/health';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { localDateTime } from '../time';
import { raiseMissedMedicationAlerts } from './medication-alerts';
import { markMissedDoses } from './medication-doses';
import { medicationDoses } from './medications';
import { createNotifications, type NewNotification } from './notifications';
import { maybeDisplayName } from './profile-fields';

const DAY_MS = 86_400_000;
export const REMINDER_WINDOW_MS = 15 * 60_000;

type Due = { userId: string; atMs: number; medications: { id: string; name: string; dose: string | null }[] };

/** Reminds every dose due in (now − 15 min, now] and not logged; returns how many reminders (due times) went out. */
export async function sendDoseReminders(nowMs: number): Promise<number> {
  const fromMs = nowMs - REMINDER_WINDOW_MS;
  const medications = await prisma.medication.findMany({
    where: { stoppedAt: null, startedOn: { lte: new Date(nowMs + DAY_MS) }, OR: [{ endedOn: null }, { endedOn: { gte: new Date(nowMs - 2 * DAY_MS) } }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }], // a reminder names its medications in the same order every time
  });
  const zones = new Map(
    (await prisma.profile.findMany({ where: { userId: { in: [...new Set(medications.map((m) => m.userId))] } }, select: { userId: true, timeZone: true } })).map((p) => [p.userId, p.timeZone]),
  );
  const groups = new Map<string, Due>();
  for (const m of medications) {
    for (const atMs of medicationDoses(m, zones.get(m.userId) ?? 'UTC', Math.max(fromMs + 1, m.createdAt.getTime()), nowMs + 1)) {
      const key = `${m.userId}|${atMs}`;
      const group = groups.get(key) ?? { userId: m.userId, atMs, medications: [] };
      group.medications.push({ id: m.id, name: m.name, dose: m.dosage });
      groups.set(key, group);
    }
  }
  if (groups.size === 0) return 0;
  const logged = await prisma.medicationLog.findMany({
    where: { medicationId: { in: [...new Set([...groups.values()].flatMap((g) => g.medications.map((m) => m.id)))] }, scheduledAt: { gt: new Date(fromMs), lte: new Date(nowMs) } },
    select: { medicationId: true, scheduledAt: true },
  });
  const done = new Set(logged.map((l) => `${l.medicationId}|${l.scheduledAt?.getTime()}`));
  let sent = 0;
  for (const group of groups.values()) {
    const open = group.medications.filter((m) => !done.has(`${m.id}|${group.atMs}`));
    if (open.length > 0 && (await remind({ ...group, medications: open }, zones.get(group.userId) ?? 'UTC', nowMs))) sent += 1;
  }
  return sent;
}

/** The reminder's texts in the recipient's language (createNotifications asks with it): medications as their names and doses were entered. */
function reminderTexts(who: 'patient' | 'caregiver', due: Due, time: string, name: string | null) {
  const list = due.medications.map((m) => (m.dose ? `${m.name} (${m.dose})` : m.name)).join(', ');
  return (locale: Locale) => {
    const t = translator(locale, 'reminders');
    const values = { time: localDigits(time, locale), list, name: name || t('someone') };
    return who === 'patient'
      ? { title: t('patientTitle', values), body: t('patientBody', values) }
      : { title: t('caregiverTitle', values), body: t('caregiverBody', values) };
  };
}

async function remind(due: Due, timeZone: string, nowMs: number): Promise<boolean> {
  const time = localDateTime(due.atMs, timeZone).slice(11, 16);
  const profile = await prisma.profile.findUnique({ where: { userId: due.userId }, select: { displayName: true } });
  const name = await maybeDisplayName(due.userId, profile?.displayName ?? null);
  return prisma.$transaction(async (tx) => {
    // Once per patient and due time, whoever runs the job and however often.
    const claimed = await tx.$executeRaw`INSERT INTO medication_reminders (user_id, due_at) VALUES (${due.userId}::uuid, ${new Date(due.atMs)}) ON CONFLICT DO NOTHING`;
    if (claimed === 0) return false;
    const caregivers = await tx.careRelationship.findMany({
      where: { patientId: due.userId, kind: 'CAREGIVER', canLogData: true, revokedAt: null, carer: { role: 'CAREGIVER', disabledAt: null } },
      select: { carerId: true },
    });
    const base = { patientId: due.userId, kind: 'medication.reminder', isEmergency: false } as const;
    const items: NewNotification[] = [
      { ...base, recipientId: due.userId, texts: reminderTexts('patient', due, time, name) },
      ...caregivers.map((c) => ({ ...base, recipientId: c.carerId, texts: reminderTexts('caregiver', due, time, name) })),
    ];
    await createNotifications(tx, items, new Date(nowMs));
    return true;
  });
}

/**
 * The job's pass over doses: the missed ones written down first, the emergencies two missed doses of a
 * critical medication call for, then the reminders of the doses due now.
 */
export async function doseJobs(nowMs: number): Promise<{ missed: number; alerts: { patientId: string; emergencyEventId: string }[]; reminders: number }> {
  const missed = await markMissedDoses(nowMs);
  const alerts = await raiseMissedMedicationAlerts(nowMs);
  return { missed, alerts, reminders: await sendDoseReminders(nowMs) };
}
