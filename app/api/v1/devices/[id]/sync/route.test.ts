// Integration: POST /api/v1/devices/:id/sync against the real server and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { decryptSampleRowMetadata } from '@/lib/data/sample-fields';
import { createDevice, createUser, withPipelinePaused } from '@/test/factories';
import { api } from '@/test/http';

const hr = (value: number, at: string, extra: Record<string, unknown> = {}) => ({
  type: 'HEART_RATE', value, unit: 'count/min', startDate: at, endDate: at, ...extra,
});

let patient: { id: string };
let device: { id: string; token: string };
const sync = (json: unknown, headers: Record<string, string> = {}, d = device) =>
  api(`/api/v1/devices/${d.id}/sync`, { json, token: d.token, headers });
const storedCount = () => prisma.healthSample.count({ where: { deviceId: device.id } });

beforeEach(async () => {
  patient = await createUser({ timeZone: 'Europe/Berlin' });
  device = await createDevice(patient.id, 'watch');
});

describe('sync happy path', () => {
  it('stores valid samples in canonical units and marks local days dirty', () => withPipelinePaused(patient.id, async () => {
    const res = await sync({
      samples: [
        hr(72, '2026-11-20T08:00:10Z'),
        { type: 'WEIGHT', value: 154.3, unit: 'lb', startDate: '2026-11-20T23:30:00Z', endDate: '2026-11-20T23:30:00Z' },
        { type: 'SLEEP_STATE', value: 'asleepDeep', startDate: '2026-11-20T01:00:00+01:00', endDate: '2026-11-20T02:30:00+01:00' },
        { type: 'BLOOD_GLUCOSE', value: 5.5, unit: 'mmol/L', startDate: '2026-11-19T12:00:00Z', endDate: '2026-11-19T12:00:00Z', metadata: { mealContext: 'fasting' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 4, duplicates: 0, rejected: [] });

    const rows = await prisma.healthSample.findMany({ where: { deviceId: device.id }, orderBy: { type: 'asc' } });
    const byType = Object.fromEntries(rows.map((r) => [r.type, r]));
    expect(byType.WEIGHT!.value).toBeCloseTo(69.989, 2);
    expect(byType.BLOOD_GLUCOSE!.value).toBeCloseTo(99.09, 1);
    expect(byType.BLOOD_GLUCOSE!.metadata).not.toContain('fasting');
    expect(await decryptSampleRowMetadata(byType.BLOOD_GLUCOSE!)).toEqual({ mealContext: 'fasting' });
    expect(byType.SLEEP_STATE!).toMatchObject({ category: 'asleepDeep', value: 90 });
    expect(rows.every((r) => r.userId === patient.id)).toBe(true);

    // 23:30Z on the 20th is already the 21st in Berlin: the dirty range is in the user's local calendar.
    const dirty = await prisma.dirtyRange.findMany({ where: { userId: patient.id, type: 'WEIGHT' } });
    expect(dirty.map((d) => [d.dayFrom.toISOString().slice(0, 10), d.dayTo.toISOString().slice(0, 10)])).toEqual([
      ['2026-11-21', '2026-11-21'],
    ]);
    const synced = await prisma.device.findUniqueOrThrow({ where: { id: device.id } });
    expect(synced.lastSyncAt).not.toBeNull();
  }));

  it('accepts the pipeline design’s sleep states asleep, rem, deep and core as the catalogue’s', () => withPipelinePaused(patient.id, async () => {
    const stage = (value: string, hour: number) => ({
      type: 'SLEEP_STATE', value, startDate: `2026-11-20T0${hour}:00:00Z`, endDate: `2026-11-20T0${hour}:30:00Z`,
    });
    const res = await sync({ samples: [stage('asleep', 1), stage('rem', 2), stage('deep', 3), stage('core', 4)] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    const rows = await prisma.healthSample.findMany({ where: { deviceId: device.id }, orderBy: { startAt: 'asc' } });
    expect(rows.map((r) => [r.category, r.value])).toEqual([['asleepUnspecified', 30], ['asleepREM', 30], ['asleepDeep', 30], ['asleepCore', 30]]);
  }));

  it('stores insulin doses in [iU] with their kind, and carbohydrates in g; refuses an unknown kind by name', () => withPipelinePaused(patient.id, async () => {
    const at = '2026-11-20T08:00:00Z';
    const res = await sync({
      samples: [
        { type: 'INSULIN', value: 0.3, unit: 'U', category: 'smb', startDate: at, endDate: at, clientRecordId: 'ns-1' },
        { type: 'INSULIN', value: 0.8, unit: 'IU', category: 'temp_basal', startDate: '2026-11-20T09:00:00Z', endDate: '2026-11-20T09:30:00Z' },
        { type: 'INSULIN', value: 4.5, unit: '[iU]', startDate: '2026-11-20T12:00:00Z', endDate: '2026-11-20T12:00:00Z' },
        { type: 'CARBOHYDRATES', value: 45, unit: 'g', startDate: '2026-11-20T12:00:00Z', endDate: '2026-11-20T12:00:00Z' },
        { type: 'INSULIN', value: 2, unit: 'U', category: 'square', startDate: at, endDate: at },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 4, duplicates: 0, rejected: [{ index: 4, field: 'category', reason: 'must be one of: bolus, correction, smb, temp_basal, basal' }] });
    const rows = await prisma.healthSample.findMany({ where: { deviceId: device.id }, orderBy: [{ type: 'asc' }, { startAt: 'asc' }] });
    expect(rows.map((r) => [r.type, r.value, r.category])).toEqual([
      ['INSULIN', 0.3, 'smb'],
      ['INSULIN', 0.8, 'temp_basal'],
      ['INSULIN', 4.5, null],
      ['CARBOHYDRATES', 45, null],
    ]);
    const dirty = await prisma.dirtyRange.findMany({ where: { userId: patient.id }, select: { type: true } });
    expect(new Set(dirty.map((d) => d.type))).toEqual(new Set(['INSULIN', 'CARBOHYDRATES']));
    // The catalogue table knows both types, insulin with its kinds.
    const catalogue = await prisma.healthTypeCatalogue.findMany({ where: { type: { in: ['INSULIN', 'CARBOHYDRATES'] } }, orderBy: { type: 'asc' } });
    expect(catalogue.map((c) => [c.type, c.canonicalUnit, c.aggregation, c.categoryValues])).toEqual([
      ['INSULIN', '[iU]', 'SUM', ['bolus', 'correction', 'smb', 'temp_basal', 'basal']],
      ['CARBOHYDRATES', 'g', 'SUM', []],
    ]);
  }));

  it('ignores userId or deviceId in the body: ownership comes from the token', async () => {
    const other = await createUser();
    const res = await sync({ userId: other.id, samples: [hr(70, '2026-11-20T08:00:00Z', { userId: other.id, deviceId: randomUUID() })] });
    expect(res.status).toBe(200);
    expect(await prisma.healthSample.count({ where: { userId: other.id } })).toBe(0);
    expect(await storedCount()).toBe(1);
  });
});

describe('exact duplicates (layer 1)', () => {
  it('drops a re-sent batch and duplicates inside one batch', async () => {
    const batch = { samples: [hr(70, '2026-11-20T08:00:00Z'), hr(71, '2026-11-20T08:01:00Z', { clientRecordId: 'a' })] };
    expect((await sync(batch)).body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect((await sync(batch)).body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    const twice = { samples: [hr(80, '2026-11-20T09:00:00Z'), hr(80, '2026-11-20T09:00:00Z')] };
    expect((await sync(twice)).body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await storedCount()).toBe(3);
  });

  it('replaces a record when a higher version arrives, even with new times, and ignores lower versions', async () => {
    await sync({ samples: [hr(70, '2026-11-20T08:00:00Z', { clientRecordId: 'rec-1', version: 1 })] });
    const newer = await sync({ samples: [hr(75, '2026-11-21T08:00:00Z', { clientRecordId: 'rec-1', version: 2 })] });
    expect(newer.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const older = await sync({ samples: [hr(60, '2026-11-20T08:00:00Z', { clientRecordId: 'rec-1', version: 1 })] });
    expect(older.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    const rows = await prisma.healthSample.findMany({ where: { deviceId: device.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 75, version: 2, startAt: new Date('2026-11-21T08:00:00Z') });
  });

  it('stores the same batch once when two syncs race', async () => {
    const batch = { samples: Array.from({ length: 200 }, (_, i) => hr(60 + (i % 50), new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString())) };
    const results = await Promise.all([sync(batch), sync(batch), sync(batch)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.reduce((n, r) => n + r.body.accepted, 0)).toBe(200);
    expect(results.reduce((n, r) => n + r.body.duplicates, 0)).toBe(400);
    expect(await storedCount()).toBe(200);
  });
});

describe('idempotency keys', () => {
  it('replays the first answer without new effects', () => withPipelinePaused(patient.id, async () => {
    const key = randomUUID();
    const batch = { samples: [hr(70, '2026-11-20T08:00:00Z'), hr(999, '2026-11-20T08:05:00Z')] };
    const first = await sync(batch, { 'Idempotency-Key': key });
    expect(first.status).toBe(200);
    const dirtyBefore = await prisma.dirtyRange.count({ where: { userId: patient.id } });
    const again = await sync(batch, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await storedCount()).toBe(1);
    expect(await prisma.dirtyRange.count({ where: { userId: patient.id } })).toBe(dirtyBefore);
  }));

  it('answers 422 when a key is reused with a different body', async () => {
    const key = randomUUID();
    await sync({ samples: [hr(70, '2026-11-20T08:00:00Z')] }, { 'Idempotency-Key': key });
    const res = await sync({ samples: [hr(71, '2026-11-20T08:00:00Z')] }, { 'Idempotency-Key': key });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await storedCount()).toBe(1);
  });

  it('keeps the answer when a refused sample carries text PostgreSQL cannot hold (chaos: a 500 from the jsonb record)', async () => {
    const key = randomUUID();
    const res = await sync(
      { samples: [hr(70, '2026-11-20T09:00:00Z'), hr(71, '2026-11-20T09:01:00Z', { unit: '\ud800' }), hr(72, '2026-11-20T09:02:00Z', { unit: 'a\u0000b' })] },
      { 'Idempotency-Key': key },
    );
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([[1, 'unit'], [2, 'unit']]);
    const again = await sync(
      { samples: [hr(70, '2026-11-20T09:00:00Z'), hr(71, '2026-11-20T09:01:00Z', { unit: '\ud800' }), hr(72, '2026-11-20T09:02:00Z', { unit: 'a\u0000b' })] },
      { 'Idempotency-Key': key },
    );
    expect(again.body).toEqual(res.body);
  });

  it('does not cache a failed attempt', async () => {
    const key = randomUUID();
    const bad = await sync({ samples: [hr(999, '2026-11-20T08:00:00Z')] }, { 'Idempotency-Key': key });
    expect(bad.status).toBe(422);
    const good = await sync({ samples: [hr(70, '2026-11-20T08:00:00Z')] }, { 'Idempotency-Key': key });
    expect(good.status).toBe(200);
    expect(good.body.accepted).toBe(1);
  });
});

describe('validation', () => {
  it('stores the good samples and names each rejected one by index, field and reason', async () => {
    const res = await sync({
      samples: [
        hr(70, '2026-11-20T08:00:00Z'),
        { type: 'NOT_A_TYPE', value: 1, unit: 'count', startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T08:00:00Z' },
        hr(70, '2026-02-30T08:00:00Z'),
        hr(70, '2026-11-20T08:00:00'),
        { ...hr(70, '2026-11-20T08:00:00Z'), unit: 'kg' },
        hr(400, '2026-11-20T08:00:00Z'),
        { ...hr(70, '2026-11-20T08:00:00Z'), value: '70' },
        hr(70, '2099-01-01T00:00:00Z'),
        { type: 'SLEEP_STATE', value: 'dreaming', startDate: '2026-11-20T01:00:00Z', endDate: '2026-11-20T02:00:00Z' },
        { type: 'STEPS', value: 10, unit: 'count', startDate: '2026-11-20T02:00:00Z', endDate: '2026-11-20T01:00:00Z' },
        'not an object',
        { type: 'STEPS', value: 100, unit: 'count', startDate: '2026-11-20T01:00:00Z', endDate: '2026-11-20T01:10:00Z' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
      [1, 'type'], [2, 'startDate'], [3, 'startDate'], [4, 'unit'], [5, 'value'], [6, 'value'], [7, 'endDate'],
      [8, 'value'], [9, 'endDate'], [10, '(sample)'],
    ]);
    for (const r of res.body.rejected) expect(r.reason.length).toBeGreaterThan(5);
    expect(await storedCount()).toBe(2);
  });

  it('answers 422 with the rejections when every sample is bad, and stores nothing', async () => {
    const res = await sync({ samples: [hr(999, '2026-11-20T08:00:00Z'), { type: 'X' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.rejected).toHaveLength(2);
    expect(await storedCount()).toBe(0);
    expect(await prisma.dirtyRange.count({ where: { userId: patient.id } })).toBe(0);
  });

  it.each([
    ['malformed JSON', { body: '{"samples": [', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
    ['a wrong content type', { body: 'samples=1', headers: { 'content-type': 'text/plain' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no samples array', { json: { data: [] } }, 422, 'VALIDATION_ERROR'],
    ['an empty batch', { json: { samples: [] } }, 422, 'VALIDATION_ERROR'],
  ] as const)('answers %s with a clear error', async (_name, init, status, code) => {
    const res = await api(`/api/v1/devices/${device.id}/sync`, { ...init, token: device.token });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toBeTruthy();
  });

  it('answers 413 for more than 5,000 samples or an oversized body', async () => {
    const many = { samples: Array.from({ length: 5001 }, () => hr(70, '2026-11-20T08:00:00Z')) };
    expect((await sync(many)).status).toBe(413);
    const huge = JSON.stringify({ samples: [hr(70, '2026-11-20T08:00:00Z', { metadata: { pad: 'x'.repeat(9 * 1024 * 1024) } })] });
    const res = await api(`/api/v1/devices/${device.id}/sync`, { body: huge, token: device.token, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await storedCount()).toBe(0);
  });
});

describe('device authentication', () => {
  const batch = { samples: [hr(70, '2026-11-20T08:00:00Z')] };

  it('answers 401 without a token, with a wrong token and with a revoked token', async () => {
    expect((await api(`/api/v1/devices/${device.id}/sync`, { json: batch })).status).toBe(401);
    expect((await api(`/api/v1/devices/${device.id}/sync`, { json: batch, token: 'hdt_wrong' })).status).toBe(401);
    await prisma.device.update({ where: { id: device.id }, data: { revokedAt: new Date() } });
    expect((await sync(batch)).status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("answers 404 for another device's id, and for a disabled owner's token 401", async () => {
    const other = await createDevice((await createUser()).id);
    const res = await api(`/api/v1/devices/${other.id}/sync`, { json: batch, token: device.token });
    expect(res.status).toBe(404);
    await prisma.user.update({ where: { id: patient.id }, data: { disabledAt: new Date() } });
    expect((await sync(batch)).status).toBe(401);
    expect(await prisma.healthSample.count({ where: { deviceId: { in: [device.id, other.id] } } })).toBe(0);
  });
});
