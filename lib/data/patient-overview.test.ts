// Integration (real PostgreSQL): a carer's overview of a patient — sections follow the link's
// permissions, adherence counts doses due in the last 7 and 30 days, corrections replace what they
// supersede, and the caregiver list shows each link's permissions.
import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@/lib/auth/session';
import { prisma } from '@/lib/db/client';
import type { MedicationLogStatus } from '@/lib/generated/prisma/enums';
import { newEventRow } from '@/lib/data/event-fields';
import { encryptInsightTexts } from '@/lib/data/insight-fields';
import { createUser, linkCare, setDisplayName } from '@/test/factories';
import { findCareLink, findPatientOverview, listCaredForPatients } from './patient-overview';

const NOW = new Date();
const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

let patient: { id: string };
let doctor: Caller;
const caregivers = {} as Record<'all' | 'viewOnly' | 'alertsOnly' | 'revoked', Caller>;

async function carer(role: 'DOCTOR' | 'CAREGIVER', link: { canView?: boolean; canLogData?: boolean; canReceiveAlerts?: boolean; revoked?: boolean } = {}): Promise<Caller> {
  const user = await createUser({ role });
  await prisma.careRelationship.create({
    data: {
      patientId: patient.id, carerId: user.id, kind: role, canView: link.canView ?? true, canLogData: link.canLogData ?? false,
      canReceiveAlerts: link.canReceiveAlerts ?? false, revokedAt: link.revoked ? new Date() : null,
    },
  });
  return { id: user.id, role };
}

beforeAll(async () => {
  patient = await createUser();
  await setDisplayName(patient.id, 'Pat Overview');
  doctor = await carer('DOCTOR');
  caregivers.all = await carer('CAREGIVER', { canView: true, canLogData: true, canReceiveAlerts: true });
  caregivers.viewOnly = await carer('CAREGIVER', { canView: true });
  caregivers.alertsOnly = await carer('CAREGIVER', { canView: false, canReceiveAlerts: true });
  caregivers.revoked = await carer('CAREGIVER', { revoked: true, canReceiveAlerts: true });

  // One medication: 10 doses in the last 7 days (8 taken, 1 late, 1 missed), 10 more before (5 skipped).
  const med = await prisma.medication.create({ data: { userId: patient.id, name: 'Metformin', dosage: '500 mg', schedule: { times: ['08:00', '20:00'] }, startedOn: ago(60) } });
  const statuses: [number, MedicationLogStatus][] = [
    ...Array.from({ length: 8 }, (_, i): [number, MedicationLogStatus] => [0.2 + i * 0.5, 'TAKEN']),
    [5, 'TAKEN_LATE'], [6, 'MISSED'],
    ...Array.from({ length: 5 }, (_, i): [number, MedicationLogStatus] => [8 + i, 'TAKEN']),
    ...Array.from({ length: 5 }, (_, i): [number, MedicationLogStatus] => [14 + i, 'SKIPPED']),
    [40, 'MISSED'], // outside 30 days
  ];
  await prisma.medicationLog.createMany({
    data: statuses.map(([days, status]) => ({ medicationId: med.id, userId: patient.id, scheduledAt: ago(days), status, recordedById: patient.id })),
  });
  await prisma.medicationLog.create({ data: { medicationId: med.id, userId: patient.id, scheduledAt: new Date(NOW.getTime() + 3_600_000), status: 'MISSED', recordedById: patient.id } }); // not yet due
  await prisma.medication.create({ data: { userId: patient.id, name: 'Old drug', schedule: {}, startedOn: ago(400), endedOn: ago(200) } });

  const original = await prisma.healthEvent.create({ data: await newEventRow({ userId: patient.id, kind: 'NOTE', occurredAt: ago(2), payload: { text: 'first version' }, recordedById: patient.id }) });
  await prisma.healthEvent.create({ data: await newEventRow({ userId: patient.id, kind: 'NOTE', occurredAt: ago(2), payload: { text: 'corrected' }, recordedById: caregivers.all.id, supersedesId: original.id }) });
  await prisma.healthEvent.create({ data: await newEventRow({ userId: patient.id, kind: 'MOOD', occurredAt: ago(40), payload: { score: 2 }, recordedById: patient.id }) });

  // The stored texts are the patient's; carers read texts built for them from `data`.
  const insight = async (id: string, title: string) => ({ id, ...(await encryptInsightTexts(patient.id, id, { title, body: 'You slept…' })) });
  await prisma.insight.create({ data: { ...(await insight(randomUUID(), 'You have been sleeping less than 6 hours')), userId: patient.id, kind: 'SLEEP_DEFICIT', severity: 'MEDIUM', data: { averageMinutes: 330, nights: 10 }, windowStart: ago(14), windowEnd: NOW } });
  await prisma.insight.create({ data: { ...(await insight(randomUUID(), 'Dismissed')), userId: patient.id, kind: 'ACTIVITY_CHANGE', status: 'DISMISSED', severity: 'LOW', data: {}, windowStart: ago(14), windowEnd: NOW } });

  await prisma.emergencyEvent.createMany({
    data: [
      { patientId: patient.id, kind: 'GLUCOSE_LOW', details: { mgdl: 49 }, detectedAt: ago(0.1) },
      { patientId: patient.id, kind: 'BLOOD_PRESSURE_CRISIS', status: 'RESOLVED', details: { systolic: 190 }, detectedAt: ago(3), resolvedAt: ago(2.9) },
      { patientId: patient.id, kind: 'GLUCOSE_HIGH', status: 'RESOLVED', details: { mgdl: 350 }, detectedAt: ago(60), resolvedAt: ago(59) },
    ],
  });
});

