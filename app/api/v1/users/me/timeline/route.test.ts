// Integration: GET /api/v1/users/me/timeline — events and notable readings merged newest first, with
// keyset pagination that neither skips nor repeats items (ties on the same instant included).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { newEventRow } from '@/lib/data/event-fields';
import type { TimelineItem, TimelinePage } from '@/lib/data/timeline';
import { createDevice, createSignedInUser, syncSamples, setDisplayName } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: SignedIn;
let caregiver: SignedIn;
let stranger: SignedIn;

const get = (query = '', cookie = patient.cookie) => api<TimelinePage>(`/api/v1/users/me/timeline${query}`, { cookie });
const entry = (json: Record<string, unknown>, cookie = patient.cookie) => api('/api/v1/users/me/entries', { json, cookie });
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 18, hour, minute)).toISOString();
const summary = (items: TimelineItem[]) => items.map((i) => `${i.at.slice(11, 16)} ${i.kind}`);

async function walk(limit: number): Promise<{ pages: number; items: TimelineItem[] }> {
  const items: TimelineItem[] = [];
  let before: string | null = null;
  let pages = 0;
  do {
    const res = await get(`?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    before = res.body.nextBefore;
    if (++pages > 50) throw new Error('pagination does not end');
  } while (before);
  return { pages, items };
}

beforeAll(async () => {
  [patient, caregiver, stranger] = await Promise.all([createSignedInUser(), createSignedInUser({ role: 'CAREGIVER' }), createSignedInUser()]);
  await setDisplayName(caregiver.id, 'Chris Carer');
  await prisma.careRelationship.create({ data: { patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER', canLogData: true } });

  // A watch (heart rate, steps: not on the timeline) and a cuff (blood pressure: on it).
  const watch = await createDevice(patient.id, 'watch', 'Watch');
  await syncSamples(watch, [
    { type: 'HEART_RATE', value: 61, unit: 'count/min', startDate: at(6, 5), endDate: at(6, 5) },
    { type: 'HEART_RATE', value: 64, unit: 'count/min', startDate: at(9, 5), endDate: at(9, 5) },
    { type: 'STEPS', value: 300, unit: 'count', startDate: at(9), endDate: at(9, 30) },
  ]);
  const cuff = await createDevice(patient.id, 'bp_monitor', 'Omron cuff');
  await syncSamples(cuff, [
    { type: 'BLOOD_PRESSURE_SYSTOLIC', value: 131, unit: 'mmHg', startDate: at(7), endDate: at(7) },
    { type: 'BLOOD_PRESSURE_DIASTOLIC', value: 84, unit: 'mmHg', startDate: at(7), endDate: at(7) },
  ]);

  for (const body of [
    { kind: 'glucose', value: 6.1, unit: 'mmol/L', mealContext: 'fasting', at: at(6) },
    { kind: 'mood', score: 4, note: 'Rested', at: at(8) },
    { kind: 'weight', value: 176, unit: 'lb', at: at(6, 30) },
    { kind: 'medication', name: 'Metformin', dose: '500 mg', at: at(8, 30) },
    { kind: 'blood_pressure', systolic: 122, diastolic: 79, at: at(10) },
  ]) {
    expect((await entry(body)).status).toBe(201);
  }
  const byCarer = await api(`/api/v1/patients/${patient.id}/entries`, { json: { kind: 'note', text: 'Walked together', at: at(11) }, cookie: caregiver.cookie });
  expect(byCarer.status).toBe(201);
  const carerReading = await api(`/api/v1/patients/${patient.id}/entries`, { json: { kind: 'glucose', value: 140, unit: 'mg/dL', mealContext: 'after_lunch', at: at(11, 30) }, cookie: caregiver.cookie });
  expect(carerReading.status).toBe(201);

  // A corrected event: only the correction shows.
  const wrong = await prisma.healthEvent.create({ data: await newEventRow({ userId: patient.id, kind: 'SYMPTOM', occurredAt: new Date(at(12)), payload: { name: 'Headake', severity: 2 }, recordedById: patient.id }) });
  await prisma.healthEvent.create({ data: await newEventRow({ userId: patient.id, kind: 'SYMPTOM', occurredAt: new Date(at(12)), payload: { name: 'Headache', severity: 2 }, recordedById: patient.id, supersedesId: wrong.id }) });

  // Someone else's data never shows.
  expect((await entry({ kind: 'note', text: 'not yours', at: at(9) }, stranger.cookie)).status).toBe(201);
});

describe('GET /api/v1/users/me/timeline', () => {
  it('merges events and notable readings, newest first, without heart rate or steps', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(summary(res.body.items)).toEqual([
      '12:00 symptom',
      '11:30 glucose',
      '11:00 note',
      '10:00 blood_pressure',
      '08:30 medication',
      '08:00 mood',
      '07:00 blood_pressure',
      '06:30 weight',
      '06:00 glucose',
    ]);
    expect(res.body.nextBefore).toBeNull();
  });

  it('returns canonical values, the meal context, blood pressure as one item, and where each came from', async () => {
    const { items } = (await get()).body;
    const find = <K extends TimelineItem['kind']>(kind: K, time: string) => items.find((i) => i.kind === kind && i.at === time) as Extract<TimelineItem, { kind: K }>;

    const glucose = find('glucose', at(6));
    expect(glucose).toMatchObject({ unit: 'mg/dL', mealContext: 'fasting', source: { deviceName: 'Manual entry', deviceType: 'manual', manual: true, enteredBy: { id: patient.id, self: true } } });
    expect(glucose.value).toBeCloseTo(6.1 * 18.0156, 6);
    expect(find('weight', at(6, 30)).value).toBeCloseTo(176 * 0.45359237, 6);

    expect(find('blood_pressure', at(7))).toMatchObject({ systolic: 131, diastolic: 84, unit: 'mmHg', source: { deviceName: 'Omron cuff', manual: false, enteredBy: null } });
    expect(find('blood_pressure', at(10))).toMatchObject({ systolic: 122, diastolic: 79, source: { manual: true } });

    expect(find('mood', at(8))).toMatchObject({ score: 4, note: 'Rested', recordedBy: { id: patient.id, self: true } });
    expect(find('medication', at(8, 30))).toMatchObject({ name: 'Metformin', dose: '500 mg' });
    expect(find('note', at(11))).toMatchObject({ text: 'Walked together', recordedBy: { id: caregiver.id, name: 'Chris Carer', self: false } });
    expect(find('glucose', at(11, 30)).source.enteredBy).toEqual({ id: caregiver.id, name: 'Chris Carer', self: false });
    expect(find('symptom', at(12))).toMatchObject({ name: 'Headache', severity: 2 });
  });

  it('pages through everything with any page size, never skipping or repeating', async () => {
    const all = (await get('?limit=100')).body.items;
    for (const limit of [1, 2, 4]) {
      const { pages, items } = await walk(limit);
      expect(items).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
  });

  it('keeps items sharing one instant apart across pages', async () => {
    const crowd = await createSignedInUser();
    const when = at(15);
    for (const body of [
      { kind: 'note', text: 'a', at: when },
      { kind: 'note', text: 'b', at: when },
      { kind: 'mood', score: 3, at: when },
      { kind: 'weight', value: 70, unit: 'kg', at: when },
      { kind: 'glucose', value: 100, unit: 'mg/dL', mealContext: 'random', at: when },
    ]) {
      expect((await entry(body, crowd.cookie)).status).toBe(201);
    }
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const res = await get(`?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`, crowd.cookie);
      seen.push(...res.body.items.map((i) => `${i.kind}:${i.id}`));
      before = res.body.nextBefore;
    } while (before);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('accepts an ISO instant as "before"', async () => {
    const res = await get(`?before=${encodeURIComponent('2026-11-18T08:00:00Z')}`);
    expect(res.status).toBe(200);
    expect(summary(res.body.items)).toEqual(['07:00 blood_pressure', '06:30 weight', '06:00 glucose']);
  });

  it('shows an empty page to a patient with nothing yet', async () => {
    const fresh = await createSignedInUser();
    expect((await get('', fresh.cookie)).body).toEqual({ items: [], nextBefore: null });
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=abc', 'limit'],
    ['?before=not-a-cursor', 'before'],
    [`?before=${Buffer.from(JSON.stringify([1, "s:1' OR 1=1"])).toString('base64url')}`, 'before'],
    ['?before=2026-11-18T08:00:00', 'before'],
    ['?before=0000-01-01T00:00:00Z', 'before'],
    ['?before=9999-01-01T00:00:00Z', 'before'],
    [`?before=${Buffer.from(JSON.stringify([-8.64e15, 'e:00000000-0000-0000-0000-000000000000'])).toString('base64url')}`, 'before'],
  ])('answers 422 to %s', async (query, field) => {
    const res = await get(query);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION_ERROR', details: [{ field }] } });
  });

  it('answers 401 to an anonymous caller and 403 to a caregiver', async () => {
    expect((await api('/api/v1/users/me/timeline')).status).toBe(401);
    expect((await get('', caregiver.cookie)).status).toBe(403);
  });
});

describe('GET /api/v1/users/me/timeline: insulin and carbs', () => {
  it('shows each dose once with its kind and source, even when two uploaders relay it', async () => {
    const pwd = await createSignedInUser();
    // Two apps posting the same pump's treatments (as xDrip+ and AndroidAPS do to one Nightscout site).
    const aaps = await createDevice(pwd.id, 'phone', 'AndroidAPS');
    const xdrip = await createDevice(pwd.id, 'cgm', 'xDrip+');
    const dose = (time: string, value: number, category?: string, end = time) => ({
      type: 'INSULIN', value, unit: 'U', startDate: time, endDate: end, ...(category ? { category } : {}),
    });
    const carbs = (time: string, value: number) => ({ type: 'CARBOHYDRATES', value, unit: 'g', startDate: time, endDate: time });
    await syncSamples(aaps, [
      dose(at(8), 4.5, 'bolus'),
      carbs(at(8), 45),
      dose(at(9), 0.8, 'temp_basal', at(9, 30)),
      dose(at(10), 0.3, 'smb'),
    ]);
    await syncSamples(xdrip, [
      { ...dose(at(8), 4.5, 'bolus'), startDate: '2026-11-18T08:00:20.000Z', endDate: '2026-11-18T08:00:20.000Z' }, // relayed copy
      { ...carbs(at(8), 45), startDate: '2026-11-18T08:00:30.000Z', endDate: '2026-11-18T08:00:30.000Z' }, // relayed copy
      dose(at(9), 0.8, 'bolus'), // a bolus beside the temp basal of equal units: another delivery
      dose(at(11), 2), // kind not given
    ]);

    const { items } = (await get('?limit=100', pwd.cookie)).body;
    expect(items.map((i) => `${i.at.slice(11, 19)} ${i.kind} ${i.kind === 'insulin' ? `${i.value} ${i.insulinKind}` : i.kind === 'carbs' ? i.value : ''}`)).toEqual([
      '11:00:00 insulin 2 null',
      '10:00:00 insulin 0.3 smb',
      '09:00:00 insulin 0.8 bolus', // at one instant, the later-stored sample first
      '09:00:00 insulin 0.8 temp_basal',
      '08:00:00 carbs 45',
      '08:00:00 insulin 4.5 bolus',
    ]);
    const tempBasal = items.find((i) => i.kind === 'insulin' && i.insulinKind === 'temp_basal');
    expect(tempBasal).toMatchObject({ unit: '[iU]', endAt: at(9, 30), source: { deviceName: 'AndroidAPS', deviceType: 'phone', manual: false } });
    expect(items.find((i) => i.kind === 'insulin' && i.at === at(8))).toMatchObject({ endAt: null, source: { deviceName: 'AndroidAPS' } });
    expect(items.find((i) => i.kind === 'carbs')).toMatchObject({ unit: 'g', source: { deviceName: 'AndroidAPS' } });

    // Ranking the CGM app first for insulin shows its copy instead: still one bolus.
    await prisma.deviceTypePriority.create({ data: { deviceId: xdrip.id, healthType: 'INSULIN', priority: 90 } });
    const boluses = (await get('?limit=100', pwd.cookie)).body.items.filter((i) => i.kind === 'insulin' && i.insulinKind === 'bolus' && i.value === 4.5);
    expect(boluses).toHaveLength(1);
    expect(boluses[0]).toMatchObject({ at: '2026-11-18T08:00:20.000Z', source: { deviceName: 'xDrip+' } });
  });
});
