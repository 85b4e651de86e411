// Integration (HTTP): the pages about one person (a doctor's or caregiver's patient, a received share)
// decide access before they stream, so a person the caller may not see, or who does not exist, is a
// real 404, not a 200 carrying a not-found view; every such decision, and every page refused for the
// caller's role, leaves an audit row.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { createSignedInUser, createUser, linkCare } from '@/test/factories';
import { api } from '@/test/http';

const rowsOf = (actorUserId: string) => prisma.auditLog.findMany({ where: { actorUserId, action: { not: 'auth.sign-in' } }, orderBy: { id: 'asc' } });

const status = async (path: string, cookie: string) => (await api(path, { cookie })).status;

function receivedShare(patientId: string, recipientUserId: string | null) {
  return prisma.shareToken.create({
    data: { patientId, recipientUserId, types: ['STEPS'], dataFrom: new Date('2026-11-01'), dataTo: new Date('2026-11-30'), expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

describe('pages about one person answer a real 404 when the caller may not see them', () => {
  it("a doctor's patient page: 200 for a linked patient; 404 for an unlinked, unknown or malformed id", async () => {
    const patient = await createUser();
    const stranger = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    expect(await status(`/doctor/patients/${patient.id}`, doctor.cookie)).toBe(200);
    for (const id of [stranger.id, randomUUID(), 'not-a-uuid']) expect(await status(`/doctor/patients/${id}`, doctor.cookie), id).toBe(404);
  }, 180_000);

  it("a caregiver's page: 200 for a linked patient (alerts-only too); 404 for a revoked link, an unknown or malformed id", async () => {
    const patient = await createUser();
    const alertsOnly = await createUser();
    const former = await createUser();
    const caregiver = await createSignedInUser({ role: 'CAREGIVER' });
    await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
    await prisma.careRelationship.create({ data: { patientId: alertsOnly.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: false, canReceiveAlerts: true } });
    await linkCare({ patientId: former.id, carerId: caregiver.id, kind: 'CAREGIVER', revoked: true });
    expect(await status(`/caregiver/patients/${patient.id}`, caregiver.cookie)).toBe(200);
    expect(await status(`/caregiver/patients/${alertsOnly.id}`, caregiver.cookie)).toBe(200);
    for (const id of [former.id, randomUUID(), 'not-a-uuid']) expect(await status(`/caregiver/patients/${id}`, caregiver.cookie), id).toBe(404);
    // The caregiver's own not-found view, not a bare one.
    expect(String((await api(`/caregiver/patients/${former.id}`, { cookie: caregiver.cookie })).body)).toContain('no longer) part of their care team');
  }, 180_000);

  it('a received share: 200 for one of the caller; 404 for one of someone else, an unknown or malformed id', async () => {
    const patient = await createUser();
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const other = await createUser({ role: 'DOCTOR' });
    const mine = await receivedShare(patient.id, doctor.id);
    const theirs = await receivedShare(patient.id, other.id);
    expect(await status(`/shared-with-me/${mine.id}`, doctor.cookie)).toBe(200);
    for (const id of [theirs.id, randomUUID(), 'not-a-uuid']) expect(await status(`/shared-with-me/${id}`, doctor.cookie), id).toBe(404);
  }, 180_000);
});

describe('other pages that name something in their path', () => {
  it("a patient's trend: 200 for a health type, a real 404 for a type that does not exist", async () => {
    const patient = await createSignedInUser();
    expect(await status('/trends/STEPS', patient.cookie)).toBe(200);
    expect(await status('/trends/NO_SUCH_TYPE', patient.cookie)).toBe(404);
  }, 180_000);
});

describe('audit rows of pages', () => {
  it("records a caregiver's alerts-only view of a patient's page (name, permissions, emergencies)", async () => {
    const patient = await createUser();
    const caregiver = await createSignedInUser({ role: 'CAREGIVER' });
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: false, canReceiveAlerts: true } });
    expect(await status(`/caregiver/patients/${patient.id}`, caregiver.cookie)).toBe(200);
    expect(await rowsOf(caregiver.id)).toMatchObject([
      { action: 'page.read-patient-data', outcome: 'SUCCESS', targetType: 'patients', targetId: patient.id, patientId: patient.id, details: { page: '/caregiver/patients/[patientId]' } },
    ]);
  }, 180_000);

  it("records an unlinked caregiver's refused page of a patient once, with the patient", async () => {
    const patient = await createUser();
    const caregiver = await createSignedInUser({ role: 'CAREGIVER' });
    expect(await status(`/caregiver/patients/${patient.id}`, caregiver.cookie)).toBe(404);
    expect(await rowsOf(caregiver.id)).toMatchObject([
      { action: 'page.read-patient-data', outcome: 'DENIED', targetType: 'patients', targetId: patient.id, patientId: patient.id },
    ]);
  }, 180_000);

  it('records each person a carer\'s list page shows (the people cared for, the shares received)', async () => {
    const patient = await createUser();
    const caregiver = await createSignedInUser({ role: 'CAREGIVER' });
    await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canView: false, canReceiveAlerts: true } });
    expect(await status('/caregiver', caregiver.cookie)).toBe(200);
    expect(await rowsOf(caregiver.id)).toMatchObject([
      { action: 'list.read-patient-data', outcome: 'SUCCESS', patientId: patient.id, details: { list: 'cared-for' } },
    ]);
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    await receivedShare(patient.id, doctor.id);
    expect(await status('/shared-with-me', doctor.cookie)).toBe(200);
    expect(await rowsOf(doctor.id)).toMatchObject([
      { action: 'list.read-patient-data', outcome: 'SUCCESS', patientId: patient.id, details: { list: 'received-shares' } },
    ]);
  }, 180_000);

  it('records a page refused for the caller\'s role once, with what it required', async () => {
    const patient = await createSignedInUser();
    const other = await createUser();
    const res = await api(`/doctor/patients/${other.id}`, { cookie: patient.cookie, headers: { 'user-agent': 'page-refusal-test' } });
    expect(res.status).toBe(307);
    expect(await rowsOf(patient.id)).toMatchObject([
      { action: 'page.refused', outcome: 'DENIED', targetType: null, patientId: null, userAgent: 'page-refusal-test', details: { required: 'DOCTOR', status: 307 } },
    ]);
  }, 180_000);
});
