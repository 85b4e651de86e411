// Integration: care teams formed by invitation (issue 15) over HTTP — the invitation e-mail read from
// mail_messages as it would be sent, accepted by the invitee, the link read, changed and ended; each
// refusal (unverified, self, admin, member, 21st open, used/expired/withdrawn, wrong account, desk codes).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailIndex } from '@/lib/crypto/blind-index';
import { prisma } from '@/lib/db/client';
import { composeMail } from '@/lib/mail/compose';
import { createSignedInUser, setDisplayName } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;

async function person(role: 'PATIENT' | 'DOCTOR' | 'CAREGIVER' | 'ADMIN', name: string): Promise<SignedIn> {
  const user = await createSignedInUser({ role });
  await setDisplayName(user.id, name);
  return user;
}

const invite = (from: SignedIn, json: unknown) => api('/api/v1/care-team/invitations', { method: 'POST', json, cookie: from.cookie });
const answer = (who: SignedIn, id: string, action: 'accept' | 'decline') => api(`/api/v1/invitations/${id}/${action}`, { method: 'POST', cookie: who.cookie });

/** The invitation link's token, read from the queued e-mail to `to` as it is sent. */
async function tokenMailedTo(to: string): Promise<string> {
  const messages = await prisma.mailMessage.findMany({ where: { template: 'invitation' }, orderBy: { createdAt: 'desc' }, take: 200 });
  for (const m of messages) {
    const mail = await composeMail(m).catch(() => null);
    if (mail?.to !== to) continue;
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (token) return token;
  }
  throw new Error(`no invitation mailed to ${to}`);
}

let patient: SignedIn;
let caregiver: SignedIn;
let doctor: SignedIn;

beforeAll(async () => {
  [patient, caregiver, doctor] = await Promise.all([person('PATIENT', 'Pat Invites'), person('CAREGIVER', 'Casey Carer'), person('DOCTOR', 'Dr. Dana')]);
});

