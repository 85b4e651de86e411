// A complete patient record in the shape Synthea writes (fixtures/synthea: Patient, Encounters, Conditions,
// MedicationRequests, vital signs, lab Observations grouped by DiagnosticReports, a dipstick panel whose
// components carry their own LOINC codes, coded answers, a result not performed, an Observation without a
// LOINC code): every quantitative Observation (or component) with a LOINC code is kept, as a health sample
// when the catalogue knows the code, else as a lab result; the rest is refused or skipped, each named.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFhir } from './fhir';

const bundle = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/synthea/diabetes-patient-bundle.json'), 'utf8')) as {
  entry: { resource: Record<string, unknown> }[];
};
const NOW = Date.UTC(2026, 0, 1);
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

type Coded = { code?: { coding?: { system: string; code: string }[] }; valueQuantity?: { system?: string; code?: string }; component?: Coded[] };
const loinc = (c: Coded) => c.code?.coding?.find((x) => x.system === LOINC)?.code;
const quantitative = (c: Coded) => loinc(c) !== undefined && c.valueQuantity?.system === UCUM && typeof c.valueQuantity.code === 'string';

// What the Bundle holds, read independently of the importer: every quantitative value with its record id.
const expectedIds: string[] = [];
for (const { resource } of bundle.entry) {
  if (resource.resourceType !== 'Observation') continue;
  const obs = resource as Coded & { id: string };
  if (quantitative(obs)) expectedIds.push(`fhir:${obs.id}`);
  for (const c of obs.component ?? []) {
    if (!quantitative(c)) continue;
    const code = loinc(c)!;
    // Blood pressure components become the two BP samples, named by their half.
    expectedIds.push(`fhir:${obs.id}:${code === '8480-6' ? 'systolic' : code === '8462-4' ? 'diastolic' : code}`);
  }
}

describe('a Synthea-shaped patient Bundle', () => {
  const report = parseFhir(bundle, NOW);
  const stored = [...report.samples.map((s) => s.clientRecordId), ...report.labs.map((l) => l.sourceId)];

  it('keeps every quantitative Observation and component, in one table or the other', () => {
    expect(expectedIds.length).toBeGreaterThan(100);
    expect(stored.sort()).toEqual([...expectedIds].sort());
  });

  it('stores catalogue types as samples (height in m, BMI, weight, BP, heart and breathing rate, blood glucose)', () => {
    const types = new Map<string, number>();
    for (const s of report.samples) types.set(s.type, (types.get(s.type) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({
      HEIGHT: 3, BMI: 3, WEIGHT: 3, BLOOD_PRESSURE_SYSTOLIC: 3, BLOOD_PRESSURE_DIASTOLIC: 3, HEART_RATE: 3, RESPIRATORY_RATE: 3, BLOOD_GLUCOSE: 3,
    });
    const height = report.samples.find((s) => s.type === 'HEIGHT');
    expect(height?.value).toBeCloseTo(1.642, 6);
    expect(height?.startMs).toBe(Date.parse('2024-02-12T09:10:00Z'));
  });

  it('keeps labs with code, display, value, unit, reference range and time', () => {
    const hba1c = report.labs.filter((l) => l.loinc === '4548-4');
    expect(hba1c.map((l) => [l.value, l.unit, l.effectiveMs])).toEqual([
      [7.9, '%', Date.parse('2024-02-12T09:10:00Z')], [7.4, '%', Date.parse('2024-08-19T09:25:00Z')], [6.9, '%', Date.parse('2025-03-03T08:55:00Z')],
    ]);
    expect(report.labs.find((l) => l.loinc === '6299-2')).toMatchObject({
      display: 'Urea nitrogen [Mass/volume] in Blood', value: 15.8, unit: 'mg/dL', referenceLow: 7, referenceHigh: 20,
    });
    expect(report.labs.find((l) => l.loinc === '33914-3')).toMatchObject({ unit: 'mL/min/{1.73_m2}', referenceLow: null, referenceHigh: null });
    // The pain score and the dipstick's components are kept as their source wrote them.
    expect(report.labs.filter((l) => l.loinc === '72514-3').map((l) => l.unit)).toEqual(['{score}', '{score}', '{score}']);
    expect(report.labs.filter((l) => l.loinc === '5811-5').map((l) => [l.value, l.unit])).toEqual([[1.018, '{SG}'], [1.018, '{SG}'], [1.018, '{SG}']]);
  });

  it('refuses coded answers, a result without a value and a code without LOINC, naming the field and why', () => {
    const reasons = report.rejected.map((r) => r.reason);
    expect(reasons.filter((r) => r.includes('LOINC 72166-2 has valueCodeableConcept ('))).toHaveLength(3);
    // The dipstick's colour is refused while the panel's other components are kept.
    expect(reasons.filter((r) => r.startsWith("component 4: LOINC 5778-6 has valueCodeableConcept ('Yellow color (qualifier value)')"))).toHaveLength(3);
    expect(reasons).toContain('the Observation: LOINC 14959-1 has no value (dataAbsentReason "Not performed")');
    expect(reasons).toContain("the Observation: 'Quality adjusted life years' (no LOINC coding): only LOINC-coded results are kept");
    expect(reasons).toHaveLength(8);
    // Every resource that is neither an Observation nor part of the record (Conditions, MedicationRequests:
    // fhir-record.test.ts) is skipped, saying what it is.
    const skippedKinds = new Set(report.skipped.map((s) => s.reason));
    expect([...skippedKinds].sort()).toEqual(['DiagnosticReport', 'Encounter', 'Patient'].map((k) => `${k} is not an Observation`));
    expect(report.records.map((r) => r.kind)).toEqual(['condition', 'condition', 'condition', 'medication', 'medication', 'medication']);
  });
});
