// What a notification says outside the app (e-mail, Web Push, the lock screen): by default no health
// value and no insight text, only that something needs attention and about whom ("An alert about Alex
// needs your attention"), in the recipient's language; the stored title and body only for a person who
// opted in to values in messages. The link always leads into the app (sign-in required), to the
// notification in the notification center.
import { prisma } from '../db/client';
import { env } from '../env';
import { maybeDisplayName } from '../data/profile-fields';
import { withNotificationTexts } from '../data/notification-fields';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { findLanguage } from '../i18n/server';
import { categoryOf, type NotificationCategory } from './preferences';

/** `path` is the link within the app (e-mail templates take it); `url` the same, absolute (push). */
export type OutsideMessage = { title: string; body: string; path: string; url: string };

type Stored = { id: string; kind: string; isEmergency: boolean; recipientId: string; patientId: string | null; title: string; body: string };

/** The generic sentence of each category, with and without the person it is about. */
const GENERIC = {
  emergency: ['emergency', 'emergencyAbout'],
  insight: ['insight', 'insightAbout'],
  medication: ['medication', 'medicationAbout'],
  digest: ['digest', 'digest'],
} as const satisfies Record<NotificationCategory, readonly [string, string]>;

/** The patient's name as carers see it (the display name, else "someone you care for"); null for the patient themselves. */
async function aboutWhom(n: Stored, someone: string): Promise<string | null> {
  if (!n.patientId || n.patientId === n.recipientId) return null;
  const profile = await prisma.profile.findUnique({ where: { userId: n.patientId }, select: { displayName: true } });
  return (await maybeDisplayName(n.patientId, profile?.displayName ?? null)) || someone;
}

/** `locale`: the recipient's language; when not given, their stored preference (English if none). */
export async function messageOutsideApp(n: Stored, opts: { valuesInMessages: boolean; locale?: Locale }): Promise<OutsideMessage> {
  const path = `/notifications#n-${n.id}`;
  const url = `${env().mail.appUrl}${path}`;
  if (opts.valuesInMessages) {
    const { title, body } = await withNotificationTexts(n.recipientId, n);
    return { title, body, path, url };
  }
  const t = translator(opts.locale ?? (await findLanguage(n.recipientId)) ?? DEFAULT_LOCALE, 'notify');
  const [alone, about] = GENERIC[categoryOf(n.kind)];
  const name = await aboutWhom(n, t('outside.someone'));
  return { title: n.isEmergency ? t('outside.alertTitle') : 'Pulse', body: name ? t(`outside.${about}`, { name }) : t(`outside.${alone}`), path, url };
}
