// Integration: what a notification says outside the app is written in the recipient's language (their
// stored preference; English when never chosen), names the patient for carers, and carries no value
// unless the person opted in to values.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNotifications } from '@/lib/data/notifications';
import { prisma } from '@/lib/db/client';
import { MESSAGES } from '@/lib/i18n/messages';
import { composeMail } from '@/lib/mail/compose';
import { createUser, setDisplayName } from '@/test/factories';
import { messageOutsideApp } from './outside-text';

let patient: { id: string };
let carer: { id: string };

beforeEach(async () => {
  [patient, carer] = await Promise.all([createUser(), createUser({ role: 'CAREGIVER' })]);
  await setDisplayName(patient.id, 'Meena');
});

const speaks = (userId: string, language: string | null) => prisma.userPreferences.update({ where: { userId }, data: { language } });
const stored = (recipientId: string, kind: string, more: { patientId?: string | null; isEmergency?: boolean } = {}) => ({
  id: randomUUID(), kind, isEmergency: more.isEmergency ?? false, recipientId, patientId: more.patientId ?? null,
  title: 'Glucose 48 mg/dL', body: 'Very low glucose: 48 mg/dL at 03:10.',
});

describe('messageOutsideApp in the recipient\'s language', () => {
  it('a carer reading Tamil gets the Tamil alert about the patient by name; the link is the same', async () => {
    await speaks(carer.id, 'ta');
    const n = stored(carer.id, 'emergency.GLUCOSE_LOW', { patientId: patient.id, isEmergency: true });
    const m = await messageOutsideApp(n, { valuesInMessages: false });
    expect(m).toMatchObject({ title: 'Pulse எச்சரிக்கை', body: 'Meena பற்றிய ஒரு எச்சரிக்கைக்கு உங்கள் கவனம் தேவை.', path: `/notifications#n-${n.id}` });
    expect(m.body).not.toContain('48');
  });

  it('the patient themselves, in Hindi, for each category; English when no language was chosen', async () => {
    await speaks(patient.id, 'hi');
    const say = async (kind: string) => (await messageOutsideApp(stored(patient.id, kind), { valuesInMessages: false })).body;
    expect(await say('insight.glucose')).toBe('Pulse में आपके लिए कुछ नया है।');
    expect(await say('medication.reminder')).toBe('दवा का एक रिमाइंडर।');
    expect(await say('digest.daily')).toBe('आपका दैनिक सारांश तैयार है।');
    await speaks(patient.id, null);
    expect(await say('insight.glucose')).toBe('There is something new for you in Pulse.');
  });

  it('a language given by the caller wins (a person just asked for in another language)', async () => {
    await speaks(carer.id, 'ta');
    const m = await messageOutsideApp(stored(carer.id, 'medication.reminder', { patientId: patient.id }), { valuesInMessages: false, locale: 'gu' });
    expect(m).toMatchObject({ title: 'Pulse', body: 'Meena માટે દવાનું એક રિમાઇન્ડર.' });
  });

  it('end to end: the alert e-mail a notification queues for a carer reading Tamil is Tamil from subject to note', async () => {
    await speaks(carer.id, 'ta');
    const [id] = await prisma.$transaction((tx) =>
      createNotifications(tx, [{ recipientId: carer.id, patientId: patient.id, kind: 'emergency.GLUCOSE_LOW', isEmergency: true, title: 'Very low glucose', body: '48 mg/dL' }]),
    );
    const stored = await prisma.mailMessage.findFirstOrThrow({ where: { notificationId: id } });
    await prisma.mailMessage.delete({ where: { id: stored.id } }); // read here, never sent by a running mail job
    expect(stored.subject).toBe('Pulse alert: please open the app'); // the outbox list's English label
    const mail = await composeMail(stored);
    const ta = MESSAGES.ta.mail.notification;
    expect(mail.subject).toBe(ta.alertSubject);
    expect(mail.text.split('\n\n').slice(0, 2)).toEqual(['Pulse எச்சரிக்கை', 'Meena பற்றிய ஒரு எச்சரிக்கைக்கு உங்கள் கவனம் தேவை.']);
    expect(mail.text).toContain(ta.alertNote);
    expect(mail.text).not.toContain('mg/dL');
    expect(mail.html).toContain('<html lang="ta">');
  });
});
