// Integration (real PostgreSQL), the clock given to the job: two missed doses in a row of a medication the
// doctor marked critical open one MISSED_MEDICATION emergency, told at once to the patient and the
// caregivers allowed to receive alerts (the doctors join through the escalation); once per run of misses;
// a dose taken resolves it; a medication not marked critical never raises one.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { withNotificationTexts } from '@/lib/data/notification-fields';
import { dueInstant } from '@/lib/pipeline/medication-schedule';
import { zoneClock } from '@/lib/time';
import { createUser, linkCare } from '@/test/factories';
import { raiseMissedMedicationAlerts } from './medication-alerts';
import { logDose, markMissedDoses } from './medication-doses';
import { doseJobs } from './medication-reminders';
import { createMedication } from './medications';

const ZONE = 'Europe/Berlin';
const at = (day: string, time: string) => dueInstant(zoneClock(ZONE), day, time);
const HOUR = 3_600_000;
let patient: { id: string };
let alerted: { id: string };
let quiet: { id: string };
let doctor: { id: string };
let insulinId: string;

const emergencies = () => prisma.emergencyEvent.findMany({ where: { patientId: patient.id }, orderBy: { detectedAt: 'asc' } });
async function told(recipientId: string) {
  const rows = await prisma.notification.findMany({ where: { recipientId, kind: { startsWith: 'emergency.MISSED_MEDICATION' } } });
  return Promise.all(rows.map((r) => withNotificationTexts(recipientId, r)));
}

beforeAll(async () => {
  [patient, alerted, quiet, doctor] = await Promise.all([createUser({ timeZone: ZONE }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'DOCTOR' })]);
  await linkCare({ patientId: patient.id, carerId: alerted.id, kind: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: quiet.id, kind: 'CAREGIVER' });
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await prisma.careRelationship.updateMany({ where: { patientId: patient.id, carerId: alerted.id }, data: { canReceiveAlerts: true } });
  const writer = { patientId: patient.id, timeZone: ZONE, actorId: doctor.id, asDoctor: true };
  const created = at('2026-11-09', '12:00');
  const insulin = await createMedication(writer, { name: 'Insulin glargine', dose: '18 units', schedule: { kind: 'daily', times: ['21:30'] }, startedOn: '2026-11-09', critical: true }, created);
  const vitamin = await createMedication(writer, { name: 'Vitamin D', dose: '1 capsule', schedule: { kind: 'daily', times: ['21:30'] }, startedOn: '2026-11-09' }, created);
  await prisma.medication.updateMany({ where: { id: { in: [insulin.id, vitamin.id] } }, data: { createdAt: new Date(created) } });
  insulinId = insulin.id;
});

describe('missed doses of a critical medication', () => {
  it('one miss: nothing yet', async () => {
    const now = at('2026-11-09', '23:00');
    await markMissedDoses(now, patient.id);
    expect(await raiseMissedMedicationAlerts(now, patient.id)).toEqual([]);
  });

  it('two in a row: one emergency, told to the patient and the caregiver allowed alerts, naming the medication', async () => {
    const { alerts } = await doseJobs(at('2026-11-10', '23:00'));
    expect(alerts.filter((a) => a.patientId === patient.id)).toHaveLength(1);
    const [event] = await emergencies();
    expect(event).toMatchObject({ kind: 'MISSED_MEDICATION', status: 'OPEN', medicationId: insulinId, details: { missed: 2 } });
    expect(event!.startedAt?.getTime()).toBe(at('2026-11-09', '21:30'));
    const [mine] = await told(patient.id);
    expect(mine).toMatchObject({ title: 'Missed doses of a critical medication', body: '2 planned doses in a row of Insulin glargine (18 units) were not logged as taken.' });
    expect(await told(alerted.id)).toHaveLength(1);
    expect(await told(quiet.id)).toHaveLength(0);
    expect(await told(doctor.id)).toHaveLength(0); // the escalation brings the doctors in
  });

  it('never a second one for the same run, however often the job runs; a dose taken resolves it', async () => {
    await doseJobs(at('2026-11-10', '23:30'));
    await doseJobs(at('2026-11-11', '23:00')); // a third miss: the same run
    expect(await emergencies()).toHaveLength(1);
    const target = { patientId: patient.id, timeZone: ZONE, recordedById: alerted.id };
    await logDose(target, insulinId, { status: 'taken', scheduledFor: new Date(at('2026-11-12', '21:30')).toISOString(), takenAt: new Date(at('2026-11-12', '21:40')).toISOString() }, at('2026-11-12', '21:45'));
    const [event] = await emergencies();
    expect(event).toMatchObject({ status: 'RESOLVED', resolvedById: alerted.id });
    // Two more misses later: a new run, a new emergency.
    await doseJobs(at('2026-11-14', '23:00') + HOUR);
    expect((await emergencies()).map((e) => e.status)).toEqual(['RESOLVED', 'OPEN']);
  });

  it('a medication not marked critical never raises one', async () => {
    const events = await emergencies();
    expect(events.every((e) => e.medicationId === insulinId)).toBe(true);
  });
});
