// Daily digests (issue 17): at 08:00 in their own zone, a doctor gets what changed for their patients
// since their last digest, by triage group (the triage of lib/data/triage*.ts, as of 08:00), and a caregiver
// who opted in gets what happened to the people they may view. A digest covers the window from the last
// one's created_at (the first: 24 h; at most 7 days) to today's 08:00, and its created_at is that 08:00, so
// windows tile the days: a rerun (08:30, after a crash, on a second instance) finds today's digest and sends
// nothing twice, and a late run (after downtime) says what 08:00 would have said, losing nothing.
import { recordListRead } from '../audit/context';
import { prisma } from '../db/client';
import { env } from '../env';
import { findLanguage } from '../i18n/server';
import { Prisma } from '../generated/prisma/client';
import { log } from '../observability/log';
import type { EmergencyKind } from '../generated/prisma/enums';
import { caregiverDigestText, doctorDigestText, type DigestAlerts, type DigestText } from '../notify/digest-text';
import { localDate, parseDay, zoneClock } from '../time';
import { findDisplayUnits } from './aggregates';
import { createNotifications } from './notifications';
import { maybeDisplayName } from './profile-fields';
import { linkedPatients } from './triage';
import { classify } from './triage-classify';
import { loadSignals } from './triage-signals';
import { decryptEmail } from './user-email';

export const DIGEST_KIND = 'digest.daily';
export const DIGEST_HOUR = 8;
const HOUR_MS = 3_600_000;
const FIRST_WINDOW_MS = 24 * HOUR_MS;
const LONGEST_WINDOW_MS = 7 * 24 * HOUR_MS;

export type DigestRecipient = { id: string; role: 'DOCTOR' | 'CAREGIVER'; timeZone: string; lastDigestAt: Date | null };
/** The digest's window: what it covers is (from, to]; `to` is the day's 08:00 and becomes its created_at. */
export type DigestWindow = { from: Date; to: Date; day: string; first: boolean };

/** Today's 08:00 in the zone once it has come (the start of the local 08:00 hour, so DST days hold), else null. */
export function digestSlot(now: Date, timeZone: string): Date | null {
  const day = localDate(now.getTime(), timeZone);
  const slot = zoneClock(timeZone).hourStart(parseDay(day) * 24 + DIGEST_HOUR);
  return slot <= now.getTime() ? new Date(slot) : null;
}

/** The window of the digest due at `now`, or null when none is (before 08:00, or today's was made). */
export function dueWindow(recipient: Pick<DigestRecipient, 'timeZone' | 'lastDigestAt'>, now: Date): DigestWindow | null {
  const slot = digestSlot(now, recipient.timeZone);
  if (!slot) return null;
  const last = recipient.lastDigestAt;
  if (last && last.getTime() >= slot.getTime()) return null;
  const from = last ? Math.max(last.getTime(), slot.getTime() - LONGEST_WINDOW_MS) : slot.getTime() - FIRST_WINDOW_MS;
  return { from: new Date(from), to: slot, day: localDate(now.getTime(), recipient.timeZone), first: !last };
}

/**
 * Everyone who may get a digest: enabled doctors with a patient, caregivers who opted in with someone they
 * may view; with their zone and their last digest as of `now`. `only` limits it to some accounts (tests).
 */
