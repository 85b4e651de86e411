// Integration: emergency episodes against the real database. raiseAlerts is what the aggregate job
// calls with the patient's recent readings; every pass passes the recent readings again.
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { AlertReading } from '@/lib/pipeline/insights';
import { createUser } from '@/test/factories';
import { actOnEmergency, listEmergencies, raiseAlerts } from './emergencies';
import { withNotificationTexts } from './notification-fields';

const minutesAgo = (m: number) => Date.now() - m * 60_000;
const glucose = (value: number, atMs: number): AlertReading => ({ type: 'BLOOD_GLUCOSE', atMs, value });
const patientCaller = (id: string) => ({ id, role: 'PATIENT' as const });

/** A patient whose caregiver receives alerts (told from the start, in mmol/L), and a doctor (told when it escalates). */
async function patientWithCarers() {
  const [patient, carer, doctor] = await Promise.all([createUser({ timeZone: 'UTC' }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'DOCTOR' })]);
  await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: carer.id, kind: 'CAREGIVER', canView: true, canReceiveAlerts: true } });
  await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR', canView: true } });
  await prisma.userPreferences.update({ where: { userId: carer.id }, data: { glucoseUnit: 'MMOL_L' } });
  return { patient, carer, doctor };
}

const notesOf = async (eventId: string) => {
  const rows = await prisma.notification.findMany({ where: { emergencyEventId: eventId }, orderBy: { createdAt: 'asc' } });
  return Promise.all(rows.map((n) => withNotificationTexts(n.recipientId, n)));
};

describe('emergency episodes (finding 2)', () => {
  it('a worse reading in an open low is recorded, shown as the worst and notifies everyone again, in each reader’s unit; repeats change nothing', async () => {
    const { patient, carer } = await patientWithCarers();
    const at45 = minutesAgo(30);
    const at32 = minutesAgo(10);
    await raiseAlerts(patient.id, [glucose(45, at45)]);
    const [opened] = await listEmergencies(patientCaller(patient.id));
    expect(opened).toMatchObject({ kind: 'GLUCOSE_LOW', status: 'OPEN', details: { mgdl: 45 }, startedAt: new Date(at45).toISOString() });
    expect(await notesOf(opened!.id)).toHaveLength(2);

    for (let pass = 0; pass < 2; pass++) await raiseAlerts(patient.id, [glucose(45, at45), glucose(32, at32)]);
    const [worse] = await listEmergencies(patientCaller(patient.id));
    expect(worse).toMatchObject({ id: opened!.id, details: { mgdl: 32 }, startedAt: new Date(at45).toISOString() });
    expect(worse!.updates.map((u) => [u.kind, u.details.mgdl, u.worsened, u.afterResolution])).toEqual([
      ['READING', 45, false, false],
      ['READING', 32, true, false],
    ]);
    const notes = await notesOf(opened!.id);
    expect(notes.map((n) => [n.recipientId, n.kind])).toEqual([
      [expect.any(String), 'emergency.GLUCOSE_LOW'],
      [expect.any(String), 'emergency.GLUCOSE_LOW'],
      [expect.any(String), 'emergency.GLUCOSE_LOW.worsened'],
      [expect.any(String), 'emergency.GLUCOSE_LOW.worsened'],
    ]);
    const worsened = notes.filter((n) => n.kind.endsWith('.worsened'));
    expect(worsened.find((n) => n.recipientId === patient.id)!.body).toContain('32 mg/dL');
    expect(worsened.find((n) => n.recipientId === carer.id)!.body).toContain('1.8 mmol/L');
    expect(worsened.find((n) => n.recipientId === carer.id)!.body).not.toContain('mg/dL');
  });

  it('a reading back in range ends a low: the episode resolves at that reading; one taken before it but arriving later is recorded on it', async () => {
    const { patient, carer } = await patientWithCarers();
    const readings = [glucose(45, minutesAgo(40)), glucose(104, minutesAgo(20))];
    await raiseAlerts(patient.id, readings);
    const [resolvedLow] = await listEmergencies(patientCaller(patient.id), { includeResolved: true });
    expect(resolvedLow).toMatchObject({ status: 'RESOLVED', resolvedById: null, resolvedAt: new Date(readings[1]!.atMs), recoveredAt: new Date(readings[1]!.atMs).toISOString() });
    expect(resolvedLow!.updates.map((u) => [u.kind, u.details.mgdl])).toEqual([['READING', 45], ['RECOVERY', 104]]);
    const before = await prisma.notification.count({ where: { emergencyEventId: resolvedLow!.id } });

    // Taken ten minutes before the recovery, synced after it.
    const late = glucose(51, minutesAgo(30));
    await raiseAlerts(patient.id, [...readings, late]);
    await raiseAlerts(patient.id, [...readings, late]);
    const [resolved, ...others] = await listEmergencies(patientCaller(patient.id), { includeResolved: true });
    expect(others).toEqual([]);
    expect(resolved).toMatchObject({ id: resolvedLow!.id, status: 'RESOLVED', details: { mgdl: 45 } });
    expect(resolved!.updates.map((u) => [u.kind, u.details.mgdl, u.afterResolution])).toEqual([
      ['READING', 45, false],
      ['READING', 51, true],
      ['RECOVERY', 104, false],
    ]);
    // Not worse than what was seen: recorded and shown, nobody paged.
    expect(await prisma.notification.count({ where: { emergencyEventId: resolvedLow!.id } })).toBe(before);

    // A worse one taken before the recovery notifies again; one taken after it opens a new episode.
    await raiseAlerts(patient.id, [...readings, late, glucose(38, minutesAgo(35)), glucose(50, Date.now() + 1000)]);
    const all = await listEmergencies(patientCaller(patient.id), { includeResolved: true });
    expect(all.map((e) => [e.status, (e.details as Record<string, number>).mgdl])).toEqual([['OPEN', 50], ['RESOLVED', 38]]);
    expect((await notesOf(resolvedLow!.id)).filter((n) => n.kind === 'emergency.GLUCOSE_LOW.late').map((n) => n.recipientId).sort()).toEqual([patient.id, carer.id].sort());
  });

  it('two overlapping passes for the same patient open one episode and notify once', async () => {
    const { patient } = await patientWithCarers();
    const readings = [glucose(40, minutesAgo(5))];
    await Promise.all([raiseAlerts(patient.id, readings), raiseAlerts(patient.id, readings), raiseAlerts(patient.id, readings)]);
    const events = await prisma.emergencyEvent.findMany({ where: { patientId: patient.id } });
    expect(events).toHaveLength(1);
    expect(await prisma.notification.count({ where: { emergencyEventId: events[0]!.id } })).toBe(2);
  });
});

