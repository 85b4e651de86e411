// Integration: readings synced through the API → the in-process pipeline (after the response) opens
// emergency events against the patient's thresholds → notifications to the patient, alert caregivers and
// doctors (at once or in a doctor's daily digest) → acknowledge / escalate / resolve through the API.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { withNotificationTexts } from '@/lib/data/notification-fields';
import { nextDigestAt } from '@/lib/data/notifications';
import { createDevice, createSignedInUser, syncSamples, waitFor, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
type Device = Awaited<ReturnType<typeof createDevice>>;
type Emergency = {
  id: string; patientId: string; kind: string; status: string; details: Record<string, number>; acknowledgedById: string | null; resolvedById: string | null;
  updates: { kind: string; details: Record<string, number>; worsened: boolean }[];
  notified: { doctors: number; caregivers: number; digestDoctors: number; nextDigestAt: string | null };
};

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const glucose = (value: number, at: string) => ({ type: 'BLOOD_GLUCOSE', value, unit: 'mg/dL', startDate: at, endDate: at });
const bloodPressure = (systolic: number, diastolic: number, at: string) => [
  { type: 'BLOOD_PRESSURE_SYSTOLIC', value: systolic, unit: 'mmHg', startDate: at, endDate: at },
  { type: 'BLOOD_PRESSURE_DIASTOLIC', value: diastolic, unit: 'mmHg', startDate: at, endDate: at },
];

/** Syncs through the API and waits until the pipeline has processed the batch (alerts included). */
async function syncAndSettle(patientId: string, device: Device, samples: Record<string, unknown>[]) {
  const since = new Date();
  await syncSamples(device, samples);
  await waitForPipeline(patientId, since);
}

const listEmergencies = (cookie: string) => api<{ emergencies: Emergency[] }>('/api/v1/emergencies', { cookie });
const act = (id: string, action: string, cookie?: string) => api<Emergency>(`/api/v1/emergencies/${id}/${action}`, { method: 'POST', cookie });
const eventsOf = (patientId: string) => prisma.emergencyEvent.findMany({ where: { patientId }, orderBy: { detectedAt: 'asc' } });

function linkCarer(patientId: string, carerId: string, kind: 'DOCTOR' | 'CAREGIVER', opts: { canReceiveAlerts?: boolean } = {}) {
  return prisma.careRelationship.create({ data: { patientId, carerId, kind, canView: true, canReceiveAlerts: opts.canReceiveAlerts ?? false } });
}

describe('nextDigestAt', () => {
  it('is the next 08:00 on the doctor’s wall clock, also on a DST change day and in a half-hour zone', () => {
    // 2026-03-08 is the US spring-forward day: 08:00 EDT is 12:00Z (local midnight + 8 h would be 09:00).
    expect(nextDigestAt(new Date('2026-03-08T06:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T12:00:00.000Z');
    // 2026-11-01 falls back: 08:00 EST is 13:00Z.
    expect(nextDigestAt(new Date('2026-11-01T03:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-01T13:00:00.000Z');
    // 08:00 IST is 02:30Z; past it, the next day's.
    expect(nextDigestAt(new Date('2026-06-10T02:00:00Z'), 'Asia/Kolkata').toISOString()).toBe('2026-06-10T02:30:00.000Z');
    expect(nextDigestAt(new Date('2026-06-10T02:30:00Z'), 'Asia/Kolkata').toISOString()).toBe('2026-06-11T02:30:00.000Z');
  });
});

describe('emergencies: low glucose, notifications and actions', () => {
  let patient: SignedIn;
  let meter: Device;
  let doctor: SignedIn; // immediate delivery (the default)
  let digestDoctor: SignedIn; // daily digest, in Asia/Kolkata (08:00 IST = 02:30Z)
  let alertCaregiver: SignedIn;
  let quietCaregiver: SignedIn; // may view, may not receive alerts
  let otherPatient: SignedIn;
  let unlinkedDoctor: SignedIn;
  let admin: SignedIn;
  let eventId: string;

  beforeAll(async () => {
    [patient, doctor, digestDoctor, alertCaregiver, quietCaregiver, otherPatient, unlinkedDoctor, admin] = await Promise.all([
      createSignedInUser({ timeZone: 'UTC' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR', timeZone: 'Asia/Kolkata' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser(),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'ADMIN' }),
    ]);
    meter = await createDevice(patient.id, 'glucometer', 'Meter');
    await linkCarer(patient.id, doctor.id, 'DOCTOR');
    await linkCarer(patient.id, digestDoctor.id, 'DOCTOR');
    await linkCarer(patient.id, alertCaregiver.id, 'CAREGIVER', { canReceiveAlerts: true });
    await linkCarer(patient.id, quietCaregiver.id, 'CAREGIVER', { canReceiveAlerts: false });
    const delivery = await api(`/api/v1/patients/${patient.id}/alert-settings`, { method: 'PUT', json: { delivery: 'DAILY_DIGEST' }, cookie: digestDoctor.cookie });
    expect(delivery.status).toBe(200);
    expect(delivery.body.delivery).toBe('DAILY_DIGEST');
  });

  it('a recent reading below 54 mg/dL opens exactly one GLUCOSE_LOW emergency', async () => {
    await syncSamples(meter, [glucose(48, minutesAgo(10)), glucose(110, minutesAgo(40))]);
    const listed = await waitFor(async () => {
      const res = await listEmergencies(patient.cookie);
      return res.status === 200 && res.body.emergencies.length > 0 ? res.body.emergencies : undefined;
    }, 'the emergency to open');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ patientId: patient.id, kind: 'GLUCOSE_LOW', status: 'OPEN', details: { mgdl: 48, thresholdMgDl: 54 } });
    eventId = listed[0]!.id;
    await waitForPipeline(patient.id, new Date(0));
    expect((await eventsOf(patient.id)).map((e) => e.kind)).toEqual(['GLUCOSE_LOW']);
  });

  it('notifies the patient and the alert caregiver at once; doctors are told when it escalates, a digest doctor in the next digest', async () => {
    const rows = await prisma.notification.findMany({ where: { emergencyEventId: eventId } });
    expect(rows.map((n) => n.recipientId).sort()).toEqual([patient.id, alertCaregiver.id].sort());
    for (const n of rows) {
      expect(n).toMatchObject({ status: 'SENT', isEmergency: true, patientId: patient.id, kind: 'emergency.GLUCOSE_LOW', scheduledFor: null });
      expect(n.sentAt).not.toBeNull();
    }
    const own = await api('/api/v1/notifications', { cookie: patient.cookie });
    expect(own.body.notifications.map((n: { emergencyEventId: string }) => n.emergencyEventId)).toContain(eventId);
    for (const carer of [doctor, digestDoctor, quietCaregiver]) expect((await api('/api/v1/notifications', { cookie: carer.cookie })).body.notifications).toEqual([]);

    // What the patient is told about who knows: the caregiver now; the digest doctor at 08:00 in Asia/Kolkata (02:30Z).
    const [listed] = (await listEmergencies(patient.cookie)).body.emergencies;
    expect(listed!.notified).toMatchObject({ doctors: 0, caregivers: 1, digestDoctors: 1 });
    const at = new Date(listed!.notified.nextDigestAt!);
    expect([at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()]).toEqual([2, 30, 0]);
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('lists the event for the patient, their doctors and the alert caregiver, for no one else', async () => {
    for (const caller of [patient, doctor, digestDoctor, alertCaregiver]) {
      const res = await listEmergencies(caller.cookie);
      expect(res.status).toBe(200);
      expect(res.body.emergencies.map((e) => e.id)).toEqual([eventId]);
    }
    for (const caller of [quietCaregiver, otherPatient, unlinkedDoctor]) {
      const res = await listEmergencies(caller.cookie);
      expect(res.status).toBe(200);
      expect(res.body.emergencies).toEqual([]);
    }
    expect((await listEmergencies(admin.cookie)).status).toBe(403);
    expect((await api('/api/v1/emergencies')).status).toBe(401);
  });

  it('a second, lower reading does not open another event while one is unresolved: the open one records it and notifies everyone again', async () => {
    await syncAndSettle(patient.id, meter, [glucose(45, minutesAgo(5))]);
    const events = await eventsOf(patient.id);
    expect(events.map((e) => [e.kind, e.status])).toEqual([['GLUCOSE_LOW', 'OPEN']]);
    expect(events[0]!.details).toMatchObject({ mgdl: 45 });
    const again = await prisma.notification.findMany({ where: { patientId: patient.id, isEmergency: true, kind: 'emergency.GLUCOSE_LOW.worsened' } });
    expect(again.map((n) => n.recipientId).sort()).toEqual([patient.id, alertCaregiver.id].sort());
    const listed = await listEmergencies(doctor.cookie);
    expect(listed.body.emergencies[0]).toMatchObject({ details: { mgdl: 45 }, notified: { doctors: 0, caregivers: 1, digestDoctors: 1 } });
    expect(listed.body.emergencies[0]!.updates.map((u) => [u.kind, u.details.mgdl, u.worsened])).toEqual([['READING', 48, false], ['READING', 45, true]]);
  });

  it('someone who may not act on the event gets 404; so do unknown actions and ids', async () => {
    for (const caller of [otherPatient, unlinkedDoctor, quietCaregiver, admin]) {
      const res = await act(eventId, 'acknowledge', caller.cookie);
      expect(res.status, caller.role).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await act(eventId, 'snooze', patient.cookie)).status).toBe(404);
    expect((await act('not-a-uuid', 'acknowledge', patient.cookie)).status).toBe(404);
    expect((await act(randomUUID(), 'acknowledge', patient.cookie)).status).toBe(404);
    expect((await act(eventId, 'acknowledge')).status).toBe(401);
    expect((await prisma.emergencyEvent.findUniqueOrThrow({ where: { id: eventId } })).status).toBe('OPEN');
  });

  it('the alert caregiver acknowledges (the others are told who did), the patient escalates (doctors notified at once, even with digest delivery), the doctor resolves', async () => {
    const acknowledged = await act(eventId, 'acknowledge', alertCaregiver.cookie);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ id: eventId, status: 'ACKNOWLEDGED', acknowledgedById: alertCaregiver.id });
    const told = await prisma.notification.findMany({ where: { emergencyEventId: eventId, kind: 'emergency.GLUCOSE_LOW.acknowledged' } });
    expect(told.map((n) => n.recipientId)).toEqual([patient.id]);
    expect((await withNotificationTexts(patient.id, told[0]!)).body).toContain('acknowledged the alert');

    const escalated = await act(eventId, 'escalate', patient.cookie);
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ id: eventId, status: 'ESCALATED' });
    const escalations = await prisma.notification.findMany({ where: { emergencyEventId: eventId, kind: 'emergency.GLUCOSE_LOW.escalated' } });
    const escalatedTo = new Map(escalations.map((n) => [n.recipientId, n.status]));
    expect(escalatedTo.get(digestDoctor.id)).toBe('SENT');
    expect(escalatedTo.get(doctor.id)).toBe('SENT');
    expect(escalatedTo.has(quietCaregiver.id)).toBe(false);
    const digestInbox = await api('/api/v1/notifications', { cookie: digestDoctor.cookie });
    expect(digestInbox.body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['emergency.GLUCOSE_LOW.escalated']);

    // Acknowledging again keeps it escalated, and the first acknowledgement stands.
    expect((await act(eventId, 'acknowledge', digestDoctor.cookie)).body).toMatchObject({ status: 'ESCALATED', acknowledgedById: alertCaregiver.id });

    const resolved = await act(eventId, 'resolve', doctor.cookie);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: eventId, status: 'RESOLVED', resolvedById: doctor.id });
    // A resolved event stays resolved.
    expect((await act(eventId, 'escalate', alertCaregiver.cookie)).body).toMatchObject({ status: 'RESOLVED' });
    expect((await listEmergencies(patient.cookie)).body.emergencies).toEqual([]);
    const all = await api<{ emergencies: Emergency[] }>('/api/v1/emergencies?all=true', { cookie: doctor.cookie });
    expect(all.body.emergencies.map((e) => [e.id, e.status])).toEqual([[eventId, 'RESOLVED']]);
  });

  it('after resolution, readings already handled do not reopen it; a new low reading opens a new event', async () => {
    // A normal reading the same day makes the pipeline look at the day's readings again (the 48 and 45).
    await syncAndSettle(patient.id, meter, [glucose(105, minutesAgo(1))]);
    expect((await eventsOf(patient.id)).map((e) => e.status)).toEqual(['RESOLVED']);

    await syncAndSettle(patient.id, meter, [glucose(50, new Date().toISOString())]);
    const events = await eventsOf(patient.id);
    expect(events.map((e) => [e.kind, e.status])).toEqual([['GLUCOSE_LOW', 'RESOLVED'], ['GLUCOSE_LOW', 'OPEN']]);
    expect(events[1]!.details).toMatchObject({ mgdl: 50 });
  }, 120_000);
});

