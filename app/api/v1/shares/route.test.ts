// Integration: /api/v1/shares and reads through /api/v1/patients/:id/... within a share — create, list,
// revoke; codes shown once and stored hashed, the link carrying its code after `#` only; a share with an
// address answered alike whoever holds it; 404 outside a share's types and days, after expiry and on
// the very next request after a revocation; only the owner lists or revokes.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@/lib/auth/tokens';
import { decryptField } from '@/lib/crypto/fields';
import { prisma } from '@/lib/db/client';
import { createAggregate, createDevice, createSignedInUser, createUser, syncSamples, waitForPipeline } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

type Signed = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: Signed;
let other: Signed;
let doctor: Signed;
let caregiver: Signed;

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const body = (over: Record<string, unknown> = {}) => ({ types: ['STEPS'], from: '2026-10-01', to: '2026-10-10', expiresAt: inDays(7), ...over });
const create = (json: unknown, cookie = patient.cookie) => api('/api/v1/shares', { json, cookie });
const read = (path: string, cookie = doctor.cookie) => api(`/api/v1/patients/${patient.id}/${path}`, { cookie });

beforeAll(async () => {
  [patient, other, doctor, caregiver] = await Promise.all([
    createSignedInUser(), createSignedInUser(), createSignedInUser({ role: 'DOCTOR' }), createSignedInUser({ role: 'CAREGIVER' }),
  ]);
  for (const [type, value] of [['STEPS', 5000], ['HEART_RATE', 70]] as const) {
    for (const day of ['2026-09-30', '2026-10-05', '2026-10-11']) {
      await createAggregate({ userId: patient.id, type, period: 'DAY', periodStart: day, value });
    }
  }
  const device = await createDevice(patient.id);
  const since = new Date();
  await syncSamples(device, [
    { type: 'STEPS', value: 100, unit: 'count', startDate: '2026-10-05T10:00:00Z', endDate: '2026-10-05T10:05:00Z' },
    { type: 'STEPS', value: 200, unit: 'count', startDate: '2026-10-12T10:00:00Z', endDate: '2026-10-12T10:05:00Z' },
    { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-10-05T10:00:00Z', endDate: '2026-10-05T10:00:00Z' },
  ]);
  await waitForPipeline(patient.id, since, 90_000); // it recomputes the synced days' aggregates: let it finish first
});

describe('POST /api/v1/shares', () => {
  it('creates a link share: the code is returned once, 256 bits, stored only as its SHA-256', async () => {
    const res = await create(body({ patientId: other.id, userId: other.id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), types: ['STEPS'], from: '2026-10-01', to: '2026-10-10', status: 'active', recipient: { kind: 'link' } });
    expect(res.body.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The link to give: the code only after `#`, which browsers never send to any server.
    expect(res.body.link).toBe(`/share#${res.body.code}`);
    const url = new URL(res.body.link, baseUrl());
    expect(`${url.origin}${url.pathname}${url.search}`).toBe(`${baseUrl()}/share`);
    expect(url.hash).toBe(`#${res.body.code}`);
    const row = await prisma.shareToken.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.patientId).toBe(patient.id); // body patientId / userId are ignored
    expect(row.codeHash).toBe(hashToken(res.body.code));
    expect(JSON.stringify(row)).not.toContain(res.body.code);

    const listed = await api('/api/v1/shares', { cookie: patient.cookie });
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(res.body.code);
    expect(text).not.toContain(row.codeHash);
    expect(text).not.toMatch(/"code"|codeHash|code_hash/);
  });

  it('shares with a registered doctor by e-mail: their account, and the typed address encrypted with the patient’s key', async () => {
    const res = await create(body({ recipientEmail: doctor.email.toUpperCase() }));
    expect(res.status).toBe(201);
    expect(res.body.code).toBeUndefined();
    expect(res.body.link).toBeUndefined();
    expect(res.body.recipient).toEqual({ kind: 'person', email: doctor.email });
    const row = await prisma.shareToken.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ recipientUserId: doctor.id, codeHash: null });
    expect(row.recipientEmail).not.toContain(doctor.email);
    expect(await decryptField(patient.id, { table: 'share_tokens', column: 'recipient_email', rowId: row.id }, row.recipientEmail!)).toBe(doctor.email);
  });

  it('an unverified patient shares nothing (403, nothing stored); an unverified or unapproved account never receives a share by its address', async () => {
    const unverified = await createSignedInUser();
    await prisma.user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    const refused = await create(body(), unverified.cookie);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual([{ field: '(account)', reason: 'email not verified' }]);
    expect(await prisma.shareToken.count({ where: { patientId: unverified.id } })).toBe(0);

    // Someone who registered an address they do not own (never confirmed), and a doctor not yet approved.
    const [squatter, pendingDoctor] = await Promise.all([createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser({ role: 'DOCTOR' })]);
    await prisma.user.update({ where: { id: squatter.id }, data: { emailVerifiedAt: null } });
    await prisma.user.update({ where: { id: pendingDoctor.id }, data: { doctorApproval: 'PENDING' } });
    for (const who of [squatter, pendingDoctor]) {
      const shared = await create(body({ recipientEmail: who.email }));
      expect(shared.status).toBe(201);
      expect((await prisma.shareToken.findUniqueOrThrow({ where: { id: shared.body.id } })).recipientUserId).toBeNull();
      expect((await api('/api/v1/shares', { cookie: who.cookie })).body.shares).toEqual([]);
    }
  });

  it('answers alike for a doctor’s, a caregiver’s, a patient’s, a closed and an unknown address: nothing tells who has an account', async () => {
    const disabled = await createUser({ role: 'DOCTOR', disabled: true });
    const addresses = { doctor: doctor.email, caregiver: caregiver.email, patient: other.email, disabled: disabled.email, unknown: `nobody-${randomUUID()}@test.example` };
    const same = body(); // one expiry for all
    const answers = Object.fromEntries(await Promise.all(Object.entries(addresses).map(async ([who, email]) => [who, await create({ ...same, recipientEmail: email })] as const)));
    // The same status, the same fields, the same values but the id, the time and the address given.
    const shape = (who: keyof typeof addresses) => {
      const { status, body: answer } = answers[who]!;
      return { status, body: JSON.parse(JSON.stringify(answer).replaceAll(answer.id, 'ID').replaceAll(answer.createdAt, 'T').replaceAll(addresses[who], 'EMAIL')) };
    };
    for (const who of Object.keys(addresses) as (keyof typeof addresses)[]) {
      expect(shape(who)).toEqual(shape('unknown'));
      expect(answers[who]!.body.recipient).toEqual({ kind: 'person', email: addresses[who] });
    }
    expect(shape('unknown')).toMatchObject({ status: 201, body: { recipient: { kind: 'person', email: 'EMAIL' }, status: 'active', lastUsedAt: null } });
    // No account's name (every test account is "Test User") or id; the patient's list shows every one alike too.
    const all = JSON.stringify(answers) + JSON.stringify((await api('/api/v1/shares', { cookie: patient.cookie })).body);
    for (const secret of ['Test User', doctor.id, caregiver.id, other.id, disabled.id]) expect(all).not.toContain(secret);
    const listed = (await api('/api/v1/shares', { cookie: patient.cookie })).body.shares;
    for (const [who, email] of Object.entries(addresses)) {
      expect(listed.find((s: { id: string }) => s.id === answers[who]!.body.id)).toMatchObject({ recipient: { kind: 'person', email }, status: 'active' });
    }
    // Only the doctor and the caregiver accounts receive theirs; the others reach nobody.
    const rows = await prisma.shareToken.findMany({ where: { id: { in: Object.values(answers).map((a) => a.body.id) } } });
    const reached = Object.fromEntries(Object.entries(answers).map(([who, a]) => [who, rows.find((r) => r.id === a.body.id)!.recipientUserId]));
    expect(reached).toEqual({ doctor: doctor.id, caregiver: caregiver.id, patient: null, disabled: null, unknown: null });
    expect(rows.every((r) => r.codeHash === null)).toBe(true);
  });

  it.each([
    ['types', { types: ['STEPS', 'NOT_A_TYPE'] }],
    ['types', { types: [] }],
    ['from', { from: '2026-10-11', to: '2026-10-10' }],
    ['to', { to: '2026-02-30' }],
    ['from', { from: '0000-01-01' }],
    ['to', { to: '9999-12-01' }],
    ['expiresAt', { expiresAt: inDays(-1) }],
    ['expiresAt', { expiresAt: inDays(400) }],
    ['recipientEmail', { recipientEmail: 'not an e-mail' }],
  ])('422 naming %s for %j', async (field, over) => {
    const res = await create(body(over));
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
  });

  it('422 when the recipient is the patient themself (the one address whose account they know)', async () => {
    const res = await create(body({ recipientEmail: patient.email }));
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'recipientEmail', reason: 'is yourself' }]);
  });

  it('only patients create shares', async () => {
    expect((await create(body(), doctor.cookie)).status).toBe(403);
    expect((await create(body(), '')).status).toBe(401);
  });
});

