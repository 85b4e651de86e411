// Integration (real PostgreSQL), the clock given to the job: a dose reminder goes out once per patient and
// due time, naming every medication due then and not yet logged, to the patient and the caregivers who may
// log for them (not to a caregiver who only views, nor to the doctor); never twice, never late.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { withNotificationTexts } from '@/lib/data/notification-fields';
import { dueInstant } from '@/lib/pipeline/medication-schedule';
import { zoneClock } from '@/lib/time';
import { createUser, linkCare, setDisplayName } from '@/test/factories';
import { logDose } from './medication-doses';
import { createMedication } from './medications';
import { sendDoseReminders } from './medication-reminders';

const ZONE = 'Asia/Kolkata';
const DAY = '2026-11-18';
const EIGHT = dueInstant(zoneClock(ZONE), DAY, '08:00');
const MIN = 60_000;
let patient: { id: string };
let logger: { id: string };
let viewer: { id: string };
let doctor: { id: string };

async function texts(recipientId: string) {
  const rows = await prisma.notification.findMany({ where: { recipientId, kind: 'medication.reminder' }, orderBy: { createdAt: 'asc' } });
  return Promise.all(rows.map((r) => withNotificationTexts(recipientId, r)));
}

beforeAll(async () => {
  [patient, logger, viewer, doctor] = await Promise.all([
    createUser({ timeZone: ZONE }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'DOCTOR' }),
  ]);
  await setDisplayName(patient.id, 'Asha Rao');
  await linkCare({ patientId: patient.id, carerId: logger.id, kind: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: viewer.id, kind: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: logger.id }, data: { canLogData: true } });
  const writer = { patientId: patient.id, timeZone: ZONE, actorId: doctor.id, asDoctor: true };
  const created = await Promise.all([
    createMedication(writer, { name: 'Metformin', dose: '1 tablet', schedule: { kind: 'daily', times: ['08:00', '20:00'] }, startedOn: '2026-11-01' }, EIGHT - 3 * 86_400_000),
    createMedication(writer, { name: 'Vitamin D', dose: '1 capsule', schedule: { kind: 'daily', times: ['08:00'] }, startedOn: '2026-11-01' }, EIGHT - 3 * 86_400_000),
    createMedication(writer, { name: 'Amlodipine', dose: '5 mg', schedule: { kind: 'daily', times: ['08:00'] }, startedOn: '2026-11-01' }, EIGHT - 3 * 86_400_000),
    createMedication(writer, { name: 'Paracetamol', dose: '500 mg', schedule: { kind: 'asNeeded' }, startedOn: '2026-11-01' }, EIGHT - 3 * 86_400_000),
  ]);
  await prisma.medication.updateMany({ where: { id: { in: created.map((m) => m.id) } }, data: { createdAt: new Date(EIGHT - 3 * 86_400_000) } });
  // Amlodipine was already taken at 07:55: nothing to remind.
  const amlodipine = created[2]!;
  await logDose({ patientId: patient.id, timeZone: ZONE, recordedById: patient.id }, amlodipine.id, { status: 'taken', scheduledFor: new Date(EIGHT).toISOString(), takenAt: new Date(EIGHT - 5 * MIN).toISOString() }, EIGHT);
});

describe('dose reminders', () => {
  it('one reminder per due time naming each medication due and not logged, to the patient and the caregiver who logs', async () => {
    expect(await sendDoseReminders(EIGHT + 2 * MIN)).toBeGreaterThanOrEqual(1);
    const mine = await texts(patient.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ title: 'Time for your medicines (08:00)', body: 'Due at 08:00: Metformin (1 tablet), Vitamin D (1 capsule). Log each dose as taken or skipped.' });
    const theirs = await texts(logger.id);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.title).toBe('Medicines due for Asha Rao (08:00)');
    expect(await texts(viewer.id)).toHaveLength(0);
    expect(await texts(doctor.id)).toHaveLength(0);
  });

  it('never twice for one due time, however often the job runs', async () => {
    await sendDoseReminders(EIGHT + 4 * MIN);
    await sendDoseReminders(EIGHT + 9 * MIN);
    expect(await texts(patient.id)).toHaveLength(1);
  });

  it('a due time reached more than 15 minutes late is not reminded; the next one is', async () => {
    const twenty = dueInstant(zoneClock(ZONE), DAY, '20:00');
    await sendDoseReminders(twenty + 16 * MIN);
    expect(await texts(patient.id)).toHaveLength(1);
    await sendDoseReminders(dueInstant(zoneClock(ZONE), '2026-11-19', '08:00') + MIN);
    const mine = await texts(patient.id);
    expect(mine).toHaveLength(2);
    expect(mine[1]!.body).toContain('Amlodipine (5 mg)'); // not taken this time
  });
});

describe('dose reminders in each recipient\'s language', () => {
  it('a Hindi-reading patient reads theirs in Hindi, their English-reading caregiver in English', async () => {
    const [hindi, carer] = await Promise.all([createUser({ timeZone: ZONE }), createUser({ role: 'CAREGIVER' })]);
    await setDisplayName(hindi.id, 'Meera Shah');
    await prisma.userPreferences.upsert({ where: { userId: hindi.id }, create: { userId: hindi.id, language: 'hi' }, update: { language: 'hi' } });
    await linkCare({ patientId: hindi.id, carerId: carer.id, kind: 'CAREGIVER' });
    await prisma.careRelationship.updateMany({ where: { patientId: hindi.id, carerId: carer.id }, data: { canLogData: true } });
    const day = '2026-11-25';
    const nine = dueInstant(zoneClock(ZONE), day, '09:30');
    const medication = await createMedication({ patientId: hindi.id, timeZone: ZONE, actorId: hindi.id, asDoctor: false }, { name: 'Insulin glargine', dose: '10 U', schedule: { kind: 'daily', times: ['09:30'] }, startedOn: '2026-11-20' }, nine - 3 * 86_400_000);
    await prisma.medication.update({ where: { id: medication.id }, data: { createdAt: new Date(nine - 3 * 86_400_000) } });
    await sendDoseReminders(nine + MIN);
    expect(await texts(hindi.id)).toMatchObject([{ title: 'आपकी दवाओं का समय (09:30)', body: '09:30 बजे लेनी हैं: Insulin glargine (10 U)। हर खुराक को ली गई या छोड़ी गई के रूप में दर्ज करें।' }]);
    expect(await texts(carer.id)).toMatchObject([{ title: 'Medicines due for Meera Shah (09:30)', body: 'Due at 09:30 (Meera Shah’s time): Insulin glargine (10 U). You can log each dose as taken or skipped.' }]);
  });
});
