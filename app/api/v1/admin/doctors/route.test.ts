// Integration (HTTP): admins review doctors who signed up: the pending list, approve, reject with a
// reason (each e-mails the doctor and is audited), 409 once decided, 404 for an id that is not a
// doctor's, and no one else may do it.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { byEmail } from '@/lib/data/user-email';
import { prisma } from '@/lib/db/client';
import { mailsTo, postFrom, randomLoopback } from '@/test/account-mail';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

let admin: { id: string; cookie: string };

async function signUpDoctor() {
  const email = `doctor-${randomUUID()}@test.example`;
  const res = await postFrom(randomLoopback(), '/api/v1/auth/signup', {
    email,
    password: 'amber lanterns over the harbour',
    name: 'Dr Ada Example',
    role: 'DOCTOR',
    licenceNumber: 'MED-42',
    licenceBody: 'State Medical Board',
  });
  expect(res.status).toBe(201);
  const { id } = await prisma.user.findUniqueOrThrow({ where: byEmail(email), select: { id: true } });
  return { id, email };
}

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
});

describe('/api/v1/admin/doctors', () => {
  it('lists a pending doctor; approving e-mails them, is audited, and a second decision is a 409', async () => {
    const doctor = await signUpDoctor();
    const list = await api('/api/v1/admin/doctors', { cookie: admin.cookie });
    expect(list.status).toBe(200);
    expect(list.body.doctors).toContainEqual(expect.objectContaining({ id: doctor.id, email: doctor.email, licenceNumber: 'MED-42', licenceBody: 'State Medical Board', emailVerified: false }));

    const approved = await api(`/api/v1/admin/doctors/${doctor.id}/approve`, { method: 'POST', cookie: admin.cookie });
    expect(approved).toMatchObject({ status: 200, body: { id: doctor.id, doctorApproval: 'APPROVED' } });
    expect(await mailsTo(doctor.email, 'doctor-approved')).toHaveLength(1);
    const audit = await prisma.auditLog.findFirst({ where: { action: 'POST /api/v1/admin/doctors/[userId]/approve', targetId: doctor.id } });
    expect(audit).toMatchObject({ actorUserId: admin.id, targetType: 'users', outcome: 'SUCCESS' });
    expect((await api('/api/v1/admin/doctors', { cookie: admin.cookie })).body.doctors.map((d: { id: string }) => d.id)).not.toContain(doctor.id);

    const again = await api(`/api/v1/admin/doctors/${doctor.id}/reject`, { json: { reason: 'changed my mind' }, cookie: admin.cookie });
    expect(again.status).toBe(409);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: doctor.id } })).doctorApproval).toBe('APPROVED');
  });

  it('rejecting needs a reason, which the doctor is sent', async () => {
    const doctor = await signUpDoctor();
    const noReason = await api(`/api/v1/admin/doctors/${doctor.id}/reject`, { json: { reason: '  ' }, cookie: admin.cookie });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const rejected = await api(`/api/v1/admin/doctors/${doctor.id}/reject`, { json: { reason: 'The licence number is not on the register.' }, cookie: admin.cookie });
    expect(rejected).toMatchObject({ status: 200, body: { doctorApproval: 'REJECTED' } });
    const [mail] = await mailsTo(doctor.email, 'doctor-rejected');
    expect(mail).toContain('The licence number is not on the register.');
    expect(await prisma.user.findUniqueOrThrow({ where: { id: doctor.id } })).toMatchObject({ doctorApproval: 'REJECTED', doctorRejectionReason: 'The licence number is not on the register.' });
  });

  it('404 for a patient, an unknown or a malformed id; 403 for a non-admin, 401 without a session', async () => {
    const doctor = await signUpDoctor();
    const patient = await createSignedInUser();
    for (const id of [patient.id, randomUUID(), 'not-a-uuid']) {
      expect((await api(`/api/v1/admin/doctors/${id}/approve`, { method: 'POST', cookie: admin.cookie })).status, id).toBe(404);
    }
    const otherDoctor = await createSignedInUser({ role: 'DOCTOR' });
    for (const cookie of [patient.cookie, otherDoctor.cookie]) {
      expect((await api(`/api/v1/admin/doctors/${doctor.id}/approve`, { method: 'POST', cookie })).status).toBe(403);
      expect((await api('/api/v1/admin/doctors', { cookie })).status).toBe(403);
    }
    expect((await api(`/api/v1/admin/doctors/${doctor.id}/approve`, { method: 'POST' })).status).toBe(401);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: doctor.id } })).doctorApproval).toBe('PENDING');
  });
});
