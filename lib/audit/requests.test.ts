// Integration (HTTP): which requests write an audit row and what it holds: a doctor's read of a linked
// patient, a denied read, a device sync, sign-ins, an admin action; never a patient's read of their own
// data, never health values, tokens or e-mail addresses.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { databaseNow } from '@/test/db-clock';
import { createDevice, createSignedInUser, createUser, linkCare, PASSWORD } from '@/test/factories';
import { fetchFrom, randomLoopback } from '@/test/from-address';
import { api, signIn } from '@/test/http';

// The rows of API requests (a signed-in factory user also has its sign-in row).
const rowsOf = (where: { actorUserId?: string; actorDeviceId?: string }) =>
  prisma.auditLog.findMany({ where: { ...where, action: { not: 'auth.sign-in' } }, orderBy: { id: 'asc' } });

const SAMPLES = '/api/v1/patients/[patientId]/samples';

describe('audit rows of API requests', () => {
  it("records a doctor's read of a linked patient once, with actor, patient, route, ip and outcome", async () => {
    const patient = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    // The socket's address, not the one the client wrote into X-Forwarded-For (no proxy is trusted).
    const address = randomLoopback();
    const res = await fetchFrom(address, `/api/v1/patients/${patient.id}/samples`, {
      headers: { cookie: doctor.cookie, 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-pulse-client-ip': '203.0.113.8', 'user-agent': 'audit-test' },
    });
    expect(res.status).toBe(200);
    const rows = await rowsOf({ actorUserId: doctor.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: `GET ${SAMPLES}`,
      outcome: 'SUCCESS',
      patientId: patient.id,
      targetType: 'patients',
      targetId: patient.id,
      ip: address,
      userAgent: 'audit-test',
      details: { status: 200 },
    });
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("records a doctor's server-rendered page of a linked patient", async () => {
    const patient = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    const address = randomLoopback();
    const res = await fetchFrom(address, `/doctor/patients/${patient.id}`, { headers: { cookie: doctor.cookie, 'x-forwarded-for': '198.51.100.23' } });
    expect(res.status).toBe(200);
    const rows = await rowsOf({ actorUserId: doctor.id });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      expect(row).toMatchObject({ action: 'page.read-patient-data', outcome: 'SUCCESS', patientId: patient.id, ip: address });
    }
  }, 180_000);

  it("records a read of a patient's overview (a route addressed to the patient)", async () => {
    const patient = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await api(`/api/v1/patients/${patient.id}/overview`, { cookie: doctor.cookie })).status).toBe(200);
    expect(await rowsOf({ actorUserId: doctor.id })).toMatchObject([
      { action: 'GET /api/v1/patients/[patientId]/overview', outcome: 'SUCCESS', patientId: patient.id },
    ]);
  });

  it("records a doctor's refused attempt on an emergency with the event, its patient and the action", async () => {
    const patient = await createUser();
    const event = await prisma.emergencyEvent.create({ data: { patientId: patient.id, kind: 'GLUCOSE_LOW', details: { valueMgDl: 45 }, detectedAt: new Date() } });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    expect((await api(`/api/v1/emergencies/${event.id}/resolve`, { method: 'POST', cookie: doctor.cookie })).status).toBe(404);
    expect(await rowsOf({ actorUserId: doctor.id })).toMatchObject([
      { action: 'POST /api/v1/emergencies/[id]/[action]', outcome: 'DENIED', targetType: 'emergency_events', targetId: event.id, patientId: patient.id, details: { status: 404, action: 'resolve' } },
    ]);
  });

  it("records an unlinked doctor's refused page of a patient, with the patient", async () => {
    const patient = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const res = await api(`/doctor/patients/${patient.id}`, { cookie: doctor.cookie });
    expect(res.status).toBe(404); // decided in the layout, above loading.tsx: a real 404
    expect(await rowsOf({ actorUserId: doctor.id })).toMatchObject([
      { action: 'page.read-patient-data', outcome: 'DENIED', targetType: 'patients', targetId: patient.id, patientId: patient.id },
    ]);
  }, 180_000);

  it("records a refused page of someone else's share with the share and its patient", async () => {
    const patient = await createUser();
    const share = await prisma.shareToken.create({
      data: { patientId: patient.id, types: ['STEPS'], dataFrom: new Date('2026-11-01'), dataTo: new Date('2026-11-30'), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const res = await api(`/shared-with-me/${share.id}`, { cookie: doctor.cookie });
    expect(res.status).toBe(404);
    expect(await rowsOf({ actorUserId: doctor.id })).toMatchObject([
      { action: 'page.read-shared-data', outcome: 'DENIED', targetType: 'share_tokens', targetId: share.id, patientId: patient.id },
    ]);
  }, 180_000);

  it("records each patient a carer's list of emergencies shows, before showing it", async () => {
    const patient = await createUser();
    await prisma.emergencyEvent.create({ data: { patientId: patient.id, kind: 'GLUCOSE_LOW', details: { valueMgDl: 45 }, detectedAt: new Date() } });
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect((await api('/api/v1/emergencies', { cookie: doctor.cookie })).status).toBe(200);
    const rows = await rowsOf({ actorUserId: doctor.id });
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'list.read-patient-data', patientId: patient.id, targetType: 'patients', targetId: patient.id, details: { list: 'emergencies' } })]));
  });

  it("records a signed-in caller's read refused for their role (403)", async () => {
    const patient = await createSignedInUser();
    expect((await api('/api/v1/admin/users', { cookie: patient.cookie })).status).toBe(403);
    expect(await rowsOf({ actorUserId: patient.id })).toMatchObject([
      { action: 'GET /api/v1/admin/users', outcome: 'DENIED', targetType: null, patientId: null, details: { status: 403 } },
    ]);
  });

  it("writes nothing for a patient's GET of their own data", async () => {
    const patient = await createSignedInUser();
    expect((await api('/api/v1/users/me/samples', { cookie: patient.cookie })).status).toBe(200);
    expect(await rowsOf({ actorUserId: patient.id })).toEqual([]);
  });

  it('records a read of a foreign patient (404) as denied', async () => {
    const stranger = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    expect((await api(`/api/v1/patients/${stranger.id}/samples`, { cookie: doctor.cookie })).status).toBe(404);
    const rows = await rowsOf({ actorUserId: doctor.id });
    expect(rows).toMatchObject([{ action: `GET ${SAMPLES}`, outcome: 'DENIED', patientId: stranger.id, details: { status: 404 } }]);
  });

  it('records a device sync with the device, its owner and counts, never the values or the token', async () => {
    const patient = await createUser();
    const device = await createDevice(patient.id);
    const at = '2026-11-20T08:00:00Z';
    const res = await api(`/api/v1/devices/${device.id}/sync`, {
      token: device.token,
      json: {
        samples: [
          { type: 'HEART_RATE', value: 71.25, unit: 'count/min', startDate: at, endDate: at },
          { type: 'HEART_RATE', value: 9999, unit: 'count/min', startDate: at, endDate: at },
        ],
      },
    });
    expect(res.status).toBe(200);
    const rows = await rowsOf({ actorDeviceId: device.id });
    expect(rows).toMatchObject([
      {
        action: 'POST /api/v1/devices/[id]/sync',
        outcome: 'SUCCESS',
        actorUserId: null,
        patientId: patient.id,
        targetType: 'devices',
        targetId: device.id,
        details: { status: 200, accepted: 1, duplicates: 0, rejected: 1 },
      },
    ]);
    const text = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toContain('71.25');
    expect(text).not.toContain('9999');
    expect(text).not.toContain(device.token);
  });

  it('records a phone-bridge delivery with the device of its token as actor and target, counts only', async () => {
    const patient = await createUser();
    const device = await createDevice(patient.id, 'phone');
    const res = await api('/api/v1/bridges/health-connect', {
      token: device.token,
      json: { timestamp: '2026-11-21T10:00:00Z', weight: [{ kilograms: 71.25, time: '2026-11-20T07:00:00Z' }, { kilograms: 9999, time: '2026-11-20T07:01:00Z' }] },
    });
    expect(res.status).toBe(200);
    const rows = await rowsOf({ actorDeviceId: device.id });
    expect(rows).toMatchObject([
      {
        action: 'POST /api/v1/bridges/health-connect',
        outcome: 'SUCCESS',
        patientId: patient.id,
        targetType: 'devices',
        targetId: device.id,
        details: { status: 200, bridge: 'health-connect', accepted: 1, duplicates: 0, rejected: 1 },
      },
    ]);
    const text = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toContain('71.25');
    expect(text).not.toContain(device.token);
  });

  it('records failed and successful sign-ins without the e-mail address', async () => {
    const user = await createUser();
    const unknown = `nobody-${randomUUID()}@example.test`;
    const since = new Date((await databaseNow()).getTime() - 1000); // occurred_at is the database's clock
    expect(await signIn(user.email, 'wrong password!')).toBeNull();
    expect(await signIn(unknown, PASSWORD)).toBeNull();
    expect(await signIn(user.email, PASSWORD)).not.toBeNull();

    const forUser = await prisma.auditLog.findMany({ where: { targetId: user.id }, orderBy: { id: 'asc' } });
    expect(forUser.map((r) => [r.action, r.outcome, r.actorUserId])).toEqual([
      ['auth.sign-in', 'FAILURE', null],
      ['auth.sign-in', 'SUCCESS', user.id],
    ]);
    expect(forUser[0]!.details).toMatchObject({ reason: 'wrong-password', emailHmac: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const anonymous = await prisma.auditLog.findMany({
      where: { action: 'auth.sign-in', targetId: null, occurredAt: { gte: since }, details: { path: ['reason'], equals: 'unknown-account' } },
    });
    expect(anonymous.length).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify([...forUser, ...anonymous], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(unknown);
    expect(text).not.toContain(PASSWORD);
  });

  it("records an admin action with the admin and the request's route", async () => {
    const admin = await createSignedInUser({ role: 'ADMIN' });
    const res = await api('/api/v1/admin/users', {
      cookie: admin.cookie,
      json: { email: `made-${randomUUID()}@example.test`, name: 'Made', role: 'PATIENT', timeZone: 'UTC', password: 'a long enough password' },
    });
    expect(res.status).toBe(201);
    const rows = await rowsOf({ actorUserId: admin.id });
    expect(rows).toMatchObject([{ action: 'POST /api/v1/admin/users', outcome: 'SUCCESS', details: { status: 201 } }]);
    expect(JSON.stringify(rows[0]!.details)).not.toContain('@');
  });
});
