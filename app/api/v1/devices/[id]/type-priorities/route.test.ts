// Integration: PUT /api/v1/devices/:id/type-priorities — a per-type priority override changes which
// device wins dedup for that type only; the pipeline recomputes the affected history after the response.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createSignedInUser, syncSamples, waitFor } from '@/test/factories';
import { api } from '@/test/http';

type Row = { periodStart: string; value: number; count: number; sources: Record<string, number> };
type Aggregates = Record<string, Row[]>;

const at = (local: string) => `2026-06-10T${local}+02:00`; // Europe/Berlin in summer
const QUERY = 'types=STEPS,HEART_RATE&period=hour&from=2026-06-10&to=2026-06-10';
const hourOf = (rows: Row[] | undefined, hour: string) => rows?.find((r) => r.periodStart === `2026-06-10T${hour}:00:00`);

async function waitForAggregates(cookie: string, ready: (body: Aggregates) => boolean | undefined): Promise<Aggregates> {
  return waitFor(async () => {
    const res = await api<Aggregates>(`/api/v1/users/me/aggregates?${QUERY}`, { cookie });
    return res.status === 200 && ready(res.body) ? res.body : undefined;
  }, 'the aggregates to show the expected sources', 45_000);
}

type Reply = { typePriorities: { healthType: string; priority: number }[]; error: { code: string; details: { field: string }[] } };
const setOverrides = (deviceId: string, json: unknown, cookie?: string) =>
  api<Reply>(`/api/v1/devices/${deviceId}/type-priorities`, { method: 'PUT', json, cookie });

