// Integration: POST /api/v1/bridges/health-auto-export against the real server and PostgreSQL. The bodies
// follow Health Auto Export's documented JSON format: the wiki page "API Export - JSON Format"
// (github.com/Lybron/health-auto-export/wiki/API-Export---JSON-Format): metrics {name, units, data:
// [{date, qty}]}, blood pressure {systolic, diastolic}, heart rate {Min, Avg, Max}, blood glucose with
// mealTime, sleep aggregated {sleepStart, sleepEnd, totalSleep, core, deep, rem} and unaggregated
// {startDate, endDate, value}, workouts {id, name, start, end, activeEnergyBurned, distance}.
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createUser } from '@/test/factories';
import { api, baseUrl } from '@/test/http';

const PATH = '/api/v1/bridges/health-auto-export';
let device: { id: string; token: string };

const metric = (name: string, units: string, data: Record<string, unknown>[]) => ({ name, units, data });
const documentedBody = () => ({
  data: {
    metrics: [
      metric('step_count', 'count', [{ date: '2026-11-20 07:00:00 -0800', qty: 412, source: 'iPhone' }]),
      metric('heart_rate', 'count/min', [{ date: '2026-11-20 07:01:00 -0800', Min: 61, Avg: 64, Max: 70 }]),
      metric('blood_pressure', 'mmHg', [{ date: '2026-11-20 08:00:00 -0800', systolic: 121, diastolic: 79 }]),
      metric('weight_body_mass', 'lb', [{ date: '2026-11-20 06:30:00 -0800', qty: 165 }]),
      metric('blood_glucose', 'mg/dL', [{ date: '2026-11-20 06:45:00 -0800', qty: 97, mealTime: 'Before Meal' }]),
      metric('blood_oxygen_saturation', '%', [{ date: '2026-11-20 03:00:00 -0800', qty: 97 }]),
      metric('body_temperature', 'degF', [{ date: '2026-11-20 07:10:00 -0800', qty: 98.6 }]),
      metric('resting_heart_rate', 'count/min', [{ date: '2026-11-20 00:00:00 -0800', qty: 55 }]),
      metric('sleep_analysis', 'hr', [
        { startDate: '2026-11-19 23:10:00 -0800', endDate: '2026-11-20 00:40:00 -0800', value: 'Core', qty: 1.5, source: 'Apple Watch' },
        { startDate: '2026-11-20 00:40:00 -0800', endDate: '2026-11-20 01:30:00 -0800', value: 'Deep', qty: 0.83 },
        { startDate: '2026-11-20 01:30:00 -0800', endDate: '2026-11-20 02:00:00 -0800', value: 'REM', qty: 0.5 },
      ]),
      metric('vo2_max', 'ml/(kg·min)', [{ date: '2026-11-20 07:00:00 -0800', qty: 41 }]),
    ],
    workouts: [
      {
        id: 'A1B2C3', name: 'Outdoor Run', start: '2026-11-20 17:00:00 -0800', end: '2026-11-20 17:32:00 -0800',
        activeEnergyBurned: { qty: 310, units: 'kcal' }, distance: { qty: 5.1, units: 'km' },
      },
    ],
  },
});

const post = (json: unknown, headers: Record<string, string> = {}, token = device.token) => api(PATH, { json, token, headers });
const stored = () => prisma.healthSample.findMany({ where: { deviceId: device.id }, orderBy: [{ type: 'asc' }, { startAt: 'asc' }] });

beforeEach(async () => {
  const patient = await createUser({ timeZone: 'America/Los_Angeles' });
  device = await createDevice(patient.id, 'phone', 'Health Auto Export');
});

