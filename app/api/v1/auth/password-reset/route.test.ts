// Integration (HTTP): password reset, reading the link from the queued e-mail: the journey ends every
// old session, verifies the address and lifts the sign-in delay; unknown addresses get the same 202 and
// no mail; used, unknown and expired links get the one 404 and change nothing; per-address and per-IP limits.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { linkToken, mailsTo, postFrom, randomLoopback } from '@/test/account-mail';
import { createSignedInUser, createUser, PASSWORD } from '@/test/factories';
import { api, signIn } from '@/test/http';

const NEW_PASSWORD = 'seven quiet herons at dusk';
const requestReset = (email: string, ip = randomLoopback()) => postFrom(ip, '/api/v1/auth/password-reset', { email });
const confirm = (token: string, password = NEW_PASSWORD) => api('/api/v1/auth/password-reset/confirm', { json: { token, password } });

describe('POST /api/v1/auth/password-reset and /confirm', () => {
  it('resets the password from the e-mailed link, ends every old session and verifies the address', async () => {
    const user = await createSignedInUser();
    const other = (await signIn(user.email, PASSWORD))!;
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    expect((await requestReset(user.email)).status).toBe(202);
    const token = await linkToken(user.email, 'password-reset', '/reset-password');

    // A password the rule refuses: 422 on password, and the link still works.
    const weak = await confirm(token, 'password1234');
    expect(weak.status).toBe(422);
    expect(weak.body.error.details).toEqual([expect.objectContaining({ field: 'password' })]);

    expect(await confirm(token)).toMatchObject({ status: 200, body: { reset: true } });
    expect((await api('/api/v1/users/me', { cookie: user.cookie })).status).toBe(401);
    expect((await api('/api/v1/users/me', { cookie: other })).status).toBe(401);
    expect(await signIn(user.email, PASSWORD)).toBeNull();
    const fresh = (await signIn(user.email, NEW_PASSWORD))!;
    expect((await api('/api/v1/users/me', { cookie: fresh })).body).toMatchObject({ id: user.id, emailVerified: true });

    const reused = await confirm(token, 'another fine long passphrase');
    const unknown = await confirm('B'.repeat(43));
    expect(reused.status).toBe(404);
    expect(unknown).toMatchObject({ status: 404, body: reused.body });
    expect(await signIn(user.email, NEW_PASSWORD)).not.toBeNull();
  });

  it('answers an unknown or disabled address the same 202 and sends nothing', async () => {
    const unknown = `nobody-${randomUUID()}@test.example`;
    const disabled = await createUser({ disabled: true });
    const known = await createUser();
    const answers = await Promise.all([unknown, disabled.email, known.email].map((email) => requestReset(email)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers[0]!.body.next).toBe(answers[2]!.body.next);
    expect(await mailsTo(unknown, 'password-reset')).toHaveLength(0);
    expect(await mailsTo(disabled.email, 'password-reset')).toHaveLength(0);
    expect(await mailsTo(known.email, 'password-reset')).toHaveLength(1);
  });

  it('an expired link is the one 404 and changes nothing', async () => {
    const user = await createUser();
    await requestReset(user.email);
    const token = await linkToken(user.email, 'password-reset', '/reset-password');
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } });
    await prisma.accountToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await confirm(token)).status).toBe(404);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, sessionVersion: true } })).toEqual(before);
  });

  it('lifts the sign-in delay of the account', async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) expect(await signIn(user.email, 'not the password at all')).toBeNull();
    expect(await signIn(user.email, PASSWORD)).toBeNull(); // the delay after five tries: even the right password waits
    await requestReset(user.email);
    expect((await confirm(await linkToken(user.email, 'password-reset', '/reset-password'))).status).toBe(200);
    expect(await signIn(user.email, NEW_PASSWORD)).not.toBeNull();
  });

  it('a newer link replaces the older one', async () => {
    const user = await createUser();
    await requestReset(user.email);
    const first = await linkToken(user.email, 'password-reset', '/reset-password');
    await requestReset(user.email);
    expect((await confirm(first)).status).toBe(404);
    expect((await confirm(await linkToken(user.email, 'password-reset', '/reset-password'))).status).toBe(200);
  });

  it('limits requests per address and per client IP (429 with Retry-After)', async () => {
    const user = await createUser();
    const perAddress: number[] = [];
    for (let i = 0; i < 6; i++) perAddress.push((await requestReset(user.email)).status);
    expect(perAddress).toEqual([202, 202, 202, 202, 202, 429]);
    expect(await mailsTo(user.email, 'password-reset')).toHaveLength(5);

    // The development default per IP is 100 an hour: the 101st from one address is refused.
    const ip = randomLoopback();
    const perIp: number[] = [];
    for (let i = 0; i < 101; i++) perIp.push((await requestReset(`nobody-${randomUUID()}@test.example`, ip)).status);
    expect(perIp.slice(0, 100).every((s) => s === 202)).toBe(true);
    const limited = await requestReset(`nobody-${randomUUID()}@test.example`, ip);
    expect(perIp[100]).toBe(429);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await requestReset(`nobody-${randomUUID()}@test.example`)).status).toBe(202); // another client is not limited
  });
});
