// Integration: GET /api/v1/users/me/aggregates and /users/me/summary against the real server and
// PostgreSQL. The pipeline that fills health_aggregates is not built yet, so rows are inserted directly;
// period_start is the local wall-clock label in the patient's zone. Conditional reads of complete
// periods (ETag, 304) at the end, through a real late sync and the real pipeline.
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownScope } from '@/lib/data/access';
import { aggregatesResponse } from '@/lib/http/read-handlers';
import { localDate, monthStart, weekStart, zonedDayRangeUtc } from '@/lib/time';
import { createAggregate, createDevice, createSignedInUser, syncSamples, waitForPipeline, withPipelinePaused } from '@/test/factories';
import { api } from '@/test/http';

const ZONE = 'America/New_York';
const WATCH = randomUUID();
const PHONE = randomUUID();

let patient: Awaited<ReturnType<typeof createSignedInUser>>;
let stranger: Awaited<ReturnType<typeof createSignedInUser>>;

const aggregates = (query: string, cookie = patient.cookie) => api(`/api/v1/users/me/aggregates${query}`, { cookie });
const summary = (query: string, cookie = patient.cookie) => api(`/api/v1/users/me/summary${query}`, { cookie });
const starts = (rows: { periodStart: string }[]) => rows.map((r) => r.periodStart);
const daysAgo = (n: number) => localDate(Date.now() - n * 86_400_000, ZONE);

beforeAll(async () => {
  patient = await createSignedInUser({ timeZone: ZONE });
  stranger = await createSignedInUser({ timeZone: ZONE });
  const mine = (type: 'STEPS' | 'HEART_RATE' | 'WEIGHT' | 'ACTIVE_ENERGY' | 'BLOOD_GLUCOSE' | 'DISTANCE', period: 'HOUR' | 'DAY' | 'WEEK' | 'MONTH', periodStart: string, value: number, extra = {}) =>
    createAggregate({ userId: patient.id, type, period, periodStart, value, ...extra });
  await Promise.all([
    mine('STEPS', 'DAY', '2026-11-08', 800),
    mine('STEPS', 'DAY', '2026-11-10', 1000, { count: 40, sources: { [WATCH]: 700, [PHONE]: 300 } }),
    mine('STEPS', 'DAY', '2026-11-12', 1200),
    mine('STEPS', 'DAY', '2026-11-15', 1500),
    mine('STEPS', 'DAY', '2026-11-16', 1600),
    mine('HEART_RATE', 'DAY', '2026-11-12', 72.5, { min: 55, max: 141, count: 300, sources: { [WATCH]: 280, [PHONE]: 20 } }),
    mine('WEIGHT', 'DAY', '2026-11-12', 70.2),
    // What the clinical review saw leak out unrounded (issue 13, finding 10).
    mine('BLOOD_GLUCOSE', 'DAY', '2026-10-20', 109.89515999999999, { min: 32.4, max: 180.61, count: 5 }),
    mine('STEPS', 'DAY', '2026-10-20', 4243.000000000001, { sources: { [WATCH]: 3712.6666666666665, [PHONE]: 530.3333333333334 } }),
    mine('DISTANCE', 'DAY', '2026-10-20', 3104.5600000000004),
    mine('WEIGHT', 'DAY', '2026-10-20', 70.12345),
    mine('STEPS', 'HOUR', '2026-11-11T23:00:00', 10),
    mine('STEPS', 'HOUR', '2026-11-12T00:00:00', 20),
    mine('STEPS', 'HOUR', '2026-11-12T23:00:00', 30),
    mine('STEPS', 'HOUR', '2026-11-13T00:00:00', 40),
    mine('STEPS', 'WEEK', '2026-11-02', 7000),
    mine('STEPS', 'WEEK', '2026-11-09', 8000),
    mine('STEPS', 'WEEK', '2026-11-16', 9000),
    mine('STEPS', 'MONTH', '2026-10-01', 30000),
    mine('STEPS', 'MONTH', '2026-11-01', 31000),
    mine('STEPS', 'MONTH', '2026-12-01', 32000),
    // Relative to today in the patient's zone, for the default range (the last 30 days); another type
    // so that the fixed-date rows above stay predictable whatever today is.
    mine('ACTIVE_ENERGY', 'DAY', daysAgo(0), 111),
    mine('ACTIVE_ENERGY', 'DAY', daysAgo(29), 333),
    mine('ACTIVE_ENERGY', 'DAY', daysAgo(45), 222),
  ]);
  // Another patient's rows at the very same periods must never appear.
  await Promise.all(
    [['STEPS', '2026-11-12'], ['HEART_RATE', '2026-11-12'], ['WEIGHT', '2026-11-12'], ['ACTIVE_ENERGY', daysAgo(0)]].map(([type, day]) =>
      createAggregate({ userId: stranger.id, type: type as 'STEPS', period: 'DAY', periodStart: day!, value: 99_999 }),
    ),
  );
  await createAggregate({ userId: stranger.id, type: 'STEPS', period: 'HOUR', periodStart: '2026-11-12T00:00:00', value: 99_999 });
});

