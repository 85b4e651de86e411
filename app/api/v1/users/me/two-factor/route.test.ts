// Integration (HTTP): two-factor sign-in. Enrolment (setup → confirm with a code computed here from the
// secret, recovery codes once), sign-in with a code and with a recovery code (each usable once), wrong
// codes refused and then delayed (429 + Retry-After), a doctor without a second factor held at enrolment
// (API 403 with its code, pages redirected) until enrolled, turning it off (patients; never doctors).
import { describe, expect, it } from 'vitest';
import { totpCode } from '@/lib/auth/totp';
import { hashRecoveryCode, twoFactorRequired } from '@/lib/auth/two-factor';
import { ciphertextVersion } from '@/lib/crypto/fields';
import { reencryptUser } from '@/lib/crypto/reencrypt';
import { prisma } from '@/lib/db/client';
import { createSignedInUser, createUser, enableTwoFactorFor, nextTotpCode, PASSWORD } from '@/test/factories';
import { api, baseUrl, signIn, signInAttempt } from '@/test/http';

const BASE = '/api/v1/users/me/two-factor';
const state = (cookie: string) => api(BASE, { cookie });
const setup = (cookie: string) => api<{ secret: string; otpauthUri: string }>(`${BASE}/setup`, { method: 'POST', cookie });
const confirm = (cookie: string, code: string) => api(`${BASE}/confirm`, { cookie, json: { code } });

/** A six-digit code that is none of the codes the server would accept now (nor just after). */
function wrongCodeFor(secret: string): string {
  const now = Date.now();
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, now + d * 30_000)));
  return ['000000', '111111', '222222', '333333', '444444', '555555'].find((c) => !valid.has(c))!;
}

/** A signed-in patient who enrolled through the API; answers the secret and the recovery codes. */
async function enrolledPatient() {
  const user = await createSignedInUser();
  const { secret } = (await setup(user.cookie)).body;
  const { recoveryCodes } = (await confirm(user.cookie, totpCode(secret, Date.now()))).body;
  return { ...user, secret, recoveryCodes };
}

