// Integration (HTTP + SMTP): the journeys of issue 15 end to end, as people live them. Every link is read
// from the e-mail the test server's mail job delivered to a real SMTP server started for the test run
// (test/global-setup.ts, test/received-mail.ts): sign up → verify from the e-mail → invite → accept from
// the invitation e-mail → the carer reads the patient → the patient ends the link → 404.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { totpCode } from '@/lib/auth/totp';
import { byEmail } from '@/lib/data/user-email';
import { prisma } from '@/lib/db/client';
import { postFrom, randomLoopback } from '@/test/account-mail';
import { createSignedInUser, nextTotpCode } from '@/test/factories';
import { api, signIn } from '@/test/http';
import { linkIn, receivedMail } from '@/test/received-mail';

const PASSWORD = 'amber kettle walrus lagoon';
const VERIFY_LINK = /\/verify-email\?token=([A-Za-z0-9_-]+)/;
const INVITATION_LINK = /\/invitations\/([A-Za-z0-9_-]+)/;
const newAddress = (who: string) => `journey-${who}-${randomUUID()}@test.example`;

/** Signs up from a loopback address of its own, confirms the address from the delivered e-mail, signs in. */
async function joinPulse(role: 'PATIENT' | 'CAREGIVER' | 'DOCTOR', name: string, email = newAddress(role.toLowerCase()), extra: Record<string, string> = {}) {
  const res = await postFrom(randomLoopback(), '/api/v1/auth/signup', { email, password: PASSWORD, name, role, timeZone: 'Asia/Kolkata', ...extra });
  expect(res.status).toBe(201);
  const mail = await receivedMail(email, '/verify-email?token=');
  expect(mail.headers.from).toContain('Pulse');
  expect(Object.keys(mail.parts).sort()).toEqual(['text/html', 'text/plain']);
  expect((await api('/api/v1/auth/verify-email', { json: { token: linkIn(mail, VERIFY_LINK) } })).status).toBe(200);
  const { id } = await prisma.user.findUniqueOrThrow({ where: byEmail(email), select: { id: true } });
  return { id, email, cookie: (await signIn(email, PASSWORD))! };
}

/** The invitee opens the e-mailed link's page, finds the invitation among theirs, and accepts it. */
async function acceptMailedInvitation(invitee: { email: string; cookie: string }, fromName: string) {
  const mail = await receivedMail(invitee.email, fromName);
  const page = await api<string>(`/invitations/${linkIn(mail, INVITATION_LINK)}`, { cookie: invitee.cookie });
  expect(page.status).toBe(200);
  expect(page.body).toContain(fromName);
  const { invitations } = (await api('/api/v1/invitations', { cookie: invitee.cookie })).body;
  const invitation = invitations.find((i: { from: { name: string } }) => i.from.name === fromName);
  expect(invitation).toBeDefined();
  const accepted = await api(`/api/v1/invitations/${invitation.id}/accept`, { method: 'POST', cookie: invitee.cookie });
  expect(accepted.status).toBe(200);
  return accepted.body as { linkId: string; patientId: string };
}

const summary = (patientId: string, cookie: string) => api(`/api/v1/patients/${patientId}/summary`, { cookie });

describe('forming a care team from scratch, by e-mail', () => {
  it('a patient invites a caregiver: both sign up, the caregiver accepts from the e-mail, reads, and loses access when removed', async () => {
    const patient = await joinPulse('PATIENT', 'Asha Verma');
    const caregiver = await joinPulse('CAREGIVER', 'Ravi Verma');
    const invited = await api('/api/v1/care-team/invitations', {
      json: { email: caregiver.email, role: 'CAREGIVER', permissions: { view: true, logData: false, receiveAlerts: true } },
      cookie: patient.cookie,
    });
    expect(invited.status).toBe(201);

    const { linkId, patientId } = await acceptMailedInvitation(caregiver, 'Asha Verma');
    expect(patientId).toBe(patient.id);
    expect((await summary(patient.id, caregiver.cookie)).status).toBe(200);
    const team = (await api('/api/v1/users/me/care-team', { cookie: patient.cookie })).body;
    expect(JSON.stringify(team)).toContain(linkId);

    expect((await api(`/api/v1/care-team/${linkId}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await summary(patient.id, caregiver.cookie)).status).toBe(404);
  });

  it('a new doctor is approved, enrols a second factor, invites a patient who has no account; the patient signs up from the e-mail and accepts', async () => {
    const doctor = await joinPulse('DOCTOR', 'Dr. Meera Rao', undefined, { licenceNumber: 'KMC-48213', licenceBody: 'Karnataka Medical Council' });
    // Until an admin approves, and until a second factor is on, the doctor cannot invite.
    const admin = await createSignedInUser({ role: 'ADMIN' });
    expect((await api(`/api/v1/admin/doctors/${doctor.id}/approve`, { method: 'POST', cookie: admin.cookie })).status).toBe(200);
    await receivedMail(doctor.email, /approved/i);
    const held = await api('/api/v1/care-team/invitations', { json: { email: newAddress('x'), role: 'PATIENT' }, cookie: doctor.cookie });
    expect(held.status).toBe(403);
    const { secret } = (await api('/api/v1/users/me/two-factor/setup', { method: 'POST', cookie: doctor.cookie })).body;
    expect((await api('/api/v1/users/me/two-factor/confirm', { json: { code: totpCode(secret, Date.now()) }, cookie: doctor.cookie })).status).toBe(200);
    const doctorCookie = (await signIn(doctor.email, PASSWORD, { code: await nextTotpCode(doctor.id, secret) }))!;

    const patientEmail = newAddress('clinic-patient');
    expect((await api('/api/v1/care-team/invitations', { json: { email: patientEmail, role: 'PATIENT' }, cookie: doctorCookie })).status).toBe(201);
    await receivedMail(patientEmail, 'Dr. Meera Rao'); // mailed before the patient has an account
    const patient = await joinPulse('PATIENT', 'Kiran Das', patientEmail);
    const { linkId, patientId } = await acceptMailedInvitation(patient, 'Dr. Meera Rao');
    expect(patientId).toBe(patient.id);
    expect((await summary(patient.id, doctorCookie)).status).toBe(200);

    expect((await api(`/api/v1/care-team/${linkId}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await summary(patient.id, doctorCookie)).status).toBe(404);
  });

  it('a forgotten password is reset from the e-mail; the old session ends', async () => {
    const patient = await joinPulse('PATIENT', 'Nila Iyer');
    expect((await postFrom(randomLoopback(), '/api/v1/auth/password-reset', { email: patient.email })).status).toBe(202);
    const mail = await receivedMail(patient.email, '/reset-password?token=');
    const token = linkIn(mail, /\/reset-password\?token=([A-Za-z0-9_-]+)/);
    const newPassword = 'saffron harbour pencil meadow';
    expect((await api('/api/v1/auth/password-reset/confirm', { json: { token, password: newPassword } })).status).toBe(200);
    expect((await api('/api/v1/users/me', { cookie: patient.cookie })).status).toBe(401);
    expect(await signIn(patient.email, PASSWORD)).toBeNull();
    expect(await signIn(patient.email, newPassword)).not.toBeNull();
  });
});
