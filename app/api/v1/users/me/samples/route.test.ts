// Integration: GET /api/v1/users/me/samples (keyset pagination, filters, validation) against the real
// server and PostgreSQL. Samples are stored through the real sync endpoint. Also the same pages as
// columns (?format=columns).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDevice, createSignedInUser, syncSamples } from '@/test/factories';
import { api } from '@/test/http';

type Sample = { id: string; deviceId: string; type: string; value: number | string | null; unit: string | null; startDate: string; endDate: string };
type Page = { samples: Sample[]; nextCursor: string | null };

let patient: Awaited<ReturnType<typeof createSignedInUser>>;
let watch: Awaited<ReturnType<typeof createDevice>>;
let phone: Awaited<ReturnType<typeof createDevice>>;
let strangerSampleIds: string[];

const get = (query: string, cookie = patient.cookie) => api<Page>(`/api/v1/users/me/samples${query}`, { cookie });
const minute = (m: number) => new Date(Date.UTC(2026, 10, 15, 6, 0) + m * 60_000).toISOString();
const hr = (value: number, at: string) => ({ type: 'HEART_RATE', value, unit: 'count/min', startDate: at, endDate: at });
const steps = (value: number, from: string, to: string) => ({ type: 'STEPS', value, unit: 'count', startDate: from, endDate: to });

