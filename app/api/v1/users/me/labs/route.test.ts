// Integration: GET | POST /api/v1/users/me/labs and /api/v1/patients/:patientId/labs — lab results entered
// by the patient or their linked doctor (caregivers with view permission read only; other carers 404; the
// wrong role 403), validated with the field named, stored in the lab's canonical unit with the note
// encrypted, listed newest first with low/high flags from the result's range or the standard one, and each
// HbA1c beside the GMI of the 90 days before it when CGM readings cover at least 10 of them.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { gmiCoverageNote } from '@/lib/format/labs';
import { createDevice, createSignedInUser, linkCare, syncSamples } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
const own = '/api/v1/users/me/labs';
const of = (id: string) => `/api/v1/patients/${id}/labs`;

describe('lab results', () => {
  let patient: SignedIn;
  let doctor: SignedIn;
  let otherDoctor: SignedIn;
  let caregiver: SignedIn;
  let blindCaregiver: SignedIn;

  beforeAll(async () => {
    [patient, doctor, otherDoctor, caregiver, blindCaregiver] = await Promise.all([
      createSignedInUser({ timeZone: 'UTC' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'DOCTOR' }),
      createSignedInUser({ role: 'CAREGIVER' }),
      createSignedInUser({ role: 'CAREGIVER' }),
    ]);
    await linkCare({ patientId: patient.id, carerId: doctor.id, kind: 'DOCTOR' });
    await linkCare({ patientId: patient.id, carerId: caregiver.id, kind: 'CAREGIVER' });
    await linkCare({ patientId: patient.id, carerId: blindCaregiver.id, kind: 'CAREGIVER', canView: false });
  });

  it('the patient enters an HbA1c in mmol/mol: stored in %, flagged high from the standard range, the note encrypted', async () => {
    const res = await api(own, { json: { code: '4548-4', value: 53, unit: 'mmol/mol', effectiveAt: '2026-03-10T08:30:00+01:00', note: 'fasting, lab at the clinic' }, cookie: patient.cookie });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: '4548-4', display: 'HbA1c', lab: 'hba1c', unit: '%', referenceRange: { low: 4, high: 5.6 }, rangeSource: 'standard', flag: 'high',
      effectiveAt: '2026-03-10T07:30:00.000Z', source: 'app', recordedById: patient.id, note: 'fasting, lab at the clinic',
    });
    expect(res.body.value).toBeCloseTo(53 / 10.929 + 2.15, 2); // 7.0 %
    const row = await prisma.labResult.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.note).not.toContain('fasting');
    // The same code at the same time again is a conflict, not a second row.
    const again = await api(own, { json: { code: '4548-4', value: 7, effectiveAt: '2026-03-10T07:30:00Z' }, cookie: patient.cookie });
    expect(again.status).toBe(409);
  });

  it('refuses bad input with the field named, storing nothing', async () => {
    const before = await prisma.labResult.count({ where: { userId: patient.id } });
    const at = '2026-03-11T08:00:00Z';
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ code: '4548-5', value: 7, effectiveAt: at }, 'code', /check digit/],
      [{ code: '4548-4', value: 7, unit: 'g/dL', effectiveAt: at }, 'unit', /not accepted for HbA1c \(accepted: %, mmol\/mol\)/],
      [{ code: '4548-4', value: 70, unit: '%', effectiveAt: at }, 'value', /between 3 and 20 %/],
      [{ code: '4548-4', value: 'high', effectiveAt: at }, 'value', /number/],
      [{ code: '4548-4', value: 7, effectiveAt: '2099-01-01T00:00:00Z' }, 'effectiveAt', /future/],
      [{ code: '4548-4', value: 7, effectiveAt: '2026-03-11T08:00:00' }, 'effectiveAt', /offset/],
      [{ code: '2951-2', value: 140, unit: 'mmol/L', effectiveAt: at }, 'display', /required/],
      [{ code: '2951-2', value: 140, display: 'Sodium', effectiveAt: at }, 'unit', /required/],
      [{ code: '2093-3', value: 190, referenceLow: 200, referenceHigh: 100, effectiveAt: at }, 'referenceLow', /above referenceHigh/],
    ];
    for (const [json, field, reason] of cases) {
      const res = await api(own, { json, cookie: patient.cookie });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.details, JSON.stringify(json)).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
    }
    expect((await api(own, { json: { code: '4548-4', value: 7, effectiveAt: at, extra: 1 }, cookie: patient.cookie })).status).toBe(422);
    expect(await prisma.labResult.count({ where: { userId: patient.id } })).toBe(before);
  });

  it('a linked doctor enters and reads; a caregiver with view reads only; others get 404, the wrong role 403', async () => {
    const lipids = [
      { code: '2093-3', value: 5.8, unit: 'mmol/L', effectiveAt: '2026-04-02T07:00:00Z' }, // 224 mg/dL: high
      { code: '2085-9', value: 35, unit: 'mg/dL', effectiveAt: '2026-04-02T07:00:00Z' }, // HDL below 40: low
      { code: '18262-6', value: 96, effectiveAt: '2026-04-02T07:00:00Z' }, // LDL in range, canonical unit by default
      // A lab the product does not know, with the range its source printed.
      { code: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', value: 131, unit: 'mmol/L', referenceLow: 136, referenceHigh: 145, effectiveAt: '2026-04-02T07:00:00Z' },
    ];
    for (const json of lipids) expect((await api(of(patient.id), { json, cookie: doctor.cookie })).status).toBe(201);
    const byDoctor = await api(of(patient.id), { cookie: doctor.cookie });
    expect(byDoctor.status).toBe(200);
    const april = byDoctor.body.results.filter((r: { effectiveAt: string }) => r.effectiveAt.startsWith('2026-04-02'));
    expect(april.map((r: { code: string; value: number; unit: string; flag: string | null; rangeSource: string; recordedById: string }) => [r.code, r.value, r.unit, r.flag, r.rangeSource, r.recordedById])).toEqual([
      ['18262-6', 96, 'mg/dL', null, 'standard', doctor.id],
      ['2085-9', 35, 'mg/dL', 'low', 'standard', doctor.id],
      ['2093-3', 224.3, 'mg/dL', 'high', 'standard', doctor.id],
      ['2951-2', 131, 'mmol/L', 'low', 'source', doctor.id],
    ]);
    // Newest first.
    const times = byDoctor.body.results.map((r: { effectiveAt: string }) => r.effectiveAt);
    expect([...times].sort().reverse()).toEqual(times);

    const byCaregiver = await api(of(patient.id), { cookie: caregiver.cookie });
    expect(byCaregiver.status).toBe(200);
    expect(byCaregiver.body.results).toHaveLength(byDoctor.body.results.length);
    expect((await api(of(patient.id), { json: lipids[0], cookie: caregiver.cookie })).status).toBe(403);
    expect((await api(of(patient.id), { cookie: blindCaregiver.cookie })).status).toBe(404);
    expect((await api(of(patient.id), { cookie: otherDoctor.cookie })).status).toBe(404);
    expect((await api(of(patient.id), { json: { ...lipids[0], effectiveAt: '2026-04-03T07:00:00Z' }, cookie: otherDoctor.cookie })).status).toBe(404);
    expect((await api(of(patient.id), { cookie: patient.cookie })).status).toBe(403);
    expect((await api(own, { cookie: doctor.cookie })).status).toBe(403);
    expect((await api(own)).status).toBe(401);
  });

  it('filters by code (aliases included) and by the patient’s local days', async () => {
    const hdl = await api(`${own}?code=2085-9`, { cookie: patient.cookie });
    expect(hdl.body.results.map((r: { code: string }) => r.code)).toEqual(['2085-9']);
    const march = await api(`${own}?from=2026-03-01&to=2026-03-31`, { cookie: patient.cookie });
    expect(march.body.results.map((r: { code: string }) => r.code)).toEqual(['4548-4']);
    expect((await api(`${own}?code=abc`, { cookie: patient.cookie })).status).toBe(422);

    // The timeline shows every result with its flag, paged on the same keys as the other items.
    const page1 = await api(`/api/v1/users/me/timeline?limit=3`, { cookie: patient.cookie });
    const page2 = await api(`/api/v1/users/me/timeline?limit=3&before=${page1.body.nextBefore}`, { cookie: patient.cookie });
    const labs = [...page1.body.items, ...page2.body.items].filter((i: { kind: string }) => i.kind === 'lab');
    expect(labs.map((i: { at: string }) => i.at)).toEqual([...Array(4).fill('2026-04-02T07:00:00.000Z'), '2026-03-10T07:30:00.000Z']);
    expect(labs.map((i: { code: string; flag: string | null; recordedBy: { id: string } | null }) => [i.code, i.flag, i.recordedBy?.id]).sort()).toEqual([
      ['18262-6', null, doctor.id], ['2085-9', 'low', doctor.id], ['2093-3', 'high', doctor.id], ['2951-2', 'low', doctor.id], ['4548-4', 'high', patient.id],
    ]);
    expect((await api(`${own}?from=2026-04-01&to=2026-03-01`, { cookie: patient.cookie })).status).toBe(422);
  });

  it('answers each HbA1c beside the GMI of the 90 days before it, only when CGM covers at least 10 of them', async () => {
    const user = await createSignedInUser({ timeZone: 'UTC' });
    const cgm = await createDevice(user.id, 'cgm', 'Sensor');
    // 12 days of 5-minute CGM readings at a constant 154 mg/dL (GMI 3.31 + 0.02392 × 154 = 6.99 %), in June.
    const start = Date.UTC(2026, 5, 1, 0, 2, 30);
    const readings = Array.from({ length: 12 * 288 }, (_, i) => {
      const at = new Date(start + i * 300_000).toISOString();
      return { type: 'BLOOD_GLUCOSE', value: 154, unit: 'mg/dL', startDate: at, endDate: at };
    });
    for (let i = 0; i < readings.length; i += 2000) await syncSamples(cgm, readings.slice(i, i + 2000));
    for (const json of [
      { code: '4548-4', value: 7.2, effectiveAt: '2026-06-20T08:00:00Z' }, // 90 days before: 12 days of CGM
      { code: '4548-4', value: 7.6, effectiveAt: '2026-06-06T08:00:00Z' }, // 90 days before: 5 days of CGM
    ]) expect((await api(own, { json, cookie: user.cookie })).status).toBe(201);

    const res = await api(`${own}?code=4548-4`, { cookie: user.cookie });
    const [june20, june6] = res.body.results;
    expect(june20.gmi).toEqual({ from: '2026-03-22', to: '2026-06-19', gmi: 7, meanMgdl: 154, coveredDays: 12, activePercent: 13.3, windowDays: 90, minCoveredDays: 10, reason: null });
    expect(june6.gmi).toMatchObject({ from: '2026-03-08', to: '2026-06-05', gmi: null, meanMgdl: null, coveredDays: 5 });
    expect(june6.gmi.reason).toBe('CGM readings cover 5 of the 90 days before this HbA1c; a GMI needs at least 10 days of readings.');
    expect(gmiCoverageNote(june6.gmi, 'en')).toBe(june6.gmi.reason); // the page words it from the same numbers

    // The FHIR export of June carries both HbA1c results as laboratory Observations and the HL7 CGM guide's
    // summary of the period (time in target 97510-2: all 154 mg/dL, so 100 %; GMI 97506-0).
    const exported = await api(`/api/v1/users/me/export?format=fhir&types=BLOOD_GLUCOSE&from=2026-06-01&to=2026-06-30`, { cookie: user.cookie });
    expect(exported.status).toBe(200);
    const resources = (typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body).entry.map((e: { resource: Record<string, unknown> }) => e.resource);
    const coded = (code: string) => resources.filter((r: { code?: { coding?: { code: string }[] } }) => r.code?.coding?.some((c) => c.code === code));
    expect(coded('4548-4').map((r: { valueQuantity: { value: number } }) => r.valueQuantity.value).sort()).toEqual([7.2, 7.6]);
    expect(coded('106793-3')[0].component.find((c: { code: { coding: { code: string }[] } }) => c.code.coding[0]!.code === '97510-2').valueQuantity.value).toBe(100);
    expect(coded('97506-0')[0].valueQuantity.value).toBe(7);
    expect(coded('97507-8')[0].valueQuantity.value).toBe(154);
  }, 120_000);
});