describe('enrolment', () => {
  it('sets up a pending secret, turns it on with a first code and answers ten recovery codes once', async () => {
    const user = await createSignedInUser();
    expect((await state(user.cookie)).body).toEqual({ twoFactor: { enabled: false, pending: false, required: false, recoveryCodesLeft: 0 } });

    const res = await setup(user.cookie);
    expect(res.status).toBe(200);
    const { secret, otpauthUri } = res.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Pulse:${user.email}`);
    // Encrypted at rest; pending (sign-in still needs no code).
    const row = await prisma.userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretCiphertext).not.toContain(secret);
    expect(row.enabledAt).toBeNull();
    expect((await state(user.cookie)).body.twoFactor).toMatchObject({ enabled: false, pending: true });
    expect(await signIn(user.email, PASSWORD)).not.toBeNull();

    const wrong = await confirm(user.cookie, wrongCodeFor(secret));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([{ field: 'code', reason: expect.any(String) }]);
    expect((await confirm(user.cookie, '')).body.error.details[0].field).toBe('code');
    expect((await prisma.userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).toBeNull();

    const ok = await confirm(user.cookie, totpCode(secret, Date.now()));
    expect(ok.status).toBe(200);
    const codes = ok.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    // Only hashes are stored.
    const stored = await prisma.twoFactorRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(JSON.stringify(stored)).not.toContain(codes[0]);
    expect((await state(user.cookie)).body.twoFactor).toEqual({ enabled: true, pending: false, required: false, recoveryCodesLeft: 10 });

    // On: set up again and confirm again are conflicts.
    expect((await setup(user.cookie)).status).toBe(409);
    expect((await confirm(user.cookie, totpCode(secret, Date.now()))).status).toBe(409);
    // Audited as the caller's own account.
    const audit = await prisma.auditLog.findMany({ where: { actorUserId: user.id, action: { startsWith: 'POST /api/v1/users/me/two-factor' } } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['POST /api/v1/users/me/two-factor/setup', 'POST /api/v1/users/me/two-factor/confirm']));
  });

  it('keeps the secret usable through a rotation of the user’s data key (the column is in the registry)', async () => {
    const user = await enrolledPatient();
    const before = (await prisma.userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } })).secretCiphertext;
    await reencryptUser(user.id, { settleMs: 0 });
    const after = (await prisma.userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } })).secretCiphertext;
    expect(ciphertextVersion(after)).toBe(ciphertextVersion(before)! + 1);
    expect(await signIn(user.email, PASSWORD, { code: await nextTotpCode(user.id, user.secret) })).not.toBeNull();
  });
});

describe('signing in with two-factor sign-in on', () => {
  it('asks for the code only after the right password, signs in with it, and refuses the same code again', async () => {
    const user = await enrolledPatient();
    const missing = await signInAttempt(user.email, PASSWORD);
    expect(missing).toMatchObject({ cookie: null, status: 401, error: 'TwoFactorRequired' });
    // A wrong password says nothing of the second step, code or not.
    expect(await signInAttempt(user.email, 'not the password')).toMatchObject({ cookie: null, error: 'CredentialsSignin' });
    expect(await signInAttempt(user.email, 'not the password', { code: totpCode(user.secret, Date.now()) })).toMatchObject({ cookie: null, error: 'CredentialsSignin' });

    const code = await nextTotpCode(user.id, user.secret);
    const signedIn = await signInAttempt(user.email, PASSWORD, { code });
    expect(signedIn.cookie).not.toBeNull();
    expect((await api('/api/v1/users/me', { cookie: signedIn.cookie! })).status).toBe(200);
    // The same code (the same step) a second time: refused.
    expect(await signInAttempt(user.email, PASSWORD, { code })).toMatchObject({ cookie: null, error: 'TwoFactorWrong' });
    const rows = await prisma.auditLog.findMany({ where: { action: 'auth.sign-in', targetId: user.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => (r.details as { reason?: string; secondFactor?: string } | null)?.reason ?? (r.details as { secondFactor?: string } | null)?.secondFactor ?? r.outcome)).toEqual(
      expect.arrayContaining(['two-factor-required', 'code', 'two-factor-wrong']),
    );
  });

  it('signs in with a recovery code once (any case, with or without dashes); the same code is refused after', async () => {
    const user = await enrolledPatient();
    const code = user.recoveryCodes[3]!;
    expect(await signIn(user.email, PASSWORD, { recoveryCode: code.toLowerCase().replaceAll('-', '') })).not.toBeNull();
    expect(await signInAttempt(user.email, PASSWORD, { recoveryCode: code })).toMatchObject({ cookie: null, error: 'TwoFactorWrong' });
    expect(await signInAttempt(user.email, PASSWORD, { recoveryCode: 'AAAA-BBBB-CCCC-DDDD' })).toMatchObject({ cookie: null, error: 'TwoFactorWrong' });
    expect((await state((await signIn(user.email, PASSWORD, { recoveryCode: user.recoveryCodes[4]! }))!)).body.twoFactor.recoveryCodesLeft).toBe(8);
  });

  it('refuses wrong codes, then delays the account’s tries (429 + Retry-After), even with the right code', async () => {
    const user = await createUser();
    const secret = await enableTwoFactorFor(user.id);
    const wrong = wrongCodeFor(secret);
    for (let i = 0; i < 5; i++) expect(await signInAttempt(user.email, PASSWORD, { code: wrong })).toMatchObject({ cookie: null, status: 401, error: 'TwoFactorWrong' });
    const limited = await signInAttempt(user.email, PASSWORD, { code: await nextTotpCode(user.id, secret) });
    expect(limited).toMatchObject({ cookie: null, status: 429, error: 'RateLimited' });
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
  });

  it('delays wrong codes in settings too (confirm), per account', async () => {
    const user = await createSignedInUser();
    const { secret } = (await setup(user.cookie)).body;
    const wrong = wrongCodeFor(secret);
    for (let i = 0; i < 5; i++) expect((await confirm(user.cookie, wrong)).status).toBe(422);
    const limited = await confirm(user.cookie, totpCode(secret, Date.now()));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await prisma.userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).toBeNull();
  });
});

describe('doctors and admins', () => {
  it('holds a doctor without a second factor at enrolment (API 403 with a code, pages redirected) until enrolled', async () => {
    const doctor = await createUser({ role: 'DOCTOR' });
    const cookie = (await signIn(doctor.email, PASSWORD))!;
    expect(cookie).not.toBeNull();

    const held = await api('/api/v1/users/me', { cookie });
    expect(held.status).toBe(403);
    expect(held.body.error).toMatchObject({ code: 'TWO_FACTOR_ENROLMENT_REQUIRED', details: { enrolAt: '/two-factor' } });
    expect((await api('/api/v1/doctor/patients', { cookie })).body.error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await api(`${BASE}/recovery-codes`, { cookie, json: { code: '123456' } })).status).toBe(403);
    for (const page of ['/doctor', '/settings']) {
      const res = await api(page, { cookie });
      expect(res.status, page).toBe(307);
      expect(new URL(res.headers.get('location')!, baseUrl()).pathname).toBe('/two-factor');
    }
    expect((await api('/two-factor', { cookie })).status).toBe(200);
    expect((await state(cookie)).body.twoFactor).toMatchObject({ enabled: false, required: true });

    const { secret } = (await setup(cookie)).body;
    expect((await confirm(cookie, totpCode(secret, Date.now()))).status).toBe(200);
    expect((await api('/api/v1/users/me', { cookie })).status).toBe(200);
    expect((await api('/doctor', { cookie })).status).toBe(200);
    // From now on the doctor signs in with a code.
    expect(await signInAttempt(doctor.email, PASSWORD)).toMatchObject({ cookie: null, error: 'TwoFactorRequired' });
    expect(await signIn(doctor.email, PASSWORD, { code: await nextTotpCode(doctor.id, secret) })).not.toBeNull();
  });

  it('holds an admin the same way', async () => {
    const admin = await createUser({ role: 'ADMIN' });
    const cookie = (await signIn(admin.email, PASSWORD))!;
    expect((await api('/api/v1/admin/users', { cookie })).body.error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect(new URL((await api('/admin', { cookie })).headers.get('location')!, baseUrl()).pathname).toBe('/two-factor');
  });

  it('cannot turn it off (403, still on)', async () => {
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const res = await api(BASE, { method: 'DELETE', cookie: doctor.cookie, json: { password: PASSWORD } });
    expect(res.status).toBe(403);
    expect((await prisma.userTwoFactor.findUniqueOrThrow({ where: { userId: doctor.id } })).enabledAt).not.toBeNull();
    expect((await state(doctor.cookie)).body.twoFactor).toMatchObject({ enabled: true, required: true });
  });

  it('exempts only the seeded demo accounts, and only in development and demo mode', () => {
    // The test server runs outside production: demo mode.
    expect(twoFactorRequired('DOCTOR', 'doctor@demo.test')).toBe(false);
    expect(twoFactorRequired('ADMIN', 'ADMIN@demo.test')).toBe(false);
    expect(twoFactorRequired('DOCTOR', 'doctor@demo.test.example')).toBe(true);
    expect(twoFactorRequired('ADMIN', 'admin@clinic.example')).toBe(true);
    expect(twoFactorRequired('PATIENT', 'patient@clinic.example')).toBe(false);
  });
});

describe('turning it off and new recovery codes', () => {
  it('lets a patient turn it off with the password (a wrong one is a 422 naming the field) or a current code', async () => {
    const user = await enrolledPatient();
    const bad = await api(BASE, { method: 'DELETE', cookie: user.cookie, json: { password: 'not the password' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'password', reason: expect.any(String) }]);
    expect((await api(BASE, { method: 'DELETE', cookie: user.cookie, json: {} })).status).toBe(422);
    expect((await api(BASE, { method: 'DELETE', cookie: user.cookie, json: { password: PASSWORD } })).status).toBe(200);
    expect(await prisma.userTwoFactor.findUnique({ where: { userId: user.id } })).toBeNull();
    expect(await prisma.twoFactorRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await signIn(user.email, PASSWORD)).not.toBeNull();
    expect((await api(BASE, { method: 'DELETE', cookie: user.cookie, json: { password: PASSWORD } })).status).toBe(409);

    const other = await enrolledPatient();
    const off = await api(BASE, { method: 'DELETE', cookie: other.cookie, json: { code: await nextTotpCode(other.id, other.secret) } });
    expect(off.status).toBe(200);
    expect(off.body.twoFactor).toMatchObject({ enabled: false });
  });

  it('makes ten new recovery codes with a current code; the old ones stop working', async () => {
    const user = await enrolledPatient();
    expect((await api(`${BASE}/recovery-codes`, { cookie: user.cookie, json: { code: wrongCodeFor(user.secret) } })).status).toBe(422);
    const res = await api<{ recoveryCodes: string[] }>(`${BASE}/recovery-codes`, { cookie: user.cookie, json: { code: await nextTotpCode(user.id, user.secret) } });
    expect(res.status).toBe(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
    expect(res.body.recoveryCodes).not.toContain(user.recoveryCodes[0]);
    expect(await signInAttempt(user.email, PASSWORD, { recoveryCode: user.recoveryCodes[0]! })).toMatchObject({ cookie: null, error: 'TwoFactorWrong' });
    expect(await signIn(user.email, PASSWORD, { recoveryCode: res.body.recoveryCodes[0]! })).not.toBeNull();
  });

  it('answers 401 without a session', async () => {
    expect((await api(BASE)).status).toBe(401);
    expect((await api(`${BASE}/setup`, { method: 'POST' })).status).toBe(401);
  });
});