describe('emergencies: blood pressure, thresholds and old readings', () => {
  it('a blood pressure of 185/95 opens a BLOOD_PRESSURE_CRISIS', async () => {
    const patient = await createSignedInUser();
    const cuff = await createDevice(patient.id, 'bp_monitor', 'Cuff');
    await syncSamples(cuff, bloodPressure(185, 95, minutesAgo(3)));
    const event = await waitFor(() => prisma.emergencyEvent.findFirst({ where: { patientId: patient.id } }), 'the crisis event');
    expect(event).toMatchObject({ kind: 'BLOOD_PRESSURE_CRISIS', status: 'OPEN' });
    expect(event.details).toMatchObject({ systolic: 185, diastolic: 95 });
    await waitForPipeline(patient.id, new Date(0));
    expect(await prisma.emergencyEvent.count({ where: { patientId: patient.id } })).toBe(1);
    const notes = await prisma.notification.findMany({ where: { emergencyEventId: event.id }, select: { id: true, patientId: true, recipientId: true, title: true, body: true } });
    expect(notes[0]!.body).not.toContain('185');
    expect(await Promise.all(notes.map((n) => withNotificationTexts(n.recipientId, n)))).toEqual([
      { id: notes[0]!.id, patientId: patient.id, recipientId: patient.id, title: 'Blood pressure in the crisis range', body: 'A reading of 185/95 mmHg was recorded.' },
    ]);
  });

  it('60 mg/dL opens nothing with the default thresholds, but does once the doctor sets the low threshold to 70', async () => {
    const patient = await createSignedInUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCarer(patient.id, doctor.id, 'DOCTOR');
    const meter = await createDevice(patient.id, 'glucometer');

    await syncAndSettle(patient.id, meter, [glucose(60, minutesAgo(20))]);
    expect(await prisma.emergencyEvent.count({ where: { patientId: patient.id } })).toBe(0);

    const thresholds = { glucoseLowMgDl: 70, glucoseHighMgDl: 300, systolicHigh: 180, diastolicHigh: 120 };
    const put = await api(`/api/v1/patients/${patient.id}/alert-settings`, { method: 'PUT', json: { thresholds }, cookie: doctor.cookie });
    expect(put.status).toBe(200);
    expect(put.body.thresholds).toEqual(thresholds);

    await syncAndSettle(patient.id, meter, [glucose(60, minutesAgo(2))]);
    const events = await eventsOf(patient.id);
    expect(events.map((e) => e.kind)).toEqual(['GLUCOSE_LOW']);
    expect(events[0]!.details).toMatchObject({ mgdl: 60, thresholdMgDl: 70 });
    expect(await prisma.notification.count({ where: { emergencyEventId: events[0]!.id, recipientId: patient.id, status: 'SENT' } })).toBe(1);
  }, 120_000);

  it('readings from a week ago open nothing', async () => {
    const patient = await createSignedInUser();
    const meter = await createDevice(patient.id, 'glucometer');
    const weekAgo = minutesAgo(7 * 24 * 60);
    await syncAndSettle(patient.id, meter, [glucose(40, weekAgo), ...bloodPressure(210, 130, weekAgo)]);
    // The pipeline did run on them: the day is aggregated.
    expect(await prisma.healthAggregate.count({ where: { userId: patient.id, type: 'BLOOD_GLUCOSE', period: 'DAY' } })).toBe(1);
    expect(await eventsOf(patient.id)).toEqual([]);
    expect(await prisma.notification.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
