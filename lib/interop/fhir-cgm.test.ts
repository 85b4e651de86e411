// The HL7 CGM guide's summary Observations and lab Observations (fhir-cgm.ts): codes and units as the
// guide's profiles bind them, nothing for meter-only data, and an export read back by the import keeps
// every summary value (as LOINC-coded results) and every lab.
import { describe, expect, it } from 'vitest';
import type { GlucoseMetricsAnswer } from '../data/glucose-report';
import type { LabAnswer } from '../data/labs';
import { parseFhir } from './fhir';
import { CGM_LOINC, cgmSummaryObservations, labObservation } from './fhir-cgm';

const NOW = Date.UTC(2026, 11, 1);
const metrics: GlucoseMetricsAnswer = {
  from: '2026-11-01', to: '2026-11-14', source: 'cgm', readings: 3900, days: 14, activePercent: 96.7, mean: 152.4, gmi: 6.9, sd: 48.2, cv: 31.6,
  ranges: { veryLow: 0.8, low: 2.9, target: 68.4, high: 21.3, veryHigh: 6.6 },
  targets: { preset: 'STANDARD', low: 70, high: 180, missed: [] }, structured: [], note: null,
};

describe('CGM summary (HL7 CGM IG)', () => {
  const resources = cgmSummaryObservations(metrics, 'p1');
  const byId = new Map(resources.map((r) => [r.id, r]));

  it('writes the summary with its members: times in ranges, mean, GMI, CV, wear', () => {
    const [summary, ...members] = resources;
    expect(summary).toMatchObject({
      code: { coding: [{ system: 'http://hl7.org/fhir/uv/cgm/CodeSystem/cgm-summary-codes-temporary', code: 'cgm-summary' }] },
      effectivePeriod: { start: '2026-11-01', end: '2026-11-14' },
      subject: { reference: 'Patient/p1' },
      hasMember: members.map((m) => ({ reference: `Observation/${m.id}` })),
    });
    const tir = byId.get('cgm-times-in-ranges-2026-11-01-2026-11-14');
    expect(tir).toMatchObject({ meta: { profile: ['http://hl7.org/fhir/uv/cgm/StructureDefinition/cgm-summary-times-in-ranges'] }, code: { coding: [{ code: '106793-3' }] } });
    const components = (tir?.component as { code: { coding: { code: string }[] }; valueQuantity: { value: number; code: string } }[]).map((c) => [c.code.coding[0]!.code, c.valueQuantity.value, c.valueQuantity.code]);
    expect(components).toEqual([['104642-4', 0.8, '%'], ['104641-6', 2.9, '%'], ['97510-2', 68.4, '%'], ['104640-8', 21.3, '%'], ['104639-0', 6.6, '%']]);
    const value = (code: string) => members.find((m) => (m.code as { coding: { code: string }[] }).coding[0]!.code === code)?.valueQuantity;
    expect(value(CGM_LOINC.meanGlucoseMass)).toMatchObject({ value: 152.4, code: 'mg/dL' });
    expect(value(CGM_LOINC.gmi)).toMatchObject({ value: 6.9, code: '%' });
    expect(value(CGM_LOINC.cv)).toMatchObject({ value: 31.6, code: '%' });
    expect(value(CGM_LOINC.daysOfWear)).toMatchObject({ value: 14, code: 'd' });
    expect(value(CGM_LOINC.sensorActivePercentage)).toMatchObject({ value: 96.7, code: '%' });
  });

  it('writes nothing for meter-only data', () => {
    expect(cgmSummaryObservations({ ...metrics, source: 'meter', ranges: null, gmi: null, activePercent: null }, 'p1')).toEqual([]);
  });

  it('reads back: the summary is skipped as a grouping, every value kept as a LOINC-coded result', () => {
    const report = parseFhir({ resourceType: 'Bundle', entry: resources.map((resource) => ({ resource })) }, NOW);
    expect(report.rejected).toEqual([]);
    expect(report.skipped.map((s) => s.reason)).toEqual(['a CGM summary groups its member Observations, each imported on its own']);
    expect(report.labs.map((l) => [l.loinc, l.value, l.unit])).toEqual([
      ['104642-4', 0.8, '%'], ['104641-6', 2.9, '%'], ['97510-2', 68.4, '%'], ['104640-8', 21.3, '%'], ['104639-0', 6.6, '%'],
      ['97507-8', 152.4, 'mg/dL'], ['97506-0', 6.9, '%'], ['104638-2', 31.6, '%'], ['104636-6', 14, 'd'], ['104637-4', 96.7, '%'],
    ]);
  });
});

describe('lab Observations', () => {
  const lab: LabAnswer = {
    id: 'l1', code: '2085-9', display: 'HDL cholesterol', lab: 'hdl', value: 35, unit: 'mg/dL', referenceRange: { low: 40, high: null }, rangeSource: 'standard',
    flag: 'low', effectiveAt: '2026-04-02T07:00:00.000Z', source: 'app', recordedById: null, note: null,
  };

  it('is a laboratory Observation with its range and a Low interpretation, and imports back as the same result', () => {
    const obs = labObservation(lab, 'p1');
    expect(obs).toMatchObject({
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '2085-9' }] },
      valueQuantity: { value: 35, system: 'http://unitsofmeasure.org', code: 'mg/dL' },
      referenceRange: [{ low: { value: 40, code: 'mg/dL' } }],
      interpretation: [{ coding: [{ code: 'L' }] }],
      effectiveDateTime: '2026-04-02T07:00:00.000Z',
    });
    const report = parseFhir(obs, NOW);
    expect(report.labs).toEqual([{ loinc: '2085-9', display: 'HDL cholesterol', value: 35, unit: 'mg/dL', referenceLow: 40, referenceHigh: null, effectiveMs: Date.parse(lab.effectiveAt), sourceId: 'fhir:lab-l1' }]);
  });
});
