import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFhir, parseFhirResource } from './fhir';
import { buildFhirBundle, fhirBundleJson, type ExportSample } from './fhir-export';

const ROOT = path.join(import.meta.dirname, 'fixtures/fhir-r4');
const NOW = Date.UTC(2026, 0, 1);
const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);

// What the fixtures' README says each example must become: samples [type, canonical value, start], or
// a skip / rejection whose reason mentions the given text.
const EXPECTED: Record<string, { samples: [string, number, number][] } | { skipped: string } | { rejected: string }> = {
  'observation-example.json': { samples: [['WEIGHT', 185 * 0.45359237, noon('2016-03-28')]] },
  'observation-example-bloodpressure.json': { samples: [['BLOOD_PRESSURE_SYSTOLIC', 107, noon('2012-09-17')], ['BLOOD_PRESSURE_DIASTOLIC', 60, noon('2012-09-17')]] },
  'observation-example-body-temperature.json': { samples: [['BODY_TEMPERATURE', 36.5, noon('1999-07-02')]] },
  'observation-example-f001-glucose.json': { samples: [['BLOOD_GLUCOSE', 6.3 * 18.0156, Date.parse('2013-04-02T09:30:10+01:00')]] },
  'observation-example-heart-rate.json': { samples: [['HEART_RATE', 44, noon('1999-07-02')]] },
  'observation-example-respiratory-rate.json': { samples: [['RESPIRATORY_RATE', 26, noon('1999-07-02')]] },
  'observation-example-satO2.json': { samples: [['OXYGEN_SATURATION', 95, Date.parse('2014-12-05T09:30:10+01:00')]] },
  'observation-example-unsat.json': { skipped: "status 'cancelled'" },
  'observation-example-bgpanel.json': { rejected: 'hasMember' },
  'observation-example-bmi.json': { samples: [['BMI', 16.2, noon('1999-07-02')]] },
  'observation-example-eye-color.json': { rejected: "the Observation: 'eye color' (no LOINC coding): only LOINC-coded results are kept" },
  'observation-example-sample-data.json': { rejected: 'component 1: code urn:oid:2.16.840.1.113883.6.24|131329 (no LOINC coding): only LOINC-coded results are kept' },
};

const files = readdirSync(ROOT).filter((f) => f.endsWith('.json'));

describe('FHIR R4 fixtures', () => {
  it('has an expectation for every fixture in the folder', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s behaves as the README says', (file) => {
    const result = parseFhirResource(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')), NOW);
    const expected = EXPECTED[file];
    if (expected && 'samples' in expected) {
      expect(result.status, JSON.stringify(result)).toBe('accepted');
      const got = result.status === 'accepted' ? result.samples.map((s) => [s.type, s.value, s.startMs]) : [];
      expect(got).toHaveLength(expected.samples.length);
      expected.samples.forEach(([type, value, start], i) => {
        expect(got[i]?.[0]).toBe(type);
        expect(got[i]?.[1]).toBeCloseTo(value, 6);
        expect(got[i]?.[2]).toBe(start);
      });
    } else if (expected && 'skipped' in expected) {
      expect(result).toEqual({ status: 'skipped', reason: expect.stringContaining(expected.skipped) });
    } else {
      expect(result).toEqual({ status: 'rejected', reason: expect.stringContaining(expected?.rejected ?? '?') });
    }
  });
});

describe('parseFhir', () => {
  const hr = (id: string, status = 'final') => ({
    resourceType: 'Observation', id, status,
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    effectiveDateTime: '2024-01-02T08:03:00+01:00',
    valueQuantity: { value: 61, unit: 'beats/minute', system: 'http://unitsofmeasure.org', code: '/min' },
  });

  it('reads a Bundle entry by entry, skipping entered-in-error and non-Observations', () => {
    const report = parseFhir({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: hr('a') }, { resource: hr('b', 'entered-in-error') }, { resource: { resourceType: 'Patient' } }, {}] }, NOW);
    expect(report.samples.map((s) => [s.type, s.value, s.clientRecordId, s.startMs])).toEqual([['HEART_RATE', 61, 'fhir:a', Date.UTC(2024, 0, 2, 7, 3)]]);
    expect(report.skipped).toEqual([{ index: 1, reason: "status 'entered-in-error': not a measurement" }, { index: 2, reason: 'Patient is not an Observation' }]);
    expect(report.rejected).toEqual([{ index: 3, reason: 'a resource must be a JSON object' }]);
  });

  it('rejects a unit the type does not accept, a date-time without offset, a vague date and a bound', () => {
    const badUnit = { ...hr('c'), valueQuantity: { value: 61, system: 'http://unitsofmeasure.org', code: 'kg' } };
    expect(parseFhirResource(badUnit, NOW)).toEqual({ status: 'rejected', reason: expect.stringContaining("unit 'kg' is not accepted for HEART_RATE") });
    expect(parseFhirResource({ ...hr('d'), effectiveDateTime: '2024-01-02T08:03:00' }, NOW).status).toBe('rejected');
    expect(parseFhirResource({ ...hr('e'), effectiveDateTime: '2024-01' }, NOW)).toEqual({ status: 'rejected', reason: expect.stringContaining('too vague') });
    const bound = { ...hr('f'), valueQuantity: { value: 40, comparator: '<', system: 'http://unitsofmeasure.org', code: '/min' } };
    expect(parseFhirResource(bound, NOW)).toEqual({ status: 'rejected', reason: "the Observation: LOINC 8867-4 is a bound ('<'), not an exact reading" });
  });
});