describe('GET /api/v1/users/me/aggregates', () => {
  it('answers each requested type with its rows in the range, in order, with provenance', async () => {
    const res = await aggregates('?types=STEPS,HEART_RATE&period=day&from=2026-11-10&to=2026-11-15');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['HEART_RATE', 'STEPS']);
    expect(res.body.STEPS).toEqual([
      { periodStart: '2026-11-10T00:00:00', value: 1000, min: 1000, max: 1000, count: 40, sources: { [WATCH]: 700, [PHONE]: 300 } },
      { periodStart: '2026-11-12T00:00:00', value: 1200, min: 1200, max: 1200, count: 1, sources: {} },
      { periodStart: '2026-11-15T00:00:00', value: 1500, min: 1500, max: 1500, count: 1, sources: {} },
    ]);
    expect(res.body.HEART_RATE).toEqual([
      { periodStart: '2026-11-12T00:00:00', value: 73, min: 55, max: 141, count: 300, sources: { [WATCH]: 280, [PHONE]: 20 } },
    ]);
  });

  it('states each value to its type’s precision (full precision stays stored)', async () => {
    const res = await aggregates('?types=BLOOD_GLUCOSE,STEPS,DISTANCE,WEIGHT&period=day&from=2026-10-20&to=2026-10-20');
    expect(res.body.BLOOD_GLUCOSE).toEqual([expect.objectContaining({ value: 110, min: 32, max: 181, count: 5 })]);
    expect(res.body.STEPS).toEqual([expect.objectContaining({ value: 4243, sources: { [WATCH]: 3713, [PHONE]: 530 } })]);
    expect(res.body.DISTANCE[0].value).toBe(3105);
    expect(res.body.WEIGHT[0].value).toBe(70.12);
    const day = await summary('?date=2026-10-20');
    expect(day.body.types).toEqual({ BLOOD_GLUCOSE: 110, STEPS: 4243, DISTANCE: 3105, WEIGHT: 70.12 });
  });

  it('includes both ends of the range and nothing outside it', async () => {
    const res = await aggregates('?types=STEPS&period=day&from=2026-11-12&to=2026-11-12');
    expect(starts(res.body.STEPS)).toEqual(['2026-11-12T00:00:00']);
    expect(res.body.STEPS[0].value).toBe(1200);
  });

  it('answers only the requested types, with an empty list for a type without rows', async () => {
    const res = await aggregates('?types=BLOOD_GLUCOSE,WEIGHT&period=day&from=2026-11-01&to=2026-11-30');
    expect(res.body).toEqual({ BLOOD_GLUCOSE: [], WEIGHT: [expect.objectContaining({ periodStart: '2026-11-12T00:00:00', value: 70.2 })] });
  });

  it('answers hours as local wall-clock labels for every hour of the days in range', async () => {
    const res = await aggregates('?types=STEPS&period=hour&from=2026-11-12&to=2026-11-12');
    expect(res.status).toBe(200);
    expect(res.body.STEPS.map((r: { periodStart: string; value: number }) => [r.periodStart, r.value])).toEqual([
      ['2026-11-12T00:00:00', 20],
      ['2026-11-12T23:00:00', 30],
    ]);
  });

  it('answers the weeks (starting Monday) and months that overlap the range', async () => {
    const weeks = await aggregates('?types=STEPS&period=week&from=2026-11-11&to=2026-11-15');
    expect(starts(weeks.body.STEPS)).toEqual(['2026-11-09T00:00:00']);
    const twoWeeks = await aggregates('?types=STEPS&period=week&from=2026-11-09&to=2026-11-16');
    expect(starts(twoWeeks.body.STEPS)).toEqual(['2026-11-09T00:00:00', '2026-11-16T00:00:00']);
    const months = await aggregates('?types=STEPS&period=month&from=2026-11-05&to=2026-11-20');
    expect(months.body.STEPS.map((r: { periodStart: string; value: number }) => [r.periodStart, r.value])).toEqual([['2026-11-01T00:00:00', 31000]]);
  });

  it('never mixes periods', async () => {
    const res = await aggregates('?types=STEPS&period=day&from=2026-11-01&to=2026-11-30');
    expect(starts(res.body.STEPS)).toEqual(['2026-11-08T00:00:00', '2026-11-10T00:00:00', '2026-11-12T00:00:00', '2026-11-15T00:00:00', '2026-11-16T00:00:00']);
  });

  it('defaults to the last 30 days up to today in the patient zone', async () => {
    const res = await aggregates('?types=ACTIVE_ENERGY&period=day');
    expect(res.status).toBe(200);
    expect(res.body.ACTIVE_ENERGY.map((r: { periodStart: string; value: number }) => [r.periodStart, r.value])).toEqual([
      [`${daysAgo(29)}T00:00:00`, 333],
      [`${daysAgo(0)}T00:00:00`, 111],
    ]);
  });

  it("never answers another patient's rows", async () => {
    const res = await aggregates('?types=STEPS,HEART_RATE,WEIGHT&period=day&from=2026-01-01&to=2026-11-30');
    const values = Object.values(res.body as Record<string, { value: number }[]>).flat().map((r) => r.value);
    expect(values.length).toBeGreaterThan(0);
    expect(values).not.toContain(99_999);
    const hours = await aggregates('?types=STEPS&period=hour&from=2026-11-12&to=2026-11-12');
    expect(hours.body.STEPS.map((r: { value: number }) => r.value)).not.toContain(99_999);
    const theirs = await aggregates('?types=STEPS&period=day&from=2026-11-12&to=2026-11-12', stranger.cookie);
    expect(theirs.body.STEPS.map((r: { value: number }) => r.value)).toEqual([99_999]);
  });

  it('ignores blanks and surrounding spaces in the type list', async () => {
    const res = await aggregates(`?types=${encodeURIComponent(' STEPS ,,HEART_RATE')}&period=day&from=2026-11-12&to=2026-11-12`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['HEART_RATE', 'STEPS']);
  });

  it('answers 401 to an anonymous caller', async () => {
    const res = await api('/api/v1/users/me/aggregates?types=STEPS&period=day');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it.each([
    ['no types', '?period=day', 'types'],
    ['an empty type list', '?types=&period=day', 'types'],
    ['an unknown type', '?types=STEPS,MOOD&period=day', 'types'],
    ['no period', '?types=STEPS', 'period'],
    ['an unknown period', '?types=STEPS&period=year', 'period'],
    ['a from that is not a date', '?types=STEPS&period=day&from=yesterday', 'from'],
    ['a from with a time', '?types=STEPS&period=day&from=2026-11-10T00:00:00Z', 'from'],
    ['month 13', '?types=STEPS&period=day&from=2026-13-01&to=2026-12-01', 'from'],
    ['February 30th', '?types=STEPS&period=day&from=2026-02-30&to=2026-03-05', 'from'],
    ['April 31st', '?types=STEPS&period=day&from=2026-04-01&to=2026-04-31', 'to'],
    ['from after to', '?types=STEPS&period=day&from=2026-11-15&to=2026-11-10', 'from'],
    // Outside 1900-01-01 .. two days ahead: year 0000 used to reach PostgreSQL (no year 0) as a 500.
    ['a from in year 0000', '?types=STEPS&period=day&from=0000-01-01&to=2026-11-10', 'from'],
    ['a from before 1900', '?types=STEPS&period=day&from=1899-12-31&to=2026-11-10', 'from'],
    ['a to in year 9999', '?types=STEPS&period=day&from=2026-11-10&to=9999-12-31', 'to'],
  ])('answers 422 naming the parameter for %s', async (_name, query, field) => {
    const res = await aggregates(query);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.any(String) });
    expect(res.body.error.details.some((d: { field: string }) => d.field === field || d.field.startsWith(`${field}.`))).toBe(true);
  });
});

