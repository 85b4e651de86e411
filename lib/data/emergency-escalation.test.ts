// Integration (real database): who an emergency reaches as it escalates, the acknowledgement that stops
// it and tells the others, and the rule-of-15 re-check after a low. The workflow that calls these at the
// patient's timings is tested in lib/jobs (emergency-escalation); here each step is called directly.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { AlertReading } from '@/lib/pipeline/insights';
import { createUser, setDisplayName } from '@/test/factories';
import { raiseAlerts } from './emergencies';
import { acknowledgeEmergency, escalateEmergency, escalationPlan, isSettled, remindRecheck } from './emergency-escalation';
import { withNotificationTexts } from './notification-fields';

const minutesAgo = (m: number) => Date.now() - m * 60_000;
const glucose = (value: number, atMs: number): AlertReading => ({ type: 'BLOOD_GLUCOSE', atMs, value });

async function careTeam() {
  const [patient, caregiver, quietCaregiver, immediate, digest, none] = await Promise.all([
    createUser(), createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' }),
    createUser({ role: 'DOCTOR' }), createUser({ role: 'DOCTOR' }), createUser({ role: 'DOCTOR' }),
  ]);
  await prisma.careRelationship.createMany({
    data: [
      { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canReceiveAlerts: true },
      { patientId: patient.id, carerId: quietCaregiver.id, kind: 'CAREGIVER', canReceiveAlerts: false },
      { patientId: patient.id, carerId: immediate.id, kind: 'DOCTOR', alertDelivery: 'IMMEDIATE' },
      { patientId: patient.id, carerId: digest.id, kind: 'DOCTOR', alertDelivery: 'DAILY_DIGEST' },
      { patientId: patient.id, carerId: none.id, kind: 'DOCTOR', alertDelivery: 'NONE' },
    ],
  });
  return { patient, caregiver, quietCaregiver, immediate, digest, none };
}

async function openLow(patientId: string) {
  const { opened } = await raiseAlerts(patientId, [glucose(45, minutesAgo(3))]);
  expect(opened).toHaveLength(1);
  return opened[0]!;
}

const recipientsOf = async (eventId: string, kind: string) =>
  (await prisma.notification.findMany({ where: { emergencyEventId: eventId, kind }, select: { recipientId: true } })).map((n) => n.recipientId).sort();

