// Integration: POST /api/v1/bridges/health-connect against the real server and PostgreSQL. The bodies
// follow HC Webhook's documented JSON delivery: docs/webhook.md of github.com/mcnaveen/health-connect-webhook
// ("Webhook payload reference": {timestamp, app_version, steps[{count, start_time, end_time}], heart_rate
// [{bpm, time}], weight[{kilograms, time}], blood_glucose[{mmol_per_liter, time}], blood_pressure
// [{systolic, diastolic, time}], sleep[{session_end_time, duration_seconds, stages[{stage, start_time,
// end_time, duration_seconds}]}], exercise[{type, start_time, end_time, duration_seconds, distance_meters}]
// …), with the stage names of the app's HealthConnectManager.kt (AWAKE, SLEEPING, OUT_OF_BED, LIGHT, DEEP, REM).
import { beforeEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createUser, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';

const PATH = '/api/v1/bridges/health-connect';
let patient: { id: string };
let device: { id: string; token: string };

const documentedBody = () => ({
  timestamp: '2026-11-21T14:00:00.123Z',
  app_version: '1.9.0',
  steps: [{ count: 8421, start_time: '2026-11-20T08:00:00Z', end_time: '2026-11-20T09:00:00Z' }],
  heart_rate: [{ bpm: 72, time: '2026-11-20T08:15:00Z' }, { bpm: 75, time: '2026-11-20T08:16:00.500Z' }],
  resting_heart_rate: [{ bpm: 54, time: '2026-11-20T06:00:00Z' }],
  distance: [{ meters: 6120.5, start_time: '2026-11-20T08:00:00Z', end_time: '2026-11-20T09:00:00Z' }],
  active_calories: [{ calories: 310.2, start_time: '2026-11-20T08:00:00Z', end_time: '2026-11-20T09:00:00Z' }],
  total_calories: [{ calories: 2100, start_time: '2026-11-20T00:00:00Z', end_time: '2026-11-21T00:00:00Z' }],
  weight: [{ kilograms: 71.4, time: '2026-11-20T06:30:00Z' }],
  body_fat: [{ percentage: 21.5, time: '2026-11-20T06:30:00Z' }],
  blood_glucose: [{ mmol_per_liter: 5.5, time: '2026-11-20T07:00:00Z' }],
  blood_pressure: [{ systolic: 118, diastolic: 76, time: '2026-11-20T07:05:00Z' }],
  oxygen_saturation: [{ percentage: 96, time: '2026-11-20T03:00:00Z' }],
  body_temperature: [{ celsius: 36.7, time: '2026-11-20T07:10:00Z' }],
  respiratory_rate: [{ rate: 14, time: '2026-11-20T03:00:00Z' }],
  sleep: [
    {
      session_end_time: '2026-11-20T06:00:00Z',
      duration_seconds: 25200,
      stages: [
        { stage: 'LIGHT', start_time: '2026-11-19T23:00:00Z', end_time: '2026-11-20T01:00:00Z', duration_seconds: 7200 },
        { stage: 'DEEP', start_time: '2026-11-20T01:00:00Z', end_time: '2026-11-20T02:30:00Z', duration_seconds: 5400 },
        { stage: 'AWAKE', start_time: '2026-11-20T02:30:00Z', end_time: '2026-11-20T02:40:00Z', duration_seconds: 600 },
        { stage: 'REM', start_time: '2026-11-20T02:40:00Z', end_time: '2026-11-20T04:00:00Z', duration_seconds: 4800 },
        { stage: 'UNKNOWN', start_time: '2026-11-20T04:00:00Z', end_time: '2026-11-20T06:00:00Z', duration_seconds: 7200 },
      ],
    },
  ],
  exercise: [{ type: 'Biking', start_time: '2026-11-20T17:00:00Z', end_time: '2026-11-20T17:45:00Z', duration_seconds: 2700, distance_meters: 15000 }],
  hydration: [{ liters: 0.5, start_time: '2026-11-20T10:00:00Z', end_time: '2026-11-20T10:00:00Z' }],
});

const post = (json: unknown, headers: Record<string, string> = {}, token = device.token) => api(PATH, { json, token, headers });
const stored = () => prisma.healthSample.findMany({ where: { deviceId: device.id }, orderBy: [{ type: 'asc' }, { startAt: 'asc' }] });

beforeEach(async () => {
  patient = await createUser({ timeZone: 'UTC' });
  device = await createDevice(patient.id, 'phone', 'HC Webhook');
});

describe('Health Connect (HC Webhook) bridge', () => {
  it('stores the documented record types in canonical units, sleep stage by stage', async () => {
    const res = await post(documentedBody());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 19, duplicates: 0, rejected: [] });
    expect(res.body.skipped.map((s: { field: string }) => s.field)).toEqual(['total_calories', 'hydration']);

    const rows = await stored();
    const of = (type: string) => rows.filter((r) => r.type === type).map((r) => r.category ?? r.value);
    expect(of('STEPS')).toEqual([8421]);
    expect(of('HEART_RATE')).toEqual([72, 75]);
    expect(of('RESTING_HEART_RATE')).toEqual([54]);
    expect(of('DISTANCE')).toEqual([6120.5]);
    expect(of('ACTIVE_ENERGY')).toEqual([310.2]);
    expect(of('WEIGHT')).toEqual([71.4]);
    expect(of('BODY_FAT')).toEqual([21.5]);
    expect(of('BLOOD_GLUCOSE')[0]).toBeCloseTo(99.09, 1); // 5.5 mmol/L
    expect(of('BLOOD_PRESSURE_SYSTOLIC')).toEqual([118]);
    expect(of('BLOOD_PRESSURE_DIASTOLIC')).toEqual([76]);
    expect(of('OXYGEN_SATURATION')).toEqual([96]);
    expect(of('BODY_TEMPERATURE')).toEqual([36.7]);
    expect(of('RESPIRATORY_RATE')).toEqual([14]);
    expect(of('SLEEP_STATE')).toEqual(['asleepCore', 'asleepDeep', 'awake', 'asleepREM']); // UNKNOWN says nothing
    expect(of('WORKOUT')).toEqual(['cycling']);
  });

  it('answers 401 for a wrong token, keeps good records of a batch and names the refused ones', async () => {
    expect((await post(documentedBody(), {}, 'wrong')).status).toBe(401);
    const res = await post({
      timestamp: '2026-11-21T14:00:00Z',
      weight: [{ kilograms: 71.4, time: '2026-11-20T06:30:00Z' }, { kilograms: 9000, time: '2026-11-20T06:31:00Z' }],
      heart_rate: [{ bpm: 70, time: 'not a time' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: { field: string }) => r.field)).toEqual(['weight[1]', 'heart_rate[0]']);
  });

  it('stores a retried delivery once', async () => {
    await post(documentedBody());
    const again = await post(documentedBody());
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changed = { ...documentedBody(), timestamp: '2026-11-21T14:15:00Z' }; // the next sync re-reads the window
    expect((await post(changed)).body).toMatchObject({ accepted: 0, duplicates: 19 });
    expect(await stored()).toHaveLength(19);
  });

  it('dedups against a watch that synced the same hour: one truth in the aggregates', async () => {
    const watch = await createDevice(patient.id, 'watch');
    const since = new Date();
    const sync = await api(`/api/v1/devices/${watch.id}/sync`, {
      token: watch.token,
      json: { samples: [{ type: 'STEPS', value: 8000, unit: 'count', startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T09:00:00Z' }] },
    });
    expect(sync.status).toBe(200);
    await post({ timestamp: '2026-11-21T14:00:00Z', steps: [{ count: 8421, start_time: '2026-11-20T08:00:00Z', end_time: '2026-11-20T09:00:00Z' }] });
    await waitForPipeline(patient.id, since, 60_000);
    const day = await prisma.healthAggregate.findFirst({ where: { userId: patient.id, type: 'STEPS', period: 'DAY' } });
    expect(day?.value).toBe(8000); // the watch (priority 100) covers the hour; the phone's copy adds nothing
  });
});
