// Integration: GET/PATCH /api/v1/users/me/settings. Units and names are plain updates; a time zone change
// re-labels the user's local days, so it marks the whole history dirty (in the same transaction) and the
// pipeline recomputes every aggregate in the new zone.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { updateSettings } from '@/lib/data/settings';
import { createDevice, createSignedInUser, syncSamples, waitForPipeline } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let user: SignedIn;

const get = (cookie = user.cookie) => api('/api/v1/users/me/settings', { cookie });
const patch = (json: unknown, cookie = user.cookie) => api('/api/v1/users/me/settings', { method: 'PATCH', json, cookie });
const hr = (startDate: string) => ({ type: 'HEART_RATE', value: 60, unit: 'count/min', startDate, endDate: startDate });
const dayLabels = async (userId: string) =>
  (await prisma.healthAggregate.findMany({ where: { userId, type: 'HEART_RATE', period: 'DAY' }, orderBy: { periodStart: 'asc' } })).map((a) => a.periodStart.toISOString().slice(0, 10));

beforeAll(async () => {
  user = await createSignedInUser();
});

describe('GET and PATCH', () => {
  it('shows the defaults', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email: user.email, displayName: 'Test User', timeZone: 'UTC', units: { glucose: 'mg/dL', weight: 'kg', distance: 'km', temperature: '°C' }, language: null });
  });

  it('changes units one at a time or together, and the name', async () => {
    expect((await patch({ units: { glucose: 'mmol/L' } })).body.units).toEqual({ glucose: 'mmol/L', weight: 'kg', distance: 'km', temperature: '°C' });
    const res = await patch({ displayName: '  Alex M.  ', units: { weight: 'lb', distance: 'mi', temperature: '°F' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: 'Alex M.', units: { glucose: 'mmol/L', weight: 'lb', distance: 'mi', temperature: '°F' } });
    expect((await get()).body).toEqual(res.body);
    const prefs = await prisma.userPreferences.findUniqueOrThrow({ where: { userId: user.id } });
    expect(prefs).toMatchObject({ glucoseUnit: 'MMOL_L', weightUnit: 'LB', distanceUnit: 'MI', temperatureUnit: 'FAHRENHEIT' });
  });

  it('changes the language, keeps it for messages, and remembers it in this browser (cookie)', async () => {
    const res = await patch({ language: 'ta' });
    expect(res.status).toBe(200);
    expect(res.body.language).toBe('ta');
    expect(res.headers.get('set-cookie')).toMatch(/^pulse-locale=ta;.*Path=\/.*SameSite=lax/i);
    expect((await prisma.userPreferences.findUniqueOrThrow({ where: { userId: user.id } })).language).toBe('ta');
    expect((await get()).body.language).toBe('ta');
    const refused = await patch({ language: 'fr' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: 'language' });
    expect(refused.body.error.details[0].reason).toMatch(/en, hi, ta, te, bn, mr, gu/);
    expect((await get()).body.language).toBe('ta');
    expect((await patch({ language: 'en' })).body.language).toBe('en');
  });

  it("stores Intl's spelling of a zone given in another case", async () => {
    const res = await patch({ timeZone: 'america/new_york' });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/New_York');
    expect((await api('/api/v1/users/me', { cookie: user.cookie })).body.timeZone).toBe('America/New_York');
  });

  it('works for doctors and caregivers too', async () => {
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    expect((await patch({ timeZone: 'Europe/Paris', units: { glucose: 'mmol/L' } }, doctor.cookie)).status).toBe(200);
    expect((await get(doctor.cookie)).body).toMatchObject({ timeZone: 'Europe/Paris', units: { glucose: 'mmol/L' } });
  });

  it.each([
    [{}, '(body)'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '' }, 'timeZone'],
    [{ timeZone: 42 }, 'timeZone'],
    [{ units: { glucose: 'mmol' } }, 'units.glucose'],
    [{ units: { temperature: 'K' } }, 'units.temperature'],
    [{ units: { energy: 'kJ' } }, 'units'],
    [{ displayName: '   ' }, 'displayName'],
    [{ displayName: 'x'.repeat(101) }, 'displayName'],
    [{ displayName: 'a\u0000b' }, 'displayName'],
    [{ displayName: 'a\ud800' }, 'displayName'],
    [{ email: 'someone@else.example' }, '(body)'],
  ])('answers 422 to %j naming %s', async (body, field) => {
    const res = await patch(body);
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 401 to an anonymous caller', async () => {
    expect((await api('/api/v1/users/me/settings')).status).toBe(401);
    expect((await api('/api/v1/users/me/settings', { method: 'PATCH', json: { timeZone: 'UTC' } })).status).toBe(401);
  });
});