describe('a patient invites a caregiver', () => {
  it('mails a link, the caregiver accepts, reads the patient, the patient changes permissions and ends the link (404 after)', async () => {
    const created = await invite(patient, { email: caregiver.email.toUpperCase(), role: 'CAREGIVER', permissions: { view: true, logData: false, receiveAlerts: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), role: 'CAREGIVER', email: caregiver.email, permissions: { view: true, logData: false, receiveAlerts: true } });
    const expires = Date.parse(created.body.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(13.9 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(14 * 86_400_000);

    const sent = await api('/api/v1/care-team/invitations', { cookie: patient.cookie });
    expect(sent.body.invitations.map((i: { id: string }) => i.id)).toContain(created.body.id);

    // The e-mail's link opens the invitation page, which names the inviter and never the invitee's address.
    const token = await tokenMailedTo(caregiver.email);
    const stored = await prisma.careInvitation.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.inviteeEmailCiphertext).not.toContain(caregiver.email);
    const page = await api(`/invitations/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Pat Invites');
    expect(page.body).toContain(`/signup?next=${encodeURIComponent(`/invitations/${token}`)}`);
    expect(page.body).not.toContain(caregiver.email);

    const inbox = await api('/api/v1/invitations', { cookie: caregiver.cookie });
    expect(inbox.body.invitations).toEqual([
      { id: created.body.id, role: 'CAREGIVER', from: { id: patient.id, name: 'Pat Invites' }, permissions: { view: true, logData: false, receiveAlerts: true }, expiresAt: created.body.expiresAt },
    ]);
    expect((await api(`/api/v1/caregiver/patients/${patient.id}/samples?limit=1`, { cookie: caregiver.cookie })).status).toBe(404);

    const accepted = await answer(caregiver, created.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ linkId: expect.any(String), patientId: patient.id });
    const linkId = accepted.body.linkId as string;
    expect((await api(`/api/v1/patients/${patient.id}/samples?limit=1`, { cookie: caregiver.cookie })).status).toBe(200);
    // Used: the link and the id answer like an unknown one.
    expect((await answer(caregiver, created.body.id, 'accept')).status).toBe(404);
    expect((await api(`/invitations/${token}`)).status).toBe(404);

    const team = await api('/api/v1/users/me/care-team', { cookie: patient.cookie });
    expect(team.body.caregivers).toEqual([expect.objectContaining({ linkId, role: 'CAREGIVER', name: 'Casey Carer', permissions: { view: true, logData: false, receiveAlerts: true } })]);

    // Permissions take effect on the next request: without view, the caregiver reads nothing.
    const changed = await api(`/api/v1/care-team/${linkId}`, { method: 'PATCH', json: { permissions: { view: false } }, cookie: patient.cookie });
    expect(changed.body).toEqual({ linkId, permissions: { view: false, logData: false, receiveAlerts: true } });
    expect((await api(`/api/v1/patients/${patient.id}/samples?limit=1`, { cookie: caregiver.cookie })).status).toBe(404);
    await api(`/api/v1/care-team/${linkId}`, { method: 'PATCH', json: { permissions: { view: true } }, cookie: patient.cookie });
    expect((await api(`/api/v1/patients/${patient.id}/samples?limit=1`, { cookie: caregiver.cookie })).status).toBe(200);
    // Bad input names the field; someone else cannot change the link.
    const bad = await api(`/api/v1/care-team/${linkId}`, { method: 'PATCH', json: { permissions: { view: 'yes' } }, cookie: patient.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'permissions.view', reason: 'must be true or false' }]);
    expect((await api(`/api/v1/care-team/${linkId}`, { method: 'PATCH', json: { permissions: { view: false } }, cookie: (await person('PATIENT', 'Other')).cookie })).status).toBe(404);

    expect((await api(`/api/v1/care-team/${linkId}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await api(`/api/v1/patients/${patient.id}/samples?limit=1`, { cookie: caregiver.cookie })).status).toBe(404);
    expect((await api(`/api/v1/care-team/${linkId}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    const audit = await prisma.auditLog.findMany({ where: { targetId: { in: [created.body.id, linkId] } }, select: { action: true, patientId: true } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['POST /api/v1/care-team/invitations', 'POST /api/v1/invitations/[id]/[action]', 'PATCH /api/v1/care-team/[linkId]', 'DELETE /api/v1/care-team/[linkId]']),
    );
    expect(audit.every((a) => a.patientId === patient.id)).toBe(true);
  });

  it('a doctor invited by a patient accepts, reads the patient and can leave', async () => {
    const p = await person('PATIENT', 'Pia');
    const created = await invite(p, { email: doctor.email, role: 'DOCTOR' });
    expect(created.status).toBe(201);
    expect(created.body.permissions).toEqual({ view: true, logData: false, receiveAlerts: true });
    const accepted = await answer(doctor, created.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect((await api(`/api/v1/patients/${p.id}/summary?date=2026-11-12`, { cookie: doctor.cookie })).status).toBe(200);
    expect((await api(`/api/v1/care-team/${accepted.body.linkId}`, { method: 'DELETE', cookie: doctor.cookie })).status).toBe(204);
    expect((await api(`/api/v1/patients/${p.id}/summary?date=2026-11-12`, { cookie: doctor.cookie })).status).toBe(404);
  });
});

describe('a doctor invites a patient', () => {
  it('by e-mail: the patient accepts and becomes the patient of the link', async () => {
    const p = await person('PATIENT', 'Newcomer');
    const created = await invite(doctor, { email: p.email, role: 'PATIENT' });
    expect(created.status).toBe(201);
    const inbox = await api('/api/v1/invitations', { cookie: p.cookie });
    expect(inbox.body.invitations).toEqual([expect.objectContaining({ id: created.body.id, role: 'PATIENT', from: { id: doctor.id, name: 'Dr. Dana' } })]);
    const accepted = await answer(p, created.body.id, 'accept');
    expect(accepted.body.patientId).toBe(p.id);
    expect((await api(`/api/v1/patients/${p.id}/summary?date=2026-11-12`, { cookie: doctor.cookie })).status).toBe(200);
    const team = await api('/api/v1/users/me/care-team', { cookie: p.cookie });
    expect(team.body.doctors).toEqual([expect.objectContaining({ linkId: accepted.body.linkId, role: 'DOCTOR', name: 'Dr. Dana' })]);
  });

  it('by desk code: the patient redeems it once, then accepts; wrong codes are 404 and rate-limited', async () => {
    const p = await person('PATIENT', 'Desk patient');
    const code = await api('/api/v1/care-team/invitations/code', { method: 'POST', cookie: doctor.cookie });
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(Date.parse(code.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    const typed = `${code.body.code.slice(0, 4).toLowerCase()}-${code.body.code.slice(4)}`;
    const redeemed = await api('/api/v1/invitations/redeem', { method: 'POST', json: { code: typed }, cookie: p.cookie });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ id: code.body.id, role: 'PATIENT', from: { id: doctor.id, name: 'Dr. Dana' } });
    const other = await person('PATIENT', 'Too late');
    expect((await api('/api/v1/invitations/redeem', { method: 'POST', json: { code: code.body.code }, cookie: other.cookie })).status).toBe(404);
    expect((await answer(other, code.body.id, 'accept')).status).toBe(404);
    expect((await answer(p, code.body.id, 'accept')).status).toBe(200);
    expect((await api(`/api/v1/patients/${p.id}/summary?date=2026-11-12`, { cookie: doctor.cookie })).status).toBe(200);

    const bad = await api('/api/v1/invitations/redeem', { method: 'POST', json: { code: 'O0O0' }, cookie: other.cookie });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'code', reason: 'must be the 8-character code' }]);
    const guesser = await person('PATIENT', 'Guesser');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await api('/api/v1/invitations/redeem', { method: 'POST', json: { code: 'ZZZZ2222' }, cookie: guesser.cookie })).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('a doctor not approved cannot invite, and cannot accept until approved', async () => {
    const pending = await person('DOCTOR', 'Dr. Pending');
    await prisma.user.update({ where: { id: pending.id }, data: { doctorApproval: 'PENDING' } });
    const refused = await invite(pending, { email: patient.email, role: 'PATIENT' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual([{ field: '(account)', reason: 'doctor not approved' }]);
    // Invited anyway (the patient is answered as for any address), but accepted only once approved.
    const p = await person('PATIENT', 'Chooser');
    const created = await invite(p, { email: pending.email, role: 'DOCTOR' });
    expect(created.status).toBe(201);
    expect((await answer(pending, created.body.id, 'accept')).status).toBe(403);
    await prisma.user.update({ where: { id: pending.id }, data: { doctorApproval: 'APPROVED' } });
    expect((await answer(pending, created.body.id, 'accept')).status).toBe(200);
  });
});

describe('refusals', () => {
  it('an unverified inviter is 403; an unverified invitee sees nothing and cannot accept', async () => {
    const unverified = await person('PATIENT', 'Unverified');
    await prisma.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    const refused = await invite(unverified, { email: `x-${randomUUID()}@test.example`, role: 'CAREGIVER' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', details: [{ field: '(account)', reason: 'email not verified' }] });

    const carer = await person('CAREGIVER', 'Unverified carer');
    await prisma.user.update({ where: { id: carer.id }, data: { emailVerifiedAt: null } });
    const created = await invite(patient, { email: carer.email, role: 'CAREGIVER' });
    expect((await api('/api/v1/invitations', { cookie: carer.cookie })).body).toEqual({ invitations: [] });
    expect((await answer(carer, created.body.id, 'accept')).status).toBe(403);
    expect(await prisma.careInvitation.findUniqueOrThrow({ where: { id: created.body.id }, select: { status: true } })).toEqual({ status: 'PENDING' });
  });

  it('oneself is 422, a current member or an address already invited 409; an admin address is answered like any but never mailed', async () => {
    const p = await person('PATIENT', 'Refuser');
    const self = await invite(p, { email: ` ${p.email.toUpperCase()} `, role: 'CAREGIVER' });
    expect(self.status).toBe(422);
    expect(self.body.error.details).toEqual([{ field: 'email', reason: 'is yourself' }]);

    const carer = await person('CAREGIVER', 'Member');
    const first = await invite(p, { email: carer.email, role: 'CAREGIVER' });
    const again = await invite(p, { email: carer.email, role: 'CAREGIVER' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual([{ field: 'email', reason: 'already has an open invitation from you' }]);
    await answer(carer, first.body.id, 'accept');
    const member = await invite(p, { email: carer.email, role: 'CAREGIVER' });
    expect(member.status).toBe(409);
    expect(member.body.error.details).toEqual([{ field: 'email', reason: 'is already in this care team' }]);

    const admin = await person('ADMIN', 'Admin');
    const unknown = await invite(p, { email: `nobody-${randomUUID()}@test.example`, role: 'DOCTOR' });
    const toAdmin = await invite(p, { email: admin.email, role: 'DOCTOR' });
    expect(toAdmin.status).toBe(unknown.status);
    expect(Object.keys(toAdmin.body).sort()).toEqual(Object.keys(unknown.body).sort());
    await expect(tokenMailedTo(admin.email)).rejects.toThrow('no invitation mailed');
    expect((await api('/api/v1/invitations', { cookie: admin.cookie })).status).toBe(403);
    expect((await answer(admin, toAdmin.body.id, 'accept')).status).toBe(403);

    const wrongRole = await invite(p, { email: 'someone@test.example', role: 'PATIENT' });
    expect(wrongRole.status).toBe(422);
    expect(wrongRole.body.error.details).toEqual([{ field: 'role', reason: 'must be DOCTOR or CAREGIVER' }]);
    const badEmail = await invite(p, { email: 'not an address', role: 'CAREGIVER' });
    expect(badEmail.body.error.details).toEqual([{ field: 'email', reason: 'must be an e-mail address' }]);
  });

  it('the 21st open invitation is 409 until one is withdrawn; a withdrawn one cannot be accepted', async () => {
    const p = await person('PATIENT', 'Busy');
    const addresses = Array.from({ length: 21 }, () => `many-${randomUUID()}@test.example`);
    const ids: string[] = [];
    for (const email of addresses.slice(0, 20)) ids.push((await invite(p, { email, role: 'CAREGIVER' })).body.id);
    const over = await invite(p, { email: addresses[20], role: 'CAREGIVER' });
    expect(over.status).toBe(409);
    expect(over.body.error.details[0].field).toBe('(body)');
    expect((await api(`/api/v1/care-team/invitations/${ids[0]}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    expect((await api(`/api/v1/care-team/invitations/${ids[0]}`, { method: 'DELETE', cookie: p.cookie })).status).toBe(204);
    expect((await invite(p, { email: addresses[20], role: 'CAREGIVER' })).status).toBe(201);

    const carer = await person('CAREGIVER', 'Withdrawn from');
    const created = await invite(patient, { email: carer.email, role: 'CAREGIVER' });
    const token = await tokenMailedTo(carer.email);
    expect((await api(`/api/v1/care-team/invitations/${created.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await answer(carer, created.body.id, 'accept')).status).toBe(404);
    expect((await api(`/invitations/${token}`)).status).toBe(404);
  });

  it('an expired invitation, another account, and an account of the wrong role are refused', async () => {
    const carer = await person('CAREGIVER', 'Late');
    const expired = await invite(patient, { email: carer.email, role: 'CAREGIVER' });
    await prisma.careInvitation.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await answer(carer, expired.body.id, 'accept')).status).toBe(404);
    expect((await api('/api/v1/invitations', { cookie: carer.cookie })).body.invitations).toEqual([]);

    const intended = await person('CAREGIVER', 'Intended');
    const created = await invite(patient, { email: intended.email, role: 'CAREGIVER' });
    const stranger = await person('CAREGIVER', 'Stranger');
    expect((await answer(stranger, created.body.id, 'accept')).status).toBe(404);
    expect((await answer(stranger, created.body.id, 'decline')).status).toBe(404);

    const aPatient = await person('PATIENT', 'Invited as caregiver');
    const mismatch = await invite(patient, { email: aPatient.email, role: 'CAREGIVER' });
    const refused = await answer(aPatient, mismatch.body.id, 'accept');
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ field: 'role', reason: 'this invitation is for a caregiver account' }]);
    expect((await answer(aPatient, mismatch.body.id, 'decline')).status).toBe(204);
    expect((await answer(aPatient, mismatch.body.id, 'accept')).status).toBe(404);
    expect(await prisma.careRelationship.count({ where: { patientId: patient.id, carerId: { in: [carer.id, stranger.id, aPatient.id] } } })).toBe(0);
  });

  it('matches the invitee by blind index of the verified address, however they signed up', async () => {
    const email = `later-${randomUUID()}@test.example`;
    const created = await invite(patient, { email, role: 'CAREGIVER' });
    const row = await prisma.careInvitation.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.inviteeEmailIndex).toBe(emailIndex(email));
  });
});

describe('admin', () => {
  it('lists active links and ends one (the carer then gets 404)', async () => {
    const admin = await person('ADMIN', 'Admin');
    const p = await person('PATIENT', 'Admin-ended');
    const carer = await person('CAREGIVER', 'Admin-ended carer');
    const accepted = await answer(carer, (await invite(p, { email: carer.email, role: 'CAREGIVER' })).body.id, 'accept');
    const list = await api('/api/v1/admin/care-links', { cookie: admin.cookie });
    expect(list.body.links).toContainEqual(
      expect.objectContaining({ id: accepted.body.linkId, kind: 'CAREGIVER', patient: { id: p.id, name: 'Admin-ended' }, carer: { id: carer.id, name: 'Admin-ended carer' } }),
    );
    expect((await api(`/api/v1/admin/care-links/${accepted.body.linkId}`, { method: 'DELETE', cookie: p.cookie })).status).toBe(403);
    expect((await api(`/api/v1/admin/care-links/${accepted.body.linkId}`, { method: 'DELETE', cookie: admin.cookie })).status).toBe(204);
    expect((await api(`/api/v1/patients/${p.id}/samples?limit=1`, { cookie: carer.cookie })).status).toBe(404);
    const row = await prisma.auditLog.findFirst({ where: { action: 'DELETE /api/v1/admin/care-links/[id]', targetId: accepted.body.linkId, actorUserId: admin.id } });
    expect(row).toMatchObject({ targetType: 'care_relationships', patientId: p.id });
  });
});