async function walk(query: string, limit: number): Promise<{ pages: Page[]; all: Sample[] }> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const res = await get(`${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.nextCursor;
    if (pages.length > 100) throw new Error('pagination does not end');
  } while (cursor);
  return { pages, all: pages.flatMap((p) => p.samples) };
}

beforeAll(async () => {
  patient = await createSignedInUser({ timeZone: 'Europe/Berlin' });
  watch = await createDevice(patient.id, 'watch');
  phone = await createDevice(patient.id, 'phone');
  // 25 heart-rate readings a minute apart from the watch; the phone reads the same minutes for the
  // first 10 (identical start times across devices and types are the interesting case for keyset paging).
  await syncSamples(watch, Array.from({ length: 25 }, (_, i) => hr(60 + i, minute(i))));
  await syncSamples(phone, Array.from({ length: 10 }, (_, i) => hr(90 + i, minute(i))));
  await syncSamples(phone, Array.from({ length: 10 }, (_, i) => steps(100 + i, minute(i), minute(i + 1))));
  await syncSamples(watch, [
    { type: 'SLEEP_STATE', value: 'asleepDeep', startDate: '2026-11-14T23:00:00Z', endDate: '2026-11-15T00:30:00Z' },
    { type: 'WEIGHT', value: 154.3, unit: 'lb', startDate: '2026-11-10T07:00:00Z', endDate: '2026-11-10T07:00:00Z' },
    { ...hr(70, '2026-11-12T08:00:00Z'), clientRecordId: 'rec-1', version: 1, metadata: { context: 'resting' } },
  ]);
  // Someone else's samples at the very same instants must never show up.
  const stranger = await createSignedInUser();
  const strangerWatch = await createDevice(stranger.id, 'watch');
  await syncSamples(strangerWatch, Array.from({ length: 25 }, (_, i) => hr(100 + i, minute(i))));
  strangerSampleIds = (await prisma.healthSample.findMany({ where: { userId: stranger.id }, select: { id: true } })).map((s) => s.id.toString());
});

describe('GET /api/v1/users/me/samples', () => {
  it('returns every sample exactly once, in time order, when walking all pages', async () => {
    const stored = await prisma.healthSample.findMany({ where: { userId: patient.id }, orderBy: [{ startAt: 'asc' }, { id: 'asc' }] });
    expect(stored).toHaveLength(48);
    for (const limit of [1, 3, 7, 48, 500]) {
      const { pages, all } = await walk('', limit);
      expect(all.map((s) => s.id)).toEqual(stored.map((s) => s.id.toString()));
      expect(pages.length).toBe(Math.max(1, Math.ceil(stored.length / limit)));
      for (const page of pages.slice(0, -1)) expect(page.samples).toHaveLength(limit);
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('keeps time order across pages (start, then id)', async () => {
    const { all } = await walk('', 4);
    for (let i = 1; i < all.length; i += 1) {
      const [a, b] = [all[i - 1]!, all[i]!];
      const order = Date.parse(a.startDate) - Date.parse(b.startDate) || Number(BigInt(a.id) - BigInt(b.id));
      expect(order).toBeLessThan(0);
    }
  });

  it('shapes each sample with canonical units, labels for category types and provenance', async () => {
    const { all } = await walk('', 500);
    const weight = all.find((s) => s.type === 'WEIGHT')!;
    expect(weight).toMatchObject({ deviceId: watch.id, unit: 'kg', startDate: '2026-11-10T07:00:00.000Z', endDate: '2026-11-10T07:00:00.000Z' });
    expect(weight.value).toBeCloseTo(69.989, 2);
    expect(all.find((s) => s.type === 'SLEEP_STATE')).toMatchObject({ value: 'asleepDeep', unit: null, startDate: '2026-11-14T23:00:00.000Z' });
    expect(all.find((s) => s.startDate === '2026-11-12T08:00:00.000Z')).toMatchObject({
      type: 'HEART_RATE', value: 70, unit: 'count/min', clientRecordId: 'rec-1', version: 1, metadata: { context: 'resting' },
    });
    const stepsSample = all.find((s) => s.type === 'STEPS' && s.value === 100)!;
    expect(stepsSample).toMatchObject({ deviceId: phone.id, unit: 'count', startDate: minute(0), endDate: minute(1) });
    expect(typeof stepsSample.id).toBe('string');
  });

  it("never returns another user's samples", async () => {
    const { all } = await walk('', 500);
    const ids = new Set(all.map((s) => s.id));
    expect(strangerSampleIds.length).toBe(25);
    for (const id of strangerSampleIds) expect(ids.has(id)).toBe(false);
    expect(new Set(all.map((s) => s.deviceId))).toEqual(new Set([watch.id, phone.id]));
  });

  it('filters by type, also across pages', async () => {
    const { all } = await walk('?type=STEPS', 3);
    expect(all).toHaveLength(10);
    expect(all.every((s) => s.type === 'STEPS')).toBe(true);
    expect(all.map((s) => s.value)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect((await get('?type=BLOOD_GLUCOSE')).body).toEqual({ samples: [], nextCursor: null });
  });

  it('filters by time range: from is inclusive, to is exclusive, on the start instant', async () => {
    const from = encodeURIComponent(minute(5));
    const to = encodeURIComponent(minute(8));
    const { all } = await walk(`?type=HEART_RATE&from=${from}&to=${to}`, 2);
    expect(all.map((s) => s.startDate)).toEqual([minute(5), minute(5), minute(6), minute(6), minute(7), minute(7)]);
  });

  it('accepts from/to with any offset, as the same instants', async () => {
    // 07:05 in Berlin (UTC+1) is 06:05Z.
    const res = await get(`?type=HEART_RATE&from=${encodeURIComponent('2026-11-15T07:05:00+01:00')}&to=${encodeURIComponent('2026-11-15T07:06:00+01:00')}`);
    expect(res.status).toBe(200);
    expect(res.body.samples.map((s) => s.startDate)).toEqual([minute(5), minute(5)]);
  });

  it('answers an empty page for a range with nothing in it', async () => {
    const res = await get(`?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${encodeURIComponent('2026-01-02T00:00:00Z')}`);
    expect(res.body).toEqual({ samples: [], nextCursor: null });
  });

  it('keeps the filters when following a cursor', async () => {
    const first = await get('?type=HEART_RATE&limit=5');
    const second = await get(`?type=HEART_RATE&limit=5&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(second.status).toBe(200);
    expect(second.body.samples.every((s) => s.type === 'HEART_RATE')).toBe(true);
    expect(Date.parse(second.body.samples[0]!.startDate)).toBeGreaterThanOrEqual(Date.parse(first.body.samples.at(-1)!.startDate));
  });

  it('answers 401 to an anonymous caller', async () => {
    const res = await api('/api/v1/users/me/samples');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it.each([
    ['an unknown type', '?type=MOOD', 'type'],
    ['a lower-case type', '?type=steps', 'type'],
    ['a zero limit', '?limit=0', 'limit'],
    ['a negative limit', '?limit=-5', 'limit'],
    ['a fractional limit', '?limit=2.5', 'limit'],
    ['a non-numeric limit', '?limit=ten', 'limit'],
    ['a limit above 5000', '?limit=5001', 'limit'],
    ['an empty limit', '?limit=', 'limit'],
    ['a from without offset', `?from=${encodeURIComponent('2026-11-15T06:00:00')}`, 'from'],
    ['an impossible to', `?to=${encodeURIComponent('2026-02-30T00:00:00Z')}`, 'to'],
    ['a garbage cursor', '?cursor=garbage', 'cursor'],
    ['a cursor of the wrong shape', `?cursor=${Buffer.from(JSON.stringify({ startMs: 1, id: '1' })).toString('base64url')}`, 'cursor'],
    ['a cursor with a non-numeric id', `?cursor=${Buffer.from(JSON.stringify([1, 'abc'])).toString('base64url')}`, 'cursor'],
    ['a cursor with an out-of-range time', `?cursor=${Buffer.from(JSON.stringify([1e20, '1'])).toString('base64url')}`, 'cursor'],
    ['a cursor with a fractional time', `?cursor=${Buffer.from(JSON.stringify([1.5, '1'])).toString('base64url')}`, 'cursor'],
    ['a cursor with an id beyond bigint', `?cursor=${Buffer.from(JSON.stringify([1, '99999999999999999999999'])).toString('base64url')}`, 'cursor'],
    ['an overlong cursor', `?cursor=${'A'.repeat(201)}`, 'cursor'],
    // Outside 1900-01-01 .. two days ahead: these reached PostgreSQL (no year 0, no year -271821) as 500s.
    ['a from in year 0000', `?from=${encodeURIComponent('0000-01-01T00:00:00Z')}`, 'from'],
    ['a to in year 9999', `?to=${encodeURIComponent('9999-01-01T00:00:00Z')}`, 'to'],
    ['a cursor at the earliest instant a Date holds', `?cursor=${Buffer.from(JSON.stringify([-8.64e15, '1'])).toString('base64url')}`, 'cursor'],
    ['a cursor at the latest instant a Date holds', `?cursor=${Buffer.from(JSON.stringify([8.64e15, '1'])).toString('base64url')}`, 'cursor'],
  ])('answers 422 naming the parameter for %s', async (_name, query, field) => {
    const res = await get(query);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: { code: 'VALIDATION_ERROR', message: expect.any(String), details: expect.any(Array) } });
    expect((res.body as unknown as { error: { details: { field: string }[] } }).error.details.map((d) => d.field)).toContain(field);
  });
});