describe('FHIR export', () => {
  const at = (iso: string) => Date.parse(iso);
  const samples: ExportSample[] = [
    { id: 's1', type: 'HEART_RATE', startMs: at('2024-03-01T08:00:00.250Z'), endMs: at('2024-03-01T08:00:00.250Z'), value: 62.5 },
    { id: 's2', type: 'BLOOD_PRESSURE_SYSTOLIC', startMs: at('2024-03-01T08:05:00Z'), endMs: at('2024-03-01T08:05:30Z'), value: 121 },
    { id: 's3', type: 'BLOOD_PRESSURE_DIASTOLIC', startMs: at('2024-03-01T08:05:00Z'), endMs: at('2024-03-01T08:05:30Z'), value: 79 },
    { id: 's4', type: 'STEPS', startMs: at('2024-03-01T09:00:00Z'), endMs: at('2024-03-01T10:00:00Z'), value: 1234 },
    { id: 's5', type: 'WEIGHT', startMs: at('2024-03-01T07:00:00Z'), endMs: at('2024-03-01T07:00:00Z'), value: 81.3 },
    { id: 's6', type: 'BLOOD_GLUCOSE', startMs: at('2024-03-01T07:10:00Z'), endMs: at('2024-03-01T07:10:00Z'), value: 97.2 },
    { id: 's7', type: 'OXYGEN_SATURATION', startMs: at('2024-03-01T07:20:00Z'), endMs: at('2024-03-01T07:20:00Z'), value: 97 },
    { id: 's8', type: 'BODY_TEMPERATURE', startMs: at('2024-03-01T07:30:00Z'), endMs: at('2024-03-01T07:30:00Z'), value: 36.8 },
    { id: 's9', type: 'BLOOD_PRESSURE_SYSTOLIC', startMs: at('2024-03-01T11:00:00Z'), endMs: at('2024-03-01T11:00:00Z'), value: 130 },
    { id: 's10', type: 'SLEEP_STATE', startMs: at('2024-03-01T01:00:00Z'), endMs: at('2024-03-01T02:00:00Z'), value: 60, category: 'asleepDeep' },
    { id: 's11', type: 'INSULIN', startMs: at('2024-03-01T12:00:00Z'), endMs: at('2024-03-01T12:00:00Z'), value: 4.5, category: 'bolus' },
    { id: 's12', type: 'INSULIN', startMs: at('2024-03-01T13:00:00Z'), endMs: at('2024-03-01T13:30:00Z'), value: 0.8, category: 'temp_basal' },
    { id: 's13', type: 'INSULIN', startMs: at('2024-03-01T14:00:00Z'), endMs: at('2024-03-01T14:00:00Z'), value: 2, category: null },
    { id: 's14', type: 'CARBOHYDRATES', startMs: at('2024-03-01T12:00:00Z'), endMs: at('2024-03-01T12:00:00Z'), value: 45 },
  ];
  const shape = (s: { type: string; value: number; startMs: number; endMs: number; category?: string | null }) => [s.type, s.value, s.startMs, s.endMs, s.category ?? null];

  it('follows the vital-signs profile, BP as one panel with components', () => {
    const { bundle, skipped } = buildFhirBundle(samples, { patientId: 'p1', nowMs: NOW });
    expect(skipped).toBe(1); // the sleep stage: no LOINC code
    const resources = bundle.entry.map((e) => e.resource);
    const bp = resources.find((r) => r.id === 'bp-s2');
    expect(bp).toMatchObject({
      meta: { profile: ['http://hl7.org/fhir/StructureDefinition/bp'] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      subject: { reference: 'Patient/p1' },
      effectivePeriod: { start: '2024-03-01T08:05:00.000Z', end: '2024-03-01T08:05:30.000Z' },
      component: [
        { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 121, system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 79, system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      ],
    });
    expect(resources.find((r) => r.id === 's1')).toMatchObject({
      meta: { profile: ['http://hl7.org/fhir/StructureDefinition/heartrate'] },
      code: { coding: [{ code: '8867-4' }] },
      effectiveDateTime: '2024-03-01T08:00:00.250Z',
      valueQuantity: { value: 62.5, unit: 'count/min', system: 'http://unitsofmeasure.org', code: '/min' },
    });
    expect(resources.find((r) => r.id === 's9')).toMatchObject({ code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 130 } });
  });

  it('writes insulin as a completed MedicationAdministration (dose in [iU], kind as method, rate over an interval) and carbs as an Observation in g', () => {
    const resources = buildFhirBundle(samples, { patientId: 'p1', nowMs: NOW }).bundle.entry.map((e) => e.resource);
    expect(resources.find((r) => r.id === 's11')).toEqual({
      resourceType: 'MedicationAdministration',
      id: 's11',
      status: 'completed',
      category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medication-admin-category', code: 'community' }] },
      medicationCodeableConcept: { text: 'Insulin' },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2024-03-01T12:00:00.000Z',
      dosage: {
        text: 'Bolus: 4.5 U',
        method: { coding: [{ system: 'urn:pulse:insulin-delivery-kind', code: 'bolus', display: 'Bolus' }], text: 'Bolus' },
        dose: { value: 4.5, unit: 'U', system: 'http://unitsofmeasure.org', code: '[iU]' },
      },
    });
    expect(resources.find((r) => r.id === 's12')).toMatchObject({
      effectivePeriod: { start: '2024-03-01T13:00:00.000Z', end: '2024-03-01T13:30:00.000Z' },
      dosage: { text: 'Temporary basal: 0.8 U over 30 min', method: { text: 'Temporary basal' }, rateQuantity: { value: 1.6, unit: 'U/h', code: '[iU]/h' } },
    });
    expect(resources.find((r) => r.id === 's13')?.dosage).toEqual({ text: 'Insulin: 2 U', dose: { value: 2, unit: 'U', system: 'http://unitsofmeasure.org', code: '[iU]' } });
    expect(resources.find((r) => r.id === 's14')).toEqual({
      resourceType: 'Observation',
      id: 's14',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] }],
      code: { coding: [{ system: 'http://hl7.org/fhir/uv/phr/CodeSystem/observation-pghd-codes', code: 'dietaryCarbohydrates', display: 'Carbohydrates' }], text: 'Carbohydrate intake' },
      valueQuantity: { value: 45, unit: 'g', system: 'http://unitsofmeasure.org', code: 'g' },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2024-03-01T12:00:00.000Z',
    });
  });

  it('imports insulin from other writers: a dose in U, a non-insulin medication skipped, a stopped dose skipped, no dose refused', () => {
    const admin = (extra: Record<string, unknown>) => ({
      resourceType: 'MedicationAdministration', id: 'm1', status: 'completed', medicationCodeableConcept: { coding: [{ display: 'Insulin lispro 100 UNT/ML' }] },
      effectiveDateTime: '2024-03-01T08:00:00+01:00', dosage: { dose: { value: 6, unit: 'U' } }, ...extra,
    });
    expect(parseFhirResource(admin({}), NOW)).toMatchObject({ status: 'accepted', samples: [{ type: 'INSULIN', value: 6, category: null, clientRecordId: 'fhir:m1', startMs: Date.UTC(2024, 2, 1, 7) }] });
    expect(parseFhirResource(admin({ medicationCodeableConcept: { text: 'Metformin 500 mg' } }), NOW)).toMatchObject({ status: 'skipped' });
    expect(parseFhirResource(admin({ status: 'stopped' }), NOW)).toEqual({ status: 'skipped', reason: "status 'stopped': not a completed dose" });
    expect(parseFhirResource(admin({ dosage: {} }), NOW)).toEqual({ status: 'rejected', reason: expect.stringContaining('dosage.dose') });
    expect(parseFhirResource(admin({ dosage: { dose: { value: 6, unit: 'mg' } } }), NOW)).toEqual({ status: 'rejected', reason: expect.stringContaining("unit 'mg' is not accepted for INSULIN") });
  });

  it('round-trips: export then import gives the same samples (types, canonical values, times)', () => {
    const { bundle } = buildFhirBundle(samples, { patientId: 'p1', bundleType: 'searchset', nowMs: NOW });
    const report = parseFhir(JSON.parse(JSON.stringify(bundle)), NOW);
    expect(report.rejected).toEqual([]);
    expect(report.skipped).toEqual([]);
    const exported = samples.filter((s) => s.type !== 'SLEEP_STATE').map(shape).sort();
    expect(report.samples.map(shape).sort()).toEqual(exported);
  });

  it('streams the same Bundle as JSON text', async () => {
    async function* source() { yield* samples; }
    let text = '';
    for await (const chunk of fhirBundleJson(source(), { patientId: 'p1', nowMs: NOW })) text += chunk;
    expect(JSON.parse(text)).toEqual(buildFhirBundle(samples, { patientId: 'p1', nowMs: NOW }).bundle);
  });
});
