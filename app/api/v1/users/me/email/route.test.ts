// Integration (HTTP): changing one's e-mail address: the current password is required, the new address
// takes effect only from the link e-mailed to it (then the old one is told), and an address someone else
// has answers the same while its owner gets the "already registered" message.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkToken, mailsTo } from '@/test/account-mail';
import { createSignedInUser, createUser, PASSWORD } from '@/test/factories';
import { api, signIn } from '@/test/http';

const change = (cookie: string, email: string, currentPassword = PASSWORD) => api('/api/v1/users/me/email', { json: { email, currentPassword }, cookie });

describe('POST /api/v1/users/me/email', () => {
  it('changes the address once the link sent to the new one is used, and tells the old one', async () => {
    const user = await createSignedInUser();
    const next = `moved-${randomUUID()}@test.example`;
    const res = await change(user.cookie, next.toUpperCase());
    expect(res).toMatchObject({ status: 202, body: { pendingEmail: next } });
    expect((await api('/api/v1/users/me', { cookie: user.cookie })).body).toMatchObject({ email: user.email, emailVerified: true, pendingEmail: next });
    expect(await signIn(next, PASSWORD)).toBeNull(); // not yet

    const token = await linkToken(next, 'verify-email', '/verify-email');
    expect((await api('/api/v1/auth/verify-email', { json: { token } })).status).toBe(200);
    expect((await api('/api/v1/users/me', { cookie: user.cookie })).body).toMatchObject({ email: next, emailVerified: true, pendingEmail: null });
    expect(await mailsTo(user.email, 'email-changed')).toHaveLength(1);
    expect(await signIn(next, PASSWORD)).not.toBeNull();
    expect(await signIn(user.email, PASSWORD)).toBeNull();
  });

  it('refuses a wrong current password or one’s own address (422 naming the field), changing nothing', async () => {
    const user = await createSignedInUser();
    const wrong = await change(user.cookie, `x-${randomUUID()}@test.example`, 'not my password');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toEqual([{ field: 'currentPassword', reason: 'is not your current password' }]);
    const same = await change(user.cookie, user.email);
    expect(same.status).toBe(422);
    expect(same.body.error.details).toEqual([{ field: 'email', reason: 'is already your address' }]);
    expect((await api('/api/v1/users/me', { cookie: user.cookie })).body.pendingEmail).toBeNull();
    expect((await api('/api/v1/users/me/email', { json: { email: 'x@test.example', currentPassword: PASSWORD } })).status).toBe(401);
  });

  it('answers an address someone has like a free one; its owner is told, and no link can take it', async () => {
    const user = await createSignedInUser();
    const owner = await createUser();
    const res = await change(user.cookie, owner.email);
    expect(res).toMatchObject({ status: 202, body: { pendingEmail: owner.email } });
    expect(await mailsTo(owner.email, 'already-registered')).toHaveLength(1);
    expect(await mailsTo(owner.email, 'verify-email')).toHaveLength(0);
    // A resend for the pending address tells the owner again, and sends no link either.
    expect((await api('/api/v1/auth/verify-email/resend', { method: 'POST', cookie: user.cookie })).status).toBe(202);
    expect(await mailsTo(owner.email, 'verify-email')).toHaveLength(0);
    expect((await api('/api/v1/users/me', { cookie: user.cookie })).body.email).toBe(user.email);
  });
});