describe('who was told (finding 5)', () => {
  it('an episode says whom it notified: nobody but the patient when there is no care team', async () => {
    const lonely = await createUser();
    await raiseAlerts(lonely.id, [glucose(45, minutesAgo(5))]);
    const [alone] = await listEmergencies(patientCaller(lonely.id));
    expect(alone!.notified).toEqual({ doctors: 0, caregivers: 0, digestDoctors: 0, nextDigestAt: null });

    const { patient } = await patientWithCarers();
    await raiseAlerts(patient.id, [glucose(45, minutesAgo(5))]);
    const [told] = await listEmergencies(patientCaller(patient.id));
    // The doctor is told when the alert escalates (lib/data/emergency-escalation.test.ts).
    expect(told!.notified).toEqual({ doctors: 0, caregivers: 1, digestDoctors: 0, nextDigestAt: null });
  });
});

describe('who may see and act on an emergency', () => {
  it("a carer sees and acts on a patient's emergencies only while the patient's account is enabled", async () => {
    const { patient, doctor } = await patientWithCarers();
    await raiseAlerts(patient.id, [glucose(45, minutesAgo(5))]);
    const carer = { id: doctor.id, role: 'DOCTOR' as const };
    const [seen] = await listEmergencies(carer);
    expect(seen).toMatchObject({ patientId: patient.id });
    await prisma.user.update({ where: { id: patient.id }, data: { disabledAt: new Date() } });
    expect(await listEmergencies(carer)).toEqual([]);
    await expect(actOnEmergency(carer, seen!.id, 'acknowledge')).rejects.toMatchObject({ status: 404 });
  });
});