describe('per-type priority overrides', () => {
  it('raising the phone above the watch for HEART_RATE changes the heart-rate winner only; null removes the override', async () => {
    const patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
    const watch = await createDevice(patient.id, 'watch', 'Watch'); // 100
    const phone = await createDevice(patient.id, 'phone', 'Phone'); // 80
    await syncSamples(watch, [
      { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: at('08:00:10'), endDate: at('08:00:10') },
      { type: 'STEPS', value: 1000, unit: 'count', startDate: at('10:00:00'), endDate: at('10:10:00') },
    ]);
    await syncSamples(phone, [
      { type: 'HEART_RATE', value: 75, unit: 'count/min', startDate: at('08:00:40'), endDate: at('08:00:40') },
      { type: 'STEPS', value: 1500, unit: 'count', startDate: at('10:00:00'), endDate: at('10:15:00') },
    ]);

    // Device priorities: the watch wins both (dedup.md examples 1 and 3).
    const before = await waitForAggregates(patient.cookie, (b) =>
      hourOf(b.HEART_RATE, '08')?.sources[watch.id] === 1 && hourOf(b.STEPS, '10')?.sources[watch.id] === 1000 && hourOf(b.STEPS, '10')?.sources[phone.id] === 500,
    );
    expect(hourOf(before.HEART_RATE, '08')).toMatchObject({ value: 72, count: 1, sources: { [watch.id]: 1 } });
    expect(hourOf(before.STEPS, '10')).toMatchObject({ value: 1500, sources: { [watch.id]: 1000, [phone.id]: 500 } });

    const set = await setOverrides(phone.id, { overrides: { HEART_RATE: 120 } }, patient.cookie);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ typePriorities: [{ healthType: 'HEART_RATE', priority: 120 }] });
    // A new watch steps sample the same day makes sure STEPS is recomputed too, with the override in place.
    await syncSamples(watch, [{ type: 'STEPS', value: 100, unit: 'count', startDate: at('12:00:00'), endDate: at('12:05:00') }]);

    const overridden = await waitForAggregates(patient.cookie, (b) => hourOf(b.HEART_RATE, '08')?.value === 75 && hourOf(b.STEPS, '12') !== undefined);
    expect(hourOf(overridden.HEART_RATE, '08')).toMatchObject({ value: 75, count: 1, sources: { [phone.id]: 1 } });
    expect(hourOf(overridden.STEPS, '10')).toMatchObject({ value: 1500, sources: { [watch.id]: 1000, [phone.id]: 500 } });
    // The device's own priority is untouched.
    expect((await prisma.device.findUniqueOrThrow({ where: { id: phone.id } })).priority).toBe(80);

    const cleared = await setOverrides(phone.id, { overrides: { HEART_RATE: null } }, patient.cookie);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ typePriorities: [] });
    const restored = await waitForAggregates(patient.cookie, (b) => hourOf(b.HEART_RATE, '08')?.value === 72);
    expect(hourOf(restored.HEART_RATE, '08')).toMatchObject({ count: 1, sources: { [watch.id]: 1 } });
  }, 120_000);

  it('one request sets some types and clears others; the result lists the device’s overrides', async () => {
    const patient = await createSignedInUser();
    const phone = await createDevice(patient.id, 'phone');
    expect((await setOverrides(phone.id, { overrides: { STEPS: 5, HEART_RATE: 0 } }, patient.cookie)).body.typePriorities).toEqual(
      expect.arrayContaining([{ healthType: 'STEPS', priority: 5 }, { healthType: 'HEART_RATE', priority: 0 }]),
    );
    const next = await setOverrides(phone.id, { overrides: { STEPS: null, WEIGHT: 1000 } }, patient.cookie);
    expect(next.status).toBe(200);
    expect(next.body.typePriorities).toHaveLength(2);
    expect(next.body.typePriorities).toEqual(expect.arrayContaining([{ healthType: 'HEART_RATE', priority: 0 }, { healthType: 'WEIGHT', priority: 1000 }]));
    // Clearing an override that does not exist is fine.
    expect((await setOverrides(phone.id, { overrides: { OXYGEN_SATURATION: null } }, patient.cookie)).status).toBe(200);
  });

  it('another user’s device, an unknown or malformed id → 404; non-patients 403; anonymous 401', async () => {
    const [patient, other, doctor] = await Promise.all([createSignedInUser(), createSignedInUser(), createSignedInUser({ role: 'DOCTOR' })]);
    const theirs = await createDevice(other.id, 'phone');
    for (const id of [theirs.id, randomUUID(), 'not-a-uuid']) {
      const res = await setOverrides(id, { overrides: { HEART_RATE: 120 } }, patient.cookie);
      expect(res.status, id).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect(await prisma.deviceTypePriority.count({ where: { deviceId: theirs.id } })).toBe(0);
    expect((await setOverrides(theirs.id, { overrides: { HEART_RATE: 120 } }, doctor.cookie)).status).toBe(403);
    expect((await setOverrides(theirs.id, { overrides: { HEART_RATE: 120 } })).status).toBe(401);
  });

  it('an unknown type, a priority out of range or not an integer, or a malformed body → 422', async () => {
    const patient = await createSignedInUser();
    const phone = await createDevice(patient.id, 'phone');
    const bad: [unknown, string][] = [
      [{ overrides: { NOT_A_TYPE: 50 } }, 'overrides'],
      [{ overrides: { HEART_RATE: -1 } }, 'overrides.HEART_RATE'],
      [{ overrides: { HEART_RATE: 1001 } }, 'overrides.HEART_RATE'],
      [{ overrides: { HEART_RATE: 1.5 } }, 'overrides.HEART_RATE'],
      [{ overrides: { HEART_RATE: 'high' } }, 'overrides.HEART_RATE'],
      [{}, 'overrides'],
      [{ overrides: { HEART_RATE: 50 }, priority: 50 }, '(body)'],
    ];
    for (const [json, field] of bad) {
      const res = await setOverrides(phone.id, json, patient.cookie);
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details.map((d) => d.field), JSON.stringify(json)).toContain(field);
    }
    expect(await prisma.deviceTypePriority.count({ where: { deviceId: phone.id } })).toBe(0);
  });
});