describe('GET /api/v1/users/me/samples?format=columns', () => {
  type Columns = {
    format: 'columns'; type: string; unit: string | null; devices: string[]; device: number[]; id: string[]; start: number[]; end: number[];
    value: (number | string)[]; clientRecordId: (string | null)[]; version: (number | null)[]; metadata: (Record<string, unknown> | null)[]; nextCursor: string | null;
  };
  type Full = Sample & { clientRecordId: string | null; version: number | null; metadata: Record<string, unknown> | null };
  const columns = (query: string) => api<Columns>(`/api/v1/users/me/samples${query}&format=columns`, { cookie: patient.cookie });

  /** The default page turned into columns: what the columns answer must be, field for field. */
  function asColumns(page: { samples: Full[]; nextCursor: string | null }, type: string, unit: string | null) {
    const devices = [...new Set(page.samples.map((s) => s.deviceId))];
    return {
      format: 'columns', type, unit, devices,
      device: page.samples.map((s) => devices.indexOf(s.deviceId)),
      id: page.samples.map((s) => s.id),
      start: page.samples.map((s) => Date.parse(s.startDate)),
      end: page.samples.map((s) => Date.parse(s.endDate)),
      value: page.samples.map((s) => s.value),
      clientRecordId: page.samples.map((s) => s.clientRecordId),
      version: page.samples.map((s) => s.version),
      metadata: page.samples.map((s) => s.metadata),
      nextCursor: page.nextCursor,
    };
  }

  it.each([
    ['HEART_RATE', 'count/min', 7],
    ['STEPS', 'count', 4],
    ['SLEEP_STATE', null, 10],
  ])('answers the same %s samples, in the same order, page by page, as the default answer', async (type, unit, limit) => {
    let cursor = '';
    let pages = 0;
    do {
      const query = `?type=${type}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const [rows, cols] = await Promise.all([api<{ samples: Full[]; nextCursor: string | null }>(`/api/v1/users/me/samples${query}`, { cookie: patient.cookie }), columns(query)]);
      expect(cols.status).toBe(200);
      expect(rows.body.samples.length).toBeGreaterThan(0);
      expect(cols.body).toEqual(asColumns(rows.body, type, unit));
      cursor = cols.body.nextCursor ?? '';
      pages += 1;
    } while (cursor && pages < 20);
    expect(cursor).toBe('');
  });

  it('carries provenance: devices by index, client ids, versions and metadata', async () => {
    const res = await columns(`?type=HEART_RATE&from=${encodeURIComponent('2026-11-12T00:00:00Z')}&to=${encodeURIComponent('2026-11-13T00:00:00Z')}`);
    expect(res.body).toEqual({
      format: 'columns', type: 'HEART_RATE', unit: 'count/min', devices: [watch.id], device: [0], id: [expect.any(String)],
      start: [Date.parse('2026-11-12T08:00:00Z')], end: [Date.parse('2026-11-12T08:00:00Z')], value: [70],
      clientRecordId: ['rec-1'], version: [1], metadata: [{ context: 'resting' }], nextCursor: null,
    });
    // The resting reading, then the watch's and the phone's at the first minute: each device listed once.
    const both = await columns('?type=HEART_RATE&limit=3');
    expect(both.body).toMatchObject({ devices: [watch.id, phone.id], device: [0, 0, 1], value: [70, 60, 90] });
  });

  it.each([
    ['an unknown format', '?type=STEPS&format=bogus', 'format'],
    ['an empty format', '?type=STEPS&format=', 'format'],
    ['columns without a type', '?format=columns', 'type'],
  ])('answers 422 naming the parameter for %s', async (_name, query, field) => {
    const res = await get(query);
    expect(res.status).toBe(422);
    expect((res.body as unknown as { error: { details: { field: string }[] } }).error.details.map((d) => d.field)).toEqual([field]);
  });

  it('keeps the documented shape when the format is rows', async () => {
    expect((await get('?type=STEPS&limit=3&format=rows')).body).toEqual((await get('?type=STEPS&limit=3')).body);
  });
});
