// Integration (HTTP): sign-up and e-mail verification, reading the links from the messages the app
// queued: the patient's journey, no account enumeration, the password rule, roles, and the one answer of
// an unusable link. Each test signs up from a loopback address of its own (its rate limits are its own).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { byEmail } from '@/lib/data/user-email';
import { prisma } from '@/lib/db/client';
import { linkToken, mailsTo, postFrom, randomLoopback } from '@/test/account-mail';
import { createUser, PASSWORD } from '@/test/factories';
import { api, signIn } from '@/test/http';

const GOOD_PASSWORD = 'violet otters hum at noon';
const newEmail = () => `signup-${randomUUID()}@test.example`;
const signUp = (body: Record<string, unknown>, ip = randomLoopback()) =>
  postFrom(ip, '/api/v1/auth/signup', { email: newEmail(), password: GOOD_PASSWORD, name: 'Robin Example', role: 'PATIENT', ...body });
const fieldsOf = (body: unknown) => ((body as { error: { details: { field: string }[] } }).error.details ?? []).map((d) => d.field);

describe('POST /api/v1/auth/signup and /api/v1/auth/verify-email', () => {
  it('a patient signs up, verifies from the e-mail, signs in, and /users/me shows the address verified', async () => {
    const email = newEmail();
    const res = await signUp({ email, timeZone: 'Europe/Berlin' });
    expect(res.status).toBe(201);
    const cookie = await signIn(email, GOOD_PASSWORD);
    expect(cookie).not.toBeNull();
    const before = await api('/api/v1/users/me', { cookie: cookie! });
    expect(before.body).toMatchObject({ email, role: 'PATIENT', emailVerified: false, timeZone: 'Europe/Berlin', name: 'Robin Example' });

    const token = await linkToken(email, 'verify-email', '/verify-email');
    const verified = await api('/api/v1/auth/verify-email', { json: { token } });
    expect(verified.status).toBe(200);
    const after = await api('/api/v1/users/me', { cookie: cookie! });
    expect(after.body).toMatchObject({ emailVerified: true, pendingEmail: null });

    // Used, unknown and malformed links: one identical answer.
    const reused = await api('/api/v1/auth/verify-email', { json: { token } });
    const unknown = await api('/api/v1/auth/verify-email', { json: { token: 'A'.repeat(43) } });
    const malformed = await api('/api/v1/auth/verify-email', { json: { token: 'x' } });
    expect(reused.status).toBe(404);
    expect(unknown).toMatchObject({ status: 404, body: reused.body });
    expect(malformed).toMatchObject({ status: 404, body: reused.body });
  });

  it("keeps the new account's language: given, else the switcher's cookie, else Accept-Language, else none", async () => {
    const languageOf = async (email: string) =>
      (await prisma.user.findUniqueOrThrow({ where: byEmail(email), select: { preferences: { select: { language: true } } } })).preferences?.language;
    const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const email = newEmail();
      const res = await api('/api/v1/auth/signup', { json: { email, password: GOOD_PASSWORD, name: 'Robin Example', role: 'PATIENT', ...body }, headers, from: randomLoopback() });
      expect(res.status).toBe(201);
      return languageOf(email);
    };
    expect(await post({ language: 'gu' }, { 'accept-language': 'ta' })).toBe('gu');
    expect(await post({}, { cookie: 'pulse-locale=bn', 'accept-language': 'ta' })).toBe('bn');
    expect(await post({}, { 'accept-language': 'en-GB;q=0.5, te-IN' })).toBe('te');
    expect(await post({}, { cookie: 'pulse-locale=xx', 'accept-language': 'mr' })).toBe('mr');
    expect(await post({})).toBe('en');
    const refused = await signUp({ language: 'fr' });
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toContain('language');
  });

  it('answers a registered address exactly like a new one, e-mails its owner, and changes nothing', async () => {
    const owner = await createUser();
    const ip = randomLoopback();
    const fresh = await signUp({}, ip);
    const taken = await signUp({ email: owner.email }, ip);
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(taken.body as object)).toEqual(Object.keys(fresh.body as object));
    expect((taken.body as { next: string }).next).toBe((fresh.body as { next: string }).next);
    expect(await mailsTo(owner.email, 'already-registered')).toHaveLength(1);
    expect(await mailsTo(owner.email, 'verify-email')).toHaveLength(0);
    expect(await signIn(owner.email, GOOD_PASSWORD)).toBeNull();
    expect(await signIn(owner.email, PASSWORD)).not.toBeNull();
    expect(await prisma.user.count({ where: byEmail(owner.email) })).toBe(1);
  });

  it('refuses short, common and personal passwords with a 422 naming password, creating nothing', async () => {
    const ip = randomLoopback();
    for (const password of ['short one', 'password1234', 'P@ssw0rd2024!', '123456789012', 'robinexample2024']) {
      const email = newEmail();
      const res = await signUp({ email, password }, ip);
      expect(res.status, password).toBe(422);
      expect(fieldsOf(res.body), password).toEqual(['password']);
      expect(await prisma.user.count({ where: byEmail(email) })).toBe(0);
    }
  });

  it('refuses the ADMIN role, a doctor without a licence, and unknown fields, naming each field', async () => {
    const ip = randomLoopback();
    const admin = await signUp({ role: 'ADMIN' }, ip);
    expect(admin.status).toBe(422);
    expect(fieldsOf(admin.body)).toEqual(['role']);
    const doctor = await signUp({ role: 'DOCTOR' }, ip);
    expect(doctor.status).toBe(422);
    expect(fieldsOf(doctor.body).sort()).toEqual(['licenceBody', 'licenceNumber']);
    const extra = await signUp({ emailVerified: true }, ip);
    expect(extra.status).toBe(422);
  });

  it('a doctor starts unverified and pending approval, with the licence stored', async () => {
    const email = newEmail();
    expect((await signUp({ email, role: 'DOCTOR', licenceNumber: 'GMC 7654321', licenceBody: 'General Medical Council' })).status).toBe(201);
    const user = await prisma.user.findUniqueOrThrow({ where: byEmail(email) });
    expect(user).toMatchObject({ role: 'DOCTOR', emailVerifiedAt: null, doctorApproval: 'PENDING', doctorLicenceNumber: 'GMC 7654321', doctorLicenceBody: 'General Medical Council' });
  });

  it('an expired link is the same 404 and verifies nothing', async () => {
    const email = newEmail();
    await signUp({ email });
    const token = await linkToken(email, 'verify-email', '/verify-email');
    const user = await prisma.user.findUniqueOrThrow({ where: byEmail(email), select: { id: true } });
    await prisma.accountToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await api('/api/v1/auth/verify-email', { json: { token } });
    expect(res.status).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
  });

  it('resends the link to a signed-in unverified user (the old link stops working); a verified one gets sent: false', async () => {
    const email = newEmail();
    await signUp({ email });
    const first = await linkToken(email, 'verify-email', '/verify-email');
    const cookie = (await signIn(email, GOOD_PASSWORD))!;
    const resent = await api('/api/v1/auth/verify-email/resend', { method: 'POST', cookie });
    expect(resent).toMatchObject({ status: 202, body: { sent: true } });
    const second = await linkToken(email, 'verify-email', '/verify-email');
    expect(second).not.toBe(first);
    expect((await api('/api/v1/auth/verify-email', { json: { token: first } })).status).toBe(404);
    expect((await api('/api/v1/auth/verify-email', { json: { token: second } })).status).toBe(200);
    const again = await api('/api/v1/auth/verify-email/resend', { method: 'POST', cookie });
    expect(again).toMatchObject({ status: 202, body: { sent: false } });
    expect((await api('/api/v1/auth/verify-email/resend', { method: 'POST' })).status).toBe(401);
  });

  it('limits sign-ups per address (whatever the client) with 429 and Retry-After', async () => {
    const email = newEmail();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signUp({ email })).status); // a new client address each time
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await signUp({ email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await mailsTo(email, 'verify-email')).toHaveLength(1); // one account, then "already registered"
    expect(await mailsTo(email, 'already-registered')).toHaveLength(4);
  });
});