describe('Health Auto Export bridge', () => {
  it('stores the documented metrics, blood pressure, sleep stages and a workout in canonical units', async () => {
    const res = await post(documentedBody());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 13, duplicates: 0, rejected: [] });
    expect(res.body.skipped).toEqual([expect.objectContaining({ field: 'data.metrics[9]', reason: expect.stringContaining('vo2_max') })]);

    const rows = await stored();
    const one = (type: string) => rows.find((r) => r.type === type)!;
    expect(one('STEPS').value).toBe(412);
    expect(one('STEPS').startAt.toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(one('HEART_RATE').value).toBe(64);
    expect(one('BLOOD_PRESSURE_SYSTOLIC').value).toBe(121);
    expect(one('BLOOD_PRESSURE_DIASTOLIC').value).toBe(79);
    expect(one('WEIGHT').value).toBeCloseTo(74.843, 3); // 165 lb
    expect(one('BLOOD_GLUCOSE').value).toBe(97);
    expect(one('OXYGEN_SATURATION').value).toBe(97); // the app's percent, not HealthKit's fraction
    expect(one('BODY_TEMPERATURE').value).toBeCloseTo(37, 5);
    expect(one('RESTING_HEART_RATE').value).toBe(55);
    const sleep = rows.filter((r) => r.type === 'SLEEP_STATE');
    expect(sleep.map((r) => [r.category, r.value])).toEqual([['asleepCore', 90], ['asleepDeep', 50], ['asleepREM', 30]]);
    expect(one('WORKOUT')).toMatchObject({ category: 'running', value: 32, clientRecordId: 'hae-workout:A1B2C3' });
  });

  it("stores an aggregated night's sleep as the night's total", async () => {
    const night = { date: '2026-11-20', totalSleep: 7.25, core: 4, deep: 1.25, rem: 2, sleepStart: '2026-11-19 23:10:00 -0800', sleepEnd: '2026-11-20 06:45:00 -0800', inBed: 7.6 };
    const res = await post({ data: { metrics: [metric('sleep_analysis', 'hr', [night])] } });
    expect(res.status).toBe(200);
    const [row] = await stored();
    expect(row).toMatchObject({ type: 'SLEEP_ANALYSIS', value: 435 });
  });

  it('accepts the token in X-Device-Token (the app sets custom headers) and a gzip body', async () => {
    const body = gzipSync(JSON.stringify(documentedBody()));
    const res = await fetch(baseUrl() + PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-device-token': device.token },
      body,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { accepted: number }).accepted).toBe(13);
  });

  it('answers 413 to a gzip body that inflates past the limit (32 MB), storing nothing', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"data":{"metrics":[]},"pad":"'), Buffer.alloc(40 * 1024 * 1024, 0x20), Buffer.from('"}')]));
    const res = await fetch(baseUrl() + PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${device.token}` },
      body: bomb,
    });
    expect(res.status).toBe(413);
    expect(await stored()).toHaveLength(0);
  });

  it('answers 401 for a missing, wrong or revoked token and stores nothing', async () => {
    expect((await api(PATH, { json: documentedBody() })).status).toBe(401);
    expect((await post(documentedBody(), {}, 'not-a-token')).status).toBe(401);
    await prisma.device.update({ where: { id: device.id }, data: { revokedAt: new Date() } });
    expect((await post(documentedBody())).status).toBe(401);
    expect(await stored()).toHaveLength(0);
  });

  it('keeps the good points of a batch and names each refused one by its JSON path', async () => {
    const res = await post({
      data: {
        metrics: [
          metric('step_count', 'count', [{ date: '2026-11-20 07:00:00 -0800', qty: 100 }, { date: '2026-11-20 07:01:00 -0800', qty: 'many' }]),
          metric('blood_pressure', 'mmHg', [{ date: '2026-11-20 08:00:00 -0800', systolic: 120 }]),
          metric('heart_rate', 'count/min', [{ date: '2026-02-30 07:00:00 -0800', Avg: 60, Min: 60, Max: 60 }]),
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected).toEqual([
      { index: 1, field: 'data.metrics[0].data[1]', reason: expect.stringMatching(/^STEPS: value/) },
      { index: 2, field: 'data.metrics[1].data[0]', reason: expect.stringMatching(/^BLOOD_PRESSURE_DIASTOLIC: value/) },
      { index: 3, field: 'data.metrics[2].data[0]', reason: expect.stringMatching(/not a real calendar date/) },
    ]);
    expect((await stored()).map((r) => r.type)).toEqual(['STEPS']); // the half blood pressure is not kept
  });

  it('answers 422 when every point is refused, 415 for another content type', async () => {
    const bad = await post({ data: { metrics: [metric('step_count', 'count', [{ date: 'yesterday', qty: 1 }])] } });
    expect(bad.status).toBe(422);
    expect(bad.body.rejected).toHaveLength(1);
    expect((await post({ samples: [] })).status).toBe(422);
    expect((await api(PATH, { body: 'x', token: device.token, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('stores a re-sent delivery once: the body is its own idempotency key, overlapping points are duplicates', async () => {
    const first = await post(documentedBody());
    const again = await post(documentedBody());
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    // The app's "Default" period re-sends yesterday with today's new points: only the new ones are stored.
    const next = documentedBody();
    next.data.metrics[0]!.data.push({ date: '2026-11-20 07:02:00 -0800', qty: 30 });
    const overlap = await post(next, { 'Idempotency-Key': 'hae-2' });
    expect(overlap.body).toMatchObject({ accepted: 1, duplicates: 13 });
    expect(await stored()).toHaveLength(14);
  });

  it('treats a point the device also sent through the sync API as the same sample', async () => {
    await post(documentedBody());
    const res = await api(`/api/v1/devices/${device.id}/sync`, {
      token: device.token,
      json: { samples: [{ type: 'STEPS', value: 412, unit: 'count', startDate: '2026-11-20T15:00:00Z', endDate: '2026-11-20T15:00:00Z' }] },
    });
    expect(res.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });
});
