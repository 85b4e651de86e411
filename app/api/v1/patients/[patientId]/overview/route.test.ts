// Integration: GET /api/v1/patients/:patientId/overview over HTTP — a carer with an active link gets the
// sections their link allows; everyone else the same 404; signed out 401.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let doctor: SignedIn;
let viewer: SignedIn;
let noView: SignedIn;

const overview = (patientId: string, cookie?: string) => api(`/api/v1/patients/${patientId}/overview`, { cookie });

beforeAll(async () => {
  [patient, doctor, viewer, noView] = await Promise.all([
    createSignedInUser(), createSignedInUser({ role: 'DOCTOR' }), createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser({ role: 'CAREGIVER' }),
  ]);
  await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
  await linkCare({ patientId: patient.id, carerId: viewer.id, kind: 'CAREGIVER', canView: true });
  await linkCare({ patientId: patient.id, carerId: noView.id, kind: 'CAREGIVER', canView: false });
  await prisma.emergencyEvent.create({ data: { patientId: patient.id, kind: 'GLUCOSE_LOW', details: { mgdl: 45 }, detectedAt: new Date() } });
});

describe('GET /api/v1/patients/:id/overview', () => {
  it('a linked doctor gets every section', async () => {
    const res = await overview(patient.id, doctor.cookie);
    expect(res.status).toBe(200);
    expect(res.body.access).toMatchObject({ kind: 'DOCTOR', canView: true, canReceiveAlerts: true });
    expect(res.body).toMatchObject({ insights: [], events: [], medications: { items: [] } });
    expect(res.body.emergencies).toHaveLength(1);
  });

  it('a caregiver with view but not alerts: health sections, no emergencies', async () => {
    const res = await overview(patient.id, viewer.cookie);
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([]);
    expect(res.body.emergencies).toBeNull();
  });

  it('a caregiver without view: only who and what they may do', async () => {
    const res = await overview(patient.id, noView.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ insights: null, events: null, medications: null, emergencies: null });
    expect(res.body.access).toMatchObject({ canView: false });
  });

  it.each([
    ['the patient themselves', () => Promise.resolve(patient)],
    ['an unlinked doctor', () => createSignedInUser({ role: 'DOCTOR' })],
    ['a revoked caregiver', async () => {
      const c = await createSignedInUser({ role: 'CAREGIVER' });
      await linkCare({ patientId: patient.id, carerId: c.id, kind: 'CAREGIVER', revoked: true });
      return c;
    }],
    ['an admin', () => createSignedInUser({ role: 'ADMIN' })],
  ])('404 for %s', async (_name, make) => {
    const res = await overview(patient.id, (await make()).cookie);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'patient not found' } });
  });

  it('404 for unknown and malformed ids; 401 signed out', async () => {
    expect((await overview(randomUUID(), doctor.cookie)).status).toBe(404);
    expect((await overview('x', doctor.cookie)).status).toBe(404);
    expect((await overview(patient.id)).status).toBe(401);
  });
});

describe('GET /api/v1/caregiver/patients', () => {
  it('lists the caregiver\'s people with permissions; other roles 403', async () => {
    const res = await api('/api/v1/caregiver/patients', { cookie: noView.cookie });
    expect(res.status).toBe(200);
    expect(res.body.patients).toEqual([{ patient: { id: patient.id, name: 'Test User', timeZone: 'UTC' }, access: expect.objectContaining({ canView: false }) }]);
    expect((await api('/api/v1/caregiver/patients', { cookie: doctor.cookie })).status).toBe(403);
    expect((await api('/api/v1/caregiver/patients', { cookie: patient.cookie })).status).toBe(403);
    expect((await api('/api/v1/caregiver/patients')).status).toBe(401);
  });
});