describe('findPatientOverview', () => {
  it('a doctor sees every section', async () => {
    const o = await findPatientOverview(doctor, patient.id, NOW);
    expect(o.patient).toMatchObject({ id: patient.id, name: 'Pat Overview' });
    expect(o.access).toMatchObject({ kind: 'DOCTOR', canView: true, canReceiveAlerts: true, canLogData: false, lastReviewedAt: null });
    expect(o.insights?.map((i) => [i.title, i.body])).toEqual([
      ['Sleeping less than 6 hours a night', 'Average 5 h 30 min asleep a night over the last 14 days (10 nights tracked); adults need 7 hours or more.'],
    ]);
    expect(o.emergencies?.map((e) => [e.kind, e.status])).toEqual([['GLUCOSE_LOW', 'OPEN'], ['BLOOD_PRESSURE_CRISIS', 'RESOLVED']]);
  });

  it('adherence counts doses due in the last 7 and 30 days; taken late counts as taken, skipped does not', async () => {
    const { medications } = await findPatientOverview(doctor, patient.id, NOW);
    expect(medications?.items.map((m) => m.name)).toEqual(['Metformin']); // ended long ago: not listed
    expect(medications?.items[0]).toMatchObject({
      dosage: '500 mg', times: ['08:00', '20:00'],
      last7Days: { taken: 9, scheduled: 10, percent: 90 },
      last30Days: { taken: 14, scheduled: 20, percent: 70 },
    });
    expect(medications?.last7Days).toEqual({ taken: 9, scheduled: 10, percent: 90 });
  });

  it('events: the correction replaces what it supersedes; older than 30 days is left out', async () => {
    const { events } = await findPatientOverview(doctor, patient.id, NOW);
    expect(events?.map((e) => e.payload)).toEqual([{ text: 'corrected' }]);
    expect(events?.[0]).toMatchObject({ kind: 'NOTE', byPatient: false, recordedBy: 'Test User' });
  });

  it('a caregiver sees what the link allows', async () => {
    const all = await findPatientOverview(caregivers.all, patient.id, NOW);
    expect(all.access).toMatchObject({ kind: 'CAREGIVER', canView: true, canLogData: true, canReceiveAlerts: true });
    expect(all.insights?.map((i) => i.title)).toEqual(['Pat Overview has been sleeping less than 6 hours']);
    expect(all.emergencies).not.toBeNull();

    const viewOnly = await findPatientOverview(caregivers.viewOnly, patient.id, NOW);
    expect(viewOnly.medications).not.toBeNull();
    expect(viewOnly.emergencies).toBeNull();

    const alertsOnly = await findPatientOverview(caregivers.alertsOnly, patient.id, NOW);
    expect(alertsOnly).toMatchObject({ insights: null, events: null, medications: null });
    expect(alertsOnly.emergencies).toHaveLength(2);
  });

  it('no active link of the caller\'s own role: not found', async () => {
    const strangers: Caller[] = [
      caregivers.revoked,
      { ...(await createUser({ role: 'DOCTOR' })), role: 'DOCTOR' },
      { ...doctor, role: 'CAREGIVER' }, // the doctor's link does not make them a caregiver
      { ...(await createUser()), role: 'PATIENT' },
      { ...(await createUser({ role: 'ADMIN' })), role: 'ADMIN' },
    ];
    for (const caller of strangers) {
      await expect(findPatientOverview(caller, patient.id, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(findCareLink(doctor, 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('listCaredForPatients', () => {
  it('lists active links of the caller\'s role with their permissions', async () => {
    const other = await createUser();
    await linkCare({ patientId: other.id, carerId: caregivers.alertsOnly.id, kind: 'CAREGIVER', revoked: true });
    const list = await listCaredForPatients(caregivers.alertsOnly);
    expect(list).toEqual([
      { patient: { id: patient.id, name: 'Pat Overview', timeZone: 'UTC' }, access: expect.objectContaining({ canView: false, canLogData: false, canReceiveAlerts: true }) },
    ]);
    expect(await listCaredForPatients(caregivers.revoked)).toEqual([]);
  });
});