describe('emergency escalation', () => {
  it('tells the patient and alert caregivers first, adds immediate doctors at level 1 and digest doctors at level 2, never doctors who chose none', async () => {
    const t = await careTeam();
    const id = await openLow(t.patient.id);
    expect(await recipientsOf(id, 'emergency.GLUCOSE_LOW')).toEqual([t.patient.id, t.caregiver.id].sort());

    expect(await escalateEmergency(id, 1)).toEqual({ escalated: true });
    expect(await escalateEmergency(id, 1)).toEqual({ escalated: false }); // a replayed step pages no one twice
    expect(await recipientsOf(id, 'emergency.GLUCOSE_LOW.escalated')).toEqual([t.patient.id, t.caregiver.id, t.immediate.id].sort());
    expect(await prisma.emergencyEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'ESCALATED', escalationLevel: 1 });

    expect(await escalateEmergency(id, 2)).toEqual({ escalated: true });
    const escalated = await prisma.notification.findMany({ where: { emergencyEventId: id, kind: 'emergency.GLUCOSE_LOW.escalated' } });
    const count = (who: string) => escalated.filter((n) => n.recipientId === who).length;
    expect([count(t.patient.id), count(t.caregiver.id), count(t.immediate.id), count(t.digest.id), count(t.none.id), count(t.quietCaregiver.id)]).toEqual([2, 2, 2, 1, 0, 0]);
    // Worse readings now reach everyone told so far.
    await raiseAlerts(t.patient.id, [glucose(45, minutesAgo(3)), glucose(38, minutesAgo(1))]);
    expect(await recipientsOf(id, 'emergency.GLUCOSE_LOW.worsened')).toEqual([t.patient.id, t.caregiver.id, t.immediate.id, t.digest.id].sort());
  });

  it('the first acknowledgement stops it and tells everyone told so far who acknowledged; later ones change nothing', async () => {
    const t = await careTeam();
    await setDisplayName(t.caregiver.id, 'Priya');
    const id = await openLow(t.patient.id);
    await escalateEmergency(id, 1);
    expect(await acknowledgeEmergency({ id: t.caregiver.id, role: 'CAREGIVER' }, id)).toBe(true);
    expect(await acknowledgeEmergency({ id: t.immediate.id, role: 'DOCTOR' }, id)).toBe(false);
    expect(await isSettled(id)).toEqual({ acknowledged: true, resolved: false });
    const told = await prisma.notification.findMany({ where: { emergencyEventId: id, kind: 'emergency.GLUCOSE_LOW.acknowledged' } });
    expect(told.map((n) => n.recipientId).sort()).toEqual([t.patient.id, t.immediate.id].sort());
    expect((await withNotificationTexts(t.patient.id, told[0]!)).body).toBe('Priya acknowledged the alert. It will not be escalated further.');
    expect(await escalateEmergency(id, 2)).toEqual({ escalated: false });
    expect(await recipientsOf(id, 'emergency.GLUCOSE_LOW.escalated')).not.toContain(t.digest.id);
    // A person can still escalate it on purpose.
    expect(await escalateEmergency(id, 2, { force: true })).toEqual({ escalated: true });
  });

  it('asks for a re-check after a low once, and not once the low is back in range', async () => {
    const t = await careTeam();
    const id = await openLow(t.patient.id);
    expect(await remindRecheck(id)).toEqual({ reminded: true });
    expect(await remindRecheck(id)).toEqual({ reminded: false });
    const reminders = await prisma.notification.findMany({ where: { emergencyEventId: id, kind: 'emergency.GLUCOSE_LOW.recheck' } });
    expect(reminders.map((n) => n.recipientId).sort()).toEqual([t.patient.id, t.caregiver.id].sort());
    expect(reminders.every((n) => n.isEmergency)).toBe(true);

    const other = await careTeam();
    const recovered = await openLow(other.patient.id);
    await raiseAlerts(other.patient.id, [glucose(45, minutesAgo(3)), glucose(95, minutesAgo(1))]);
    expect(await isSettled(recovered)).toEqual({ acknowledged: false, resolved: true });
    expect(await remindRecheck(recovered)).toEqual({ reminded: false });
    expect(await escalateEmergency(recovered, 1)).toEqual({ escalated: false });
  });

  it('plans from the patient’s timings, else the defaults; a high is never reminded to re-check', async () => {
    const t = await careTeam();
    const id = await openLow(t.patient.id);
    const event = await prisma.emergencyEvent.findUniqueOrThrow({ where: { id } });
    expect(await escalationPlan(id)).toEqual({ kind: 'GLUCOSE_LOW', openedAt: event.detectedAt.toISOString(), escalateAfterMinutes: 15, escalateAgainAfterMinutes: 30, recheckAfterMinutes: 15 });
    await prisma.userPreferences.update({ where: { userId: t.patient.id }, data: { escalateAfterMinutes: 2, escalateAgainAfterMinutes: 4, recheckAfterMinutes: 1 } });
    expect(await escalationPlan(id)).toMatchObject({ escalateAfterMinutes: 2, escalateAgainAfterMinutes: 4, recheckAfterMinutes: 1 });
    const { opened } = await raiseAlerts(t.patient.id, [glucose(45, minutesAgo(3)), glucose(420, minutesAgo(1))]);
    expect(await remindRecheck(opened[0]!)).toEqual({ reminded: false });
  });
});

describe('emergency texts in each recipient\'s language', () => {
  const textsOf = async (eventId: string, recipientId: string, kind: string) => {
    const [row] = await prisma.notification.findMany({ where: { emergencyEventId: eventId, recipientId, kind } });
    if (!row) throw new Error(`no ${kind} for ${recipientId}`);
    return withNotificationTexts(recipientId, row);
  };

  it('a Tamil-reading patient and an English-reading doctor each read the same alert in their own language', async () => {
    const t = await careTeam();
    await prisma.userPreferences.upsert({ where: { userId: t.patient.id }, create: { userId: t.patient.id, language: 'ta' }, update: { language: 'ta' } });
    const id = await openLow(t.patient.id);
    await escalateEmergency(id, 1);
    expect(await textsOf(id, t.immediate.id, 'emergency.GLUCOSE_LOW.escalated')).toMatchObject({
      title: 'Escalated: Very low glucose',
      body: 'A glucose reading of 45 mg/dL was recorded.',
    });
    expect(await textsOf(id, t.patient.id, 'emergency.GLUCOSE_LOW.escalated')).toMatchObject({
      title: 'உயர்த்தப்பட்டது: மிகக் குறைந்த குளுக்கோஸ்',
      body: '45 mg/dL குளுக்கோஸ் அளவீடு பதிவானது.',
    });
    // Who acknowledged is named in each reader's words too (the patient here: carers' test accounts all have a display name).
    await prisma.userPreferences.upsert({ where: { userId: t.caregiver.id }, create: { userId: t.caregiver.id, language: 'hi' }, update: { language: 'hi' } });
    await acknowledgeEmergency({ id: t.patient.id, role: 'PATIENT' }, id);
    expect((await textsOf(id, t.caregiver.id, 'emergency.GLUCOSE_LOW.acknowledged')).body).toBe('मरीज़ ने अलर्ट स्वीकार किया। इसे आगे नहीं बढ़ाया जाएगा।');
    expect((await textsOf(id, t.immediate.id, 'emergency.GLUCOSE_LOW.acknowledged')).body).toBe('The patient acknowledged the alert. It will not be escalated further.');
  });
});