describe('GET /api/v1/users/me/summary', () => {
  it("answers the day's DAY aggregates by type", async () => {
    const res = await summary('?date=2026-11-12');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: '2026-11-12', types: { STEPS: 1200, HEART_RATE: 73, WEIGHT: 70.2 } });
  });

  it('answers no types for a day without aggregates (hours alone do not count)', async () => {
    expect((await summary('?date=2026-11-13')).body).toEqual({ date: '2026-11-13', types: {} });
  });

  it('defaults to today in the patient zone', async () => {
    const res = await summary('');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: daysAgo(0), types: { ACTIVE_ENERGY: 111 } });
  });

  it("never answers another patient's values", async () => {
    const theirs = await summary('?date=2026-11-12', stranger.cookie);
    expect(theirs.body).toEqual({ date: '2026-11-12', types: { STEPS: 99_999, HEART_RATE: 99_999, WEIGHT: 99_999 } });
  });

  it('answers 401 to an anonymous caller', async () => {
    expect((await api('/api/v1/users/me/summary?date=2026-11-12')).status).toBe(401);
  });

  it.each([
    ['a date that is not a date', '?date=today'],
    ['a date with a time', '?date=2026-11-12T00:00:00'],
    ['February 30th', '?date=2026-02-30'],
    ['September 31st', '?date=2026-09-31'],
    ['month 00', '?date=2026-00-10'],
    ['year 0000', '?date=0000-01-01'],
    ['year 9999', '?date=9999-12-31'],
  ])('answers 422 naming the date for %s', async (_name, query) => {
    const res = await summary(query);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('date');
  });
});

