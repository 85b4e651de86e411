// Integration: GET /api/v1/users/me/aggregates and /users/me/summary against the real server and
// PostgreSQL. The pipeline that fills health_aggregates is not built yet, so rows are inserted directly;
// period_start is the local wall-clock label in the patient's zone.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@/lib/time';
import { createAggregate, createSignedInUser } from '@/test/factories';
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