describe('reading within a share', () => {
  it('a recipient reads only the shared types and days, and lists the share', async () => {
    const share = await create(body({ recipientEmail: caregiver.email }));
    const list = await api('/api/v1/shares', { cookie: caregiver.cookie });
    expect(list.body.shares).toContainEqual({
      id: share.body.id, patientId: patient.id, patientName: 'Test User', timeZone: 'UTC', types: ['STEPS'], fromDay: '2026-10-01', toDay: '2026-10-10', expiresAt: expect.any(String),
    });

    const agg = await read('aggregates?types=STEPS&period=day&from=2026-09-01&to=2026-10-31', caregiver.cookie);
    expect(agg.status).toBe(200);
    expect(agg.body.STEPS.map((r: { periodStart: string }) => r.periodStart)).toEqual(['2026-10-05T00:00:00']);
    expect((await read('aggregates?types=HEART_RATE&period=day&from=2026-10-01&to=2026-10-10', caregiver.cookie)).status).toBe(404);
    expect((await read('aggregates?types=STEPS,HEART_RATE&period=day&from=2026-10-01&to=2026-10-10', caregiver.cookie)).status).toBe(404);
    expect((await read('aggregates?types=STEPS&period=day&from=2026-10-11&to=2026-10-31', caregiver.cookie)).status).toBe(404);
    // A week or month straddling the share's edge would carry unshared days: none is answered.
    expect((await read('aggregates?types=STEPS&period=month&from=2026-10-01&to=2026-10-10', caregiver.cookie)).body.STEPS).toEqual([]);

    const samples = await read('samples?type=STEPS', caregiver.cookie);
    expect(samples.status).toBe(200);
    expect(samples.body.samples.map((s: { startDate: string }) => s.startDate)).toEqual(['2026-10-05T10:00:00.000Z']);
    expect((await read('samples', caregiver.cookie)).body.samples.map((s: { type: string }) => s.type)).toEqual(['STEPS']);
    expect((await read('samples?type=HEART_RATE', caregiver.cookie)).status).toBe(404);
    expect((await read('samples?type=STEPS&from=2026-10-11T00:00:00Z', caregiver.cookie)).status).toBe(404);

    expect((await read('summary?date=2026-10-05', caregiver.cookie)).body).toEqual({ date: '2026-10-05', types: { STEPS: expect.any(Number) } });
    expect((await read('summary?date=2026-10-11', caregiver.cookie)).status).toBe(404);
    // A share grants reads only: no overview (it is not health data of the shared types), no writes.
    expect((await read('overview', caregiver.cookie)).status).toBe(404);
    const entry = await api(`/api/v1/patients/${patient.id}/entries`, { cookie: caregiver.cookie, json: { type: 'STEPS', value: 1 } });
    expect(entry.status).toBe(404);
  });

  it('with several shares, ?share= picks one and a read never mixes them', async () => {
    const steps = await create(body({ recipientEmail: doctor.email, types: ['STEPS'], from: '2026-10-01', to: '2026-10-05' }));
    const heart = await create(body({ recipientEmail: doctor.email, types: ['HEART_RATE'], from: '2026-10-06', to: '2026-10-31' }));
    expect((await read(`aggregates?types=STEPS&period=day&from=2026-10-01&to=2026-10-31&share=${steps.body.id}`)).body.STEPS).toHaveLength(1);
    expect((await read(`aggregates?types=HEART_RATE&period=day&from=2026-10-01&to=2026-10-31&share=${heart.body.id}`)).body.HEART_RATE).toHaveLength(1);
    // Steps of the heart-rate share's days were never shared.
    expect((await read(`aggregates?types=STEPS&period=day&from=2026-10-06&to=2026-10-31&share=${heart.body.id}`)).status).toBe(404);
    expect((await read(`aggregates?types=STEPS&period=day&from=2026-10-06&to=2026-10-31&share=${steps.body.id}`)).status).toBe(404);
    // Someone else's share id opens nothing.
    expect((await read(`summary?date=2026-10-05&share=${steps.body.id}`, caregiver.cookie)).status).toBe(404);
  });

  it('an expired share reads nothing and is no longer listed for the recipient', async () => {
    const viewer = await createSignedInUser({ role: 'DOCTOR' });
    const share = await create(body({ recipientEmail: viewer.email }));
    expect((await read('summary?date=2026-10-05', viewer.cookie)).status).toBe(200);
    await prisma.shareToken.update({ where: { id: share.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await read('summary?date=2026-10-05', viewer.cookie)).status).toBe(404);
    expect((await api('/api/v1/shares', { cookie: viewer.cookie })).body.shares).toEqual([]);
    const mine = (await api('/api/v1/shares', { cookie: patient.cookie })).body.shares;
    expect(mine.find((s: { id: string }) => s.id === share.body.id).status).toBe('expired');
  });
});

describe('DELETE /api/v1/shares/:id', () => {
  it('revokes at once, idempotently; the next read is 404', async () => {
    const viewer = await createSignedInUser({ role: 'DOCTOR' });
    const share = await create(body({ recipientEmail: viewer.email }));
    expect((await read('summary?date=2026-10-05', viewer.cookie)).status).toBe(200);
    expect((await api(`/api/v1/shares/${share.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await read('summary?date=2026-10-05', viewer.cookie)).status).toBe(404);
    expect((await api(`/api/v1/shares/${share.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    const mine = (await api('/api/v1/shares', { cookie: patient.cookie })).body.shares;
    expect(mine.find((s: { id: string }) => s.id === share.body.id)).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
  });

  it('another patient, the recipient or an unknown id: 404, and nothing changes; nobody lists anyone else’s shares', async () => {
    const share = await create(body({ recipientEmail: doctor.email }));
    for (const cookie of [other.cookie, doctor.cookie]) {
      const res = await api(`/api/v1/shares/${share.body.id}`, { method: 'DELETE', cookie });
      expect(res.status).toBe(404);
    }
    expect((await api('/api/v1/shares/00000000-0000-4000-8000-000000000000', { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    expect((await api('/api/v1/shares/not-a-uuid', { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    expect((await prisma.shareToken.findUniqueOrThrow({ where: { id: share.body.id } })).revokedAt).toBeNull();
    expect((await api('/api/v1/shares', { cookie: other.cookie })).body.shares).toEqual([]);
  });
});
