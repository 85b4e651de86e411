// Integration: GET/POST /api/v1/admin/users against the real server and PostgreSQL.
import { decryptDisplayName } from '@/lib/data/profile-fields';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { byEmail } from '@/lib/data/user-email';
import { createSignedInUser } from '@/test/factories';
import { api, signIn } from '@/test/http';

let admin: Awaited<ReturnType<typeof createSignedInUser>>;

const list = (query = '', cookie = admin.cookie) => api(`/api/v1/admin/users${query}`, { cookie });
const create = (json: unknown, cookie = admin.cookie) => api('/api/v1/admin/users', { json, cookie });
const newUser = (over: Record<string, unknown> = {}) => ({
  email: `new-${randomUUID()}@test.example`,
  name: 'New Person',
  role: 'PATIENT',
  timeZone: 'Europe/Berlin',
  password: 'a long enough password',
  ...over,
});

beforeAll(async () => {
  admin = await createSignedInUser({ role: 'ADMIN' });
});

describe('GET /api/v1/admin/users', () => {
  it('lists users with role, name, status and active device count, never a password hash', async () => {
    const marker = randomUUID();
    const { body: created } = await create(newUser({ name: `Listed ${marker}` }));
    await prisma.device.create({ data: { userId: created.id, type: 'watch', name: 'w', priority: 100, tokenHash: randomUUID() } });
    await prisma.device.create({ data: { userId: created.id, type: 'phone', name: 'p', priority: 80, tokenHash: randomUUID(), revokedAt: new Date() } });
    const res = await list(`?q=${marker}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.users).toEqual([
      {
        id: created.id,
        email: created.email,
        role: 'PATIENT',
        name: `Listed ${marker}`,
        timeZone: 'Europe/Berlin',
        createdAt: expect.any(String),
        disabledAt: null,
        activeDevices: 1,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('filters by e-mail, role and status', async () => {
    const marker = randomUUID().slice(0, 8);
    const doctor = (await create(newUser({ email: `doc-${marker}@test.example`, role: 'DOCTOR' }))).body;
    const patient = (await create(newUser({ email: `pat-${marker}@test.example` }))).body;
    await prisma.user.update({ where: { id: patient.id }, data: { disabledAt: new Date() } });
    const ids = async (query: string) => (await list(query)).body.users.map((u: { id: string }) => u.id);
    expect(await ids(`?q=${marker.toUpperCase()}`)).toEqual(expect.arrayContaining([doctor.id, patient.id]));
    expect(await ids(`?q=${marker}&role=DOCTOR`)).toEqual([doctor.id]);
    expect(await ids(`?q=${marker}&status=disabled`)).toEqual([patient.id]);
    expect(await ids(`?q=${marker}&status=active`)).toEqual([doctor.id]);
    // Empty parameters are unset filters (what a form sends).
    expect((await ids(`?q=${marker}&role=&status=`)).length).toBe(2);
  });

  it('pages with a keyset cursor, newest first or by e-mail, without gaps or repeats', async () => {
    const marker = randomUUID().slice(0, 8);
    const emails = ['c', 'a', 'b', 'e', 'd'].map((p) => `${p}-${marker}@test.example`);
    for (const email of emails) await create(newUser({ email }));
    for (const [sort, expected] of [
      ['email', [...emails].sort()],
      ['created', [...emails].reverse()],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { users: { email: string }[]; nextCursor: string | null } } = await list(
          `?q=${marker}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.users.map((u) => u.email));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it.each([
    ['an unknown role', '?role=ROOT', 'role'],
    ['an unknown status', '?status=gone', 'status'],
    ['an unknown sort', '?sort=password_hash', 'sort'],
    ['a foreign cursor', '?cursor=1', 'cursor'],
    ['a zero limit', '?limit=0', 'limit'],
    ['a huge limit', '?limit=100000', 'limit'],
  ])('answers 422 naming the field for %s', async (_name, query, field) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
  });

  it('answers 401 to an anonymous caller and 403 to other roles', async () => {
    expect((await api('/api/v1/admin/users')).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      const other = await createSignedInUser({ role });
      const res = await list('', other.cookie);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('POST /api/v1/admin/users', () => {
  it('creates a user with an argon2id hash, a profile and preferences; the user can sign in', async () => {
    const input = newUser({ email: `  Mixed-${randomUUID()}@Test.Example `, role: 'CAREGIVER', name: ' Pat Kim ' });
    const res = await create(input);
    expect(res.status).toBe(201);
    const email = (input.email as string).trim().toLowerCase();
    expect(res.body).toEqual({
      id: expect.any(String),
      email,
      role: 'CAREGIVER',
      name: 'Pat Kim',
      timeZone: 'Europe/Berlin',
      createdAt: expect.any(String),
      disabledAt: null,
      activeDevices: 0,
    });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: res.body.id }, include: { profile: true, preferences: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.profile).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(row.profile!.displayName).not.toContain('Pat Kim'); // stored encrypted
    expect(await decryptDisplayName(row.id, row.profile!.displayName)).toBe('Pat Kim');
    expect(row.preferences).not.toBeNull();
    const cookie = await signIn(email, input.password as string);
    expect(cookie).not.toBeNull();
    expect((await api('/api/v1/users/me', { cookie: cookie! })).body).toMatchObject({ email, role: 'CAREGIVER' });
  });

  it('answers 409 for an e-mail already registered, whatever its case', async () => {
    const input = newUser();
    expect((await create(input)).status).toBe(201);
    const again = await create({ ...input, email: (input.email as string).toUpperCase(), name: 'Other' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(await prisma.user.count({ where: byEmail(input.email as string) })).toBe(1);
  });

  it.each([
    ['an 11-character password', { password: 'x'.repeat(11) }, 'password'],
    ['a missing password', { password: undefined }, 'password'],
    ['a common password', { password: 'Password2024!' }, 'password'],
    ['a bad e-mail', { email: 'not-an-email' }, 'email'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a name with a NUL character', { name: 'a\u0000b' }, 'name'],
    ['a name with a lone surrogate', { name: 'a\udc00' }, 'name'],
    ['an unknown role', { role: 'ROOT' }, 'role'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['an extra field', { passwordHash: 'x' }, '(body)'],
  ])('answers 422 naming the field for %s, and creates nothing', async (_name, over, field) => {
    const input = newUser(over);
    const res = await create(input);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ field, reason: expect.any(String) });
    if (typeof input.email === 'string') expect(await prisma.user.count({ where: byEmail(input.email) })).toBe(0);
  });

  it('answers 415 without a JSON content type and 400 for malformed JSON', async () => {
    expect((await api('/api/v1/admin/users', { method: 'POST', body: 'email=x', cookie: admin.cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await api('/api/v1/admin/users', { method: 'POST', body: '{', cookie: admin.cookie, headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('answers 401 to an anonymous caller and 403 to other roles, creating nothing', async () => {
    const input = newUser();
    expect((await api('/api/v1/admin/users', { json: input })).status).toBe(401);
    for (const role of ['PATIENT', 'DOCTOR', 'CAREGIVER'] as const) {
      const other = await createSignedInUser({ role });
      expect((await create(input, other.cookie)).status).toBe(403);
    }
    expect(await prisma.user.count({ where: byEmail(input.email as string) })).toBe(0);
  });
});