export async function findDigestRecipients(now: Date, only?: readonly string[]): Promise<DigestRecipient[]> {
  const scope = only ? Prisma.sql`AND u.id = ANY(${[...only]}::uuid[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string; role: 'DOCTOR' | 'CAREGIVER'; time_zone: string; last_digest_at: Date | null }[]>`
    SELECT u.id::text, u.role, COALESCE(p.time_zone, 'UTC') AS time_zone,
           (SELECT max(n.created_at) FROM notifications n
            WHERE n.recipient_id = u.id AND n.kind = ${DIGEST_KIND} AND n.created_at <= ${now}) AS last_digest_at
    FROM users u
    LEFT JOIN profiles p ON p.user_id = u.id
    LEFT JOIN user_preferences up ON up.user_id = u.id
    WHERE u.disabled_at IS NULL ${scope}
      AND ((u.role = 'DOCTOR' AND EXISTS (${activeLinks('DOCTOR')}))
        OR (u.role = 'CAREGIVER' AND up.caregiver_digest AND EXISTS (${activeLinks('CAREGIVER')} AND cr.can_view)))`;
  return rows.map((r) => ({ id: r.id, role: r.role, timeZone: r.time_zone, lastDigestAt: r.last_digest_at }));
}

function activeLinks(kind: 'DOCTOR' | 'CAREGIVER') {
  return Prisma.sql`SELECT 1 FROM care_relationships cr JOIN users pu ON pu.id = cr.patient_id AND pu.disabled_at IS NULL
    WHERE cr.carer_id = u.id AND cr.kind = ${kind}::"CareKind" AND cr.revoked_at IS NULL`;
}

/** The window's alerts (episodes detected in it) per patient, acknowledged and open as they stand now. */
async function alertsIn(patientIds: string[], w: DigestWindow): Promise<Map<string, DigestAlerts>> {
  const events = await prisma.emergencyEvent.findMany({
    where: { patientId: { in: patientIds }, detectedAt: { gt: w.from, lte: w.to } },
    select: { patientId: true, kind: true, status: true, acknowledgedAt: true },
    orderBy: { detectedAt: 'asc' },
  });
  const byPatient = new Map<string, DigestAlerts>();
  for (const e of events) {
    const a = byPatient.get(e.patientId) ?? { count: 0, kinds: [] as EmergencyKind[], acknowledged: 0, open: 0 };
    a.count += 1;
    a.kinds.push(e.kind);
    if (e.acknowledgedAt) a.acknowledged += 1;
    if (e.status !== 'RESOLVED') a.open += 1;
    byPatient.set(e.patientId, a);
  }
  return byPatient;
}

/** Patients with a reading taken in the window. */
async function withNewReadings(patientIds: string[], w: DigestWindow): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ user_id: string }[]>`
    SELECT DISTINCT user_id::text FROM health_samples
    WHERE user_id = ANY(${patientIds}::uuid[]) AND start_at > ${w.from} AND start_at <= ${w.to}`;
  return new Set(rows.map((r) => r.user_id));
}

const sinceWords = (w: DigestWindow) =>
  w.first ? 'in the last 24 hours' : w.to.getTime() - w.from.getTime() >= LONGEST_WINDOW_MS ? 'in the last 7 days' : 'since your last summary';

/** A digest's words and the patients whose data it was made from (each gets an audit row when it is sent). */
export type Digest = DigestText & { patientIds: string[] };

const withPatients = (text: DigestText | null, patientIds: string[]): Digest | null => (text ? { ...text, patientIds } : null);

async function doctorDigest(doctorId: string, w: DigestWindow): Promise<Digest | null> {
  const patients = await linkedPatients(doctorId, '');
  if (patients.length === 0) return null;
  const ids = patients.map((p) => p.id);
  const [alerts, readings, links] = await Promise.all([
    alertsIn(ids, w),
    withNewReadings(ids, w),
    // A doctor who chose `NONE` for a patient learns nothing of their alerts here either.
    prisma.careRelationship.findMany({ where: { carerId: doctorId, kind: 'DOCTOR', revokedAt: null, patientId: { in: ids } }, select: { patientId: true, alertDelivery: true } }),
  ]);
  const silenced = new Set(links.filter((l) => l.alertDelivery === 'NONE').map((l) => l.patientId));
  // Nothing new: no digest, and the triage (the costly part) is not computed; the job asks every 30 minutes.
  if (!ids.some((id) => readings.has(id) || (alerts.has(id) && !silenced.has(id)))) return null;
  const [signals, units, language] = await Promise.all([
    loadSignals(patients.map((p) => ({ id: p.id, timeZone: p.time_zone })), w.to),
    findDisplayUnits(doctorId),
    findLanguage(doctorId),
  ]);
  // In the doctor's own language (English when never chosen).
  const text = doctorDigestText({
    day: w.day, since: sinceWords(w), appUrl: env().mail.appUrl, locale: language ?? 'en',
    patients: patients.map((p) => ({
      patientId: p.id, name: p.name, group: classify(p, signals, w.to, units).group,
      newReadings: readings.has(p.id), alerts: silenced.has(p.id) ? null : (alerts.get(p.id) ?? null),
    })),
  });
  return withPatients(text, ids);
}

async function caregiverDigest(caregiverId: string, w: DigestWindow): Promise<Digest | null> {
  const rows = await prisma.$queryRaw<{ id: string; email: string; display_name: string | null; can_receive_alerts: boolean }[]>`
    SELECT u.id::text, u.email_ciphertext AS email, p.display_name, cr.can_receive_alerts
    FROM care_relationships cr
    JOIN users u ON u.id = cr.patient_id AND u.disabled_at IS NULL
    LEFT JOIN profiles p ON p.user_id = u.id
    WHERE cr.carer_id = ${caregiverId}::uuid AND cr.kind = 'CAREGIVER' AND cr.revoked_at IS NULL AND cr.can_view`;
  if (rows.length === 0) return null;
  const ids = rows.map((r) => r.id);
  const [alerts, readings] = await Promise.all([alertsIn(ids, w), withNewReadings(ids, w)]);
  const people = await Promise.all(rows.map(async (r) => ({
    patientId: r.id,
    name: (await maybeDisplayName(r.id, r.display_name)) ?? (await decryptEmail(r.id, r.email)),
    newReadings: readings.has(r.id),
    // Alerts follow the care link, as on the caregiver's pages: only with the permission to receive them.
    alerts: r.can_receive_alerts ? (alerts.get(r.id) ?? null) : null,
  })));
  const locale = (await findLanguage(caregiverId)) ?? 'en';
  return withPatients(caregiverDigestText({ day: w.day, since: sinceWords(w), appUrl: env().mail.appUrl, locale, people }), ids);
}

/** What the recipient's digest for this window says; null when nothing changed. */
export function buildDigest(recipient: Pick<DigestRecipient, 'id' | 'role'>, w: DigestWindow): Promise<Digest | null> {
  return recipient.role === 'DOCTOR' ? doctorDigest(recipient.id, w) : caregiverDigest(recipient.id, w);
}

export type DigestRun = { due: number; sent: number; failed: number };

/**
 * Makes today's digest of one recipient: a notification (kind digest.daily, about no one patient) through
 * createNotifications, which picks their channels (in-app and e-mail by default; outside the app it
 * reads "Your daily summary is ready" unless they opted in to values in messages). Serialized per
 * recipient, and checked again under the lock, so two runs at once make one digest.
 */
async function sendDigest(recipient: DigestRecipient, w: DigestWindow, now: Date): Promise<boolean> {
  const digest = await buildDigest(recipient, w);
  if (!digest) return false;
  const { patientIds, ...text } = digest;
  // Like the doctor's triage list: one audit row per patient whose data the reader is shown, before it is.
  await recordListRead('daily-digest', patientIds, recipient.id);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`digest:${recipient.id}`}, 0))`;
    const made = await tx.notification.count({ where: { recipientId: recipient.id, kind: DIGEST_KIND, createdAt: { gte: w.to, lte: now } } });
    if (made > 0) return false;
    const [id] = await createNotifications(tx, [{ recipientId: recipient.id, patientId: null, kind: DIGEST_KIND, isEmergency: false, ...text }], now);
    if (!id) return false;
    // The digest is "as of 08:00": the next one covers what came after (see the top of this file).
    await tx.notification.update({ where: { id }, data: { createdAt: w.to } });
    return true;
  });
}

/**
 * Sends every digest due at `now` (the digest job, every 30 minutes); after it, dispatch
 * NOTIFICATION_DELIVERY_EVENTS. One recipient's failure does not stop the others (counted in `failed`;
 * a rerun makes what is missing and never a digest twice).
 */
export async function sendDailyDigests(opts: { now?: Date; only?: readonly string[] } = {}): Promise<DigestRun> {
  const now = opts.now ?? new Date();
  const run: DigestRun = { due: 0, sent: 0, failed: 0 };
  for (const recipient of await findDigestRecipients(now, opts.only)) {
    const w = dueWindow(recipient, now);
    if (!w) continue;
    run.due += 1;
    try {
      if (await sendDigest(recipient, w, now)) run.sent += 1;
    } catch (error) {
      run.failed += 1;
      log.error({ recipientId: recipient.id, err: error instanceof Error ? error.name : typeof error }, 'daily digest failed');
    }
  }
  return run;
}