describe('conditional reads of complete periods', () => {
  const ETAG = /^"[\w-]{43}"$/;
  const read = (query: string, headers: Record<string, string> = {}, cookie = patient.cookie) => api(`/api/v1/users/me/aggregates${query}`, { cookie, headers });
  const past = `?types=STEPS,RESTING_HEART_RATE&period=day&from=${daysAgo(9)}&to=${daysAgo(3)}`;
  // Noon of a past local day: far from any day edge whatever the hour the test runs.
  const noonOf = (day: string, minutes = 0) => new Date(zonedDayRangeUtc(day, ZONE).startMs + (12 * 60 + minutes) * 60_000).toISOString();
  const stepsAt = (day: string, value: number, minutes: number) => ({ type: 'STEPS', value, unit: 'count', startDate: noonOf(day, minutes), endDate: noonOf(day, minutes + 5) });

  beforeAll(async () => {
    await createAggregate({ userId: patient.id, type: 'RESTING_HEART_RATE', period: 'DAY', periodStart: daysAgo(6), value: 58 });
  });

  it('answers a past range with a strong ETag, and 304 without a body to it (also weak or in a list)', async () => {
    const first = await read(past);
    expect(first.status).toBe(200);
    expect(first.body.RESTING_HEART_RATE).toEqual([expect.objectContaining({ periodStart: `${daysAgo(6)}T00:00:00`, value: 58 })]);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(ETAG);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await read('?types=STEPS&period=bogus')).headers.get('cache-control')).toBe('no-store');
    expect((await api('/api/v1/users/me/aggregates?types=STEPS&period=day')).headers.get('cache-control')).toBe('no-store');
    for (const given of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await read(past, { 'if-none-match': given });
      expect(again.status).toBe(304);
      expect(again.body).toBeNull();
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect((await read(past, { 'if-none-match': '"other"' })).body).toEqual(first.body);
    // Another query is another answer, with its own validator.
    const other = await read(`?types=STEPS&period=day&from=${daysAgo(9)}&to=${daysAgo(3)}`, { 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).toMatch(ETAG);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('never answers 304 for a range that reaches today, or a week or month still running', async () => {
    const today = daysAgo(0);
    for (const query of [
      `?types=ACTIVE_ENERGY&period=day&from=${daysAgo(3)}&to=${today}`,
      '?types=ACTIVE_ENERGY&period=day',
      `?types=ACTIVE_ENERGY&period=hour&from=${today}&to=${today}`,
      `?types=ACTIVE_ENERGY&period=week&from=${weekStart(today)}&to=${weekStart(today)}`,
      `?types=ACTIVE_ENERGY&period=month&from=${monthStart(today)}&to=${monthStart(today)}`,
    ]) {
      const res = await read(query, { 'if-none-match': '*' });
      expect(res.status, query).toBe(200);
      expect(res.headers.get('etag'), query).toBeNull();
      expect(res.headers.get('cache-control'), query).toBe('no-store');
    }
    const day = await api('/api/v1/users/me/summary', { cookie: patient.cookie, headers: { 'if-none-match': '*' } });
    expect(day.status).toBe(200);
    expect(day.headers.get('etag')).toBeNull();
  });

  it('answers a past day’s summary conditionally too', async () => {
    const first = await summary(`?date=${daysAgo(29)}`);
    // Only the relative row is asserted: on some dates daysAgo(29) is also one of the fixed STEPS days.
    expect(first.body).toMatchObject({ date: daysAgo(29), types: { ACTIVE_ENERGY: 333 } });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(ETAG);
    const again = await api(`/api/v1/users/me/summary?date=${daysAgo(29)}`, { cookie: patient.cookie, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('a late sync makes the days pending (no ETag), then its recomputed aggregate answers with a new ETag', async () => {
    const late = await createSignedInUser({ timeZone: ZONE });
    const watch = await createDevice(late.id, 'watch');
    const day = daysAgo(5);
    const query = `?types=STEPS&period=day&from=${daysAgo(7)}&to=${daysAgo(3)}`;
    let since = new Date();
    await syncSamples(watch, [stepsAt(day, 400, 0)]);
    await waitForPipeline(late.id, since, 60_000);
    const before = await read(query, {}, late.cookie);
    expect(before.body.STEPS).toEqual([expect.objectContaining({ periodStart: `${day}T00:00:00`, value: 400 })]);
    const etag = before.headers.get('etag')!;
    expect(etag).toMatch(ETAG);
    expect((await read(query, { 'if-none-match': etag }, late.cookie)).status).toBe(304);

    since = new Date();
    await withPipelinePaused(late.id, async () => {
      await syncSamples(watch, [stepsAt(day, 250, 30)]);
      // Not recomputed yet: the old answer, but no longer complete.
      const pending = await read(query, { 'if-none-match': etag }, late.cookie);
      expect(pending.status).toBe(200);
      expect(pending.body).toEqual(before.body);
      expect(pending.headers.get('etag')).toBeNull();
      // A dirty day outside the range (and not the day before it) leaves the range complete.
      expect((await read(`?types=STEPS&period=day&from=${daysAgo(3)}&to=${daysAgo(2)}`, {}, late.cookie)).headers.get('etag')).toMatch(ETAG);
    });
    await waitForPipeline(late.id, since, 60_000);
    const after = await read(query, { 'if-none-match': etag }, late.cookie);
    expect(after.status).toBe(200);
    expect(after.body.STEPS).toEqual([expect.objectContaining({ periodStart: `${day}T00:00:00`, value: 650 })]);
    expect(after.headers.get('etag')).toMatch(ETAG);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await read(query, { 'if-none-match': after.headers.get('etag')! }, late.cookie)).status).toBe(304);
  });

  // The proxy's security headers (lib/security/headers.ts) decide the Cache-Control that leaves the
  // server; this is what the handler asks for.
  it('asks for private, revalidated caching of a complete period and no storing of any other', async () => {
    const scope = await ownScope({ id: patient.id, role: 'PATIENT' });
    const at = (query: string, headers: Record<string, string> = {}) => aggregatesResponse(new NextRequest(`http://localhost/api/v1/users/me/aggregates${query}`, { headers }), scope);
    const complete = await at(past);
    expect(complete.headers.get('cache-control')).toBe('private, no-cache');
    const notModified = await at(past, { 'if-none-match': complete.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-control')).toBe('private, no-cache');
    expect((await at('?types=ACTIVE_ENERGY&period=day')).headers.get('cache-control')).toBe('no-store');
  });
});
