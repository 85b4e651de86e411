// Integration: devices sync through the API; the in-process pipeline (after the response) deduplicates
// and aggregates; the aggregates API shows merged values and per-device provenance; a priority change
// recomputes history.
import { describe, expect, it } from 'vitest';
import { createDevice, createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

type Row = { periodStart: string; value: number; min: number | null; max: number | null; count: number; sources: Record<string, number> };

async function waitForAggregates(cookie: string, query: string, ready: (body: Record<string, Row[]>) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await api<Record<string, Row[]>>(`/api/v1/users/me/aggregates?${query}`, { cookie });
    if (res.status === 200 && ready(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`aggregates not ready: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const at = (local: string) => `2026-06-10T${local}+02:00`; // Europe/Berlin in summer

describe('sync → pipeline → aggregates API', () => {
  it('merges overlapping devices by priority (dedup.md examples 1 and 3), then recomputes after a priority change', async () => {
    const patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
    const watch = await createDevice(patient.id, 'watch', 'Watch');
    const phone = await createDevice(patient.id, 'phone', 'Phone');
    const sync = (device: { id: string; token: string }, samples: unknown[]) =>
      api(`/api/v1/devices/${device.id}/sync`, { json: { samples }, token: device.token });

    expect((await sync(phone, [
      { type: 'STEPS', value: 1500, unit: 'count', startDate: at('10:00:00'), endDate: at('10:15:00') },
      { type: 'HEART_RATE', value: 75, unit: 'count/min', startDate: at('08:00:40'), endDate: at('08:00:40') },
      { type: 'HEART_RATE', value: 90, unit: 'count/min', startDate: at('08:05:00'), endDate: at('08:05:00') },
    ])).status).toBe(200);
    expect((await sync(watch, [
      { type: 'STEPS', value: 1000, unit: 'count', startDate: at('10:00:00'), endDate: at('10:10:00') },
      { type: 'HEART_RATE', value: 72, unit: 'count/min', startDate: at('08:00:10'), endDate: at('08:00:10') },
    ])).status).toBe(200);

    const query = 'types=STEPS,HEART_RATE&period=hour&from=2026-06-10&to=2026-06-10';
    const merged = await waitForAggregates(patient.cookie, query, (b) =>
      b.STEPS?.[0]?.sources[watch.id] === 1000 && b.HEART_RATE?.[0]?.sources[watch.id] === 1,
    );
    expect(merged.STEPS).toEqual([
      { periodStart: '2026-06-10T10:00:00', value: 1500, min: null, max: null, count: 2, sources: { [watch.id]: 1000, [phone.id]: 500 } },
    ]);
    expect(merged.HEART_RATE).toEqual([
      { periodStart: '2026-06-10T08:00:00', value: 81, min: 72, max: 90, count: 2, sources: { [watch.id]: 1, [phone.id]: 1 } },
    ]);
    const day = await waitForAggregates(patient.cookie, 'types=STEPS&period=day&from=2026-06-10&to=2026-06-10', (b) => b.STEPS?.length === 1);
    expect(day.STEPS?.[0]).toMatchObject({ periodStart: '2026-06-10T00:00:00', value: 1500 });

    // The phone now outranks the watch: its 75 wins the 08:00 match and its 1,500 steps cover the watch's.
    expect((await api(`/api/v1/devices/${phone.id}`, { method: 'PATCH', json: { priority: 120 }, cookie: patient.cookie })).status).toBe(200);
    // (75 + 90) / 2 = 82.5, answered to whole bpm (lib/health/precision.ts).
    const after = await waitForAggregates(patient.cookie, query, (b) => b.HEART_RATE?.[0]?.value === 83);
    expect(after.STEPS?.[0]).toMatchObject({ value: 1500, sources: { [phone.id]: 1500 } });
    expect(after.HEART_RATE?.[0]).toMatchObject({ value: 83, min: 75, max: 90, count: 2, sources: { [phone.id]: 2 } });
  });
});