describe('a time zone change recomputes the history in the new zone', () => {
  it('marks every type dirty over the days of both zones, in the same transaction as the change', async () => {
    const patient = await createSignedInUser({ timeZone: 'UTC' });
    const watch = await createDevice(patient.id, 'watch');
    const since = new Date();
    await syncSamples(watch, [hr('2026-11-12T05:00:00Z'), hr('2026-11-14T05:00:00Z'), { type: 'STEPS', value: 10, unit: 'count', startDate: '2026-11-13T12:00:00Z', endDate: '2026-11-13T12:10:00Z' }]);
    await waitForPipeline(patient.id, since);

    // UTC days 11-12..11-14; in Pago Pago (UTC−11) the same instants fall on 11-11..11-13.
    const result = await updateSettings(patient.id, { timeZone: 'Pacific/Pago_Pago' });
    expect(result).toMatchObject({ historyMarkedDirty: true, settings: { timeZone: 'Pacific/Pago_Pago' } });
    const ranges = await prisma.dirtyRange.findMany({ where: { userId: patient.id }, orderBy: { type: 'asc' } });
    expect(ranges.map((r) => [r.type, r.dayFrom.toISOString().slice(0, 10), r.dayTo.toISOString().slice(0, 10)])).toEqual([
      ['STEPS', '2026-11-13', '2026-11-13'],
      ['HEART_RATE', '2026-11-11', '2026-11-14'],
    ]);
  });

  it('re-labels the aggregates once the pipeline has run (started by the PATCH)', async () => {
    const patient = await createSignedInUser({ timeZone: 'UTC' });
    const watch = await createDevice(patient.id, 'watch');
    let since = new Date();
    await syncSamples(watch, [hr('2026-11-12T23:30:00Z')]);
    await waitForPipeline(patient.id, since);
    expect(await dayLabels(patient.id)).toEqual(['2026-11-12']);

    since = new Date();
    const res = await patch({ timeZone: 'Europe/Berlin' }, patient.cookie);
    expect(res.status).toBe(200);
    await waitForPipeline(patient.id, since);
    expect(await dayLabels(patient.id)).toEqual(['2026-11-13']); // 00:30 in Berlin
    const hours = await prisma.healthAggregate.findMany({ where: { userId: patient.id, type: 'HEART_RATE', period: 'HOUR' } });
    expect(hours.map((h) => h.periodStart.toISOString())).toEqual(['2026-11-13T00:00:00.000Z']);
  });

  it('marks nothing when the zone does not change or the user has no samples', async () => {
    const patient = await createSignedInUser({ timeZone: 'Asia/Tokyo' });
    const watch = await createDevice(patient.id, 'watch');
    const since = new Date();
    await syncSamples(watch, [hr('2026-11-12T05:00:00Z')]);
    await waitForPipeline(patient.id, since);
    expect(await updateSettings(patient.id, { timeZone: 'Asia/Tokyo', displayName: 'Same zone' })).toMatchObject({ historyMarkedDirty: false });
    expect(await prisma.dirtyRange.count({ where: { userId: patient.id } })).toBe(0);

    const empty = await createSignedInUser();
    expect(await updateSettings(empty.id, { timeZone: 'Asia/Tokyo' })).toMatchObject({ historyMarkedDirty: false });
  });
});
