// What a notification says outside the app (e-mail, Web Push, the lock screen): by default no health
// value and no insight text, only that something needs attention and about whom ("An alert about Alex
// needs your attention"); the stored title and body only for a person who opted in to values in messages.
// The link always leads into the app (sign-in required), to the notification in the notification center.
import { prisma } from '../db/client';
import { env } from '../env';
import { maybeDisplayName } from '../data/profile-fields';
import { withNotificationTexts } from '../data/notification-fields';
import { categoryOf } from './preferences';

/** `path` is the link within the app (e-mail templates take it); `url` the same, absolute (push). */
export type OutsideMessage = { title: string; body: string; path: string; url: string };

type Stored = { id: string; kind: string; isEmergency: boolean; recipientId: string; patientId: string | null; title: string; body: string };

const GENERIC: Record<ReturnType<typeof categoryOf>, (about: string | null) => string> = {
  emergency: (about) => (about ? `An alert about ${about} needs your attention.` : 'An alert needs your attention.'),
  insight: (about) => (about ? `There is something new about ${about} in Pulse.` : 'There is something new for you in Pulse.'),
  medication: (about) => (about ? `A medication reminder about ${about}.` : 'A medication reminder.'),
  digest: () => 'Your daily summary is ready.',
};

/** The patient's name as carers see it (the display name, else "your patient"); null for the patient themselves. */
async function aboutWhom(n: Stored): Promise<string | null> {
  if (!n.patientId || n.patientId === n.recipientId) return null;
  const profile = await prisma.profile.findUnique({ where: { userId: n.patientId }, select: { displayName: true } });
  return (await maybeDisplayName(n.patientId, profile?.displayName ?? null)) || 'someone you care for';
}

export async function messageOutsideApp(n: Stored, opts: { valuesInMessages: boolean }): Promise<OutsideMessage> {
  const path = `/notifications#n-${n.id}`;
  const url = `${env().mail.appUrl}${path}`;
  if (opts.valuesInMessages) {
    const { title, body } = await withNotificationTexts(n.recipientId, n);
    return { title, body, path, url };
  }
  const category = categoryOf(n.kind);
  return { title: n.isEmergency ? 'Pulse alert' : 'Pulse', body: GENERIC[category](await aboutWhom(n)), path, url };
}
