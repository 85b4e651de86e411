// The record's FHIR import, pure (fhir-record.ts): Conditions, AllergyIntolerances, MedicationRequests and
// MedicationStatements (fixtures/record/record-bundle.json, after the R4 specification's examples, and the
// Synthea-shaped patient Bundle) become rows with a source id; entered-in-error, cancelled and
// medicationReference resources are skipped or refused, each named; the export (fhir-record-export.ts)
// reads back to the same rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFhir } from './fhir';
import { allergyResource, conditionResource, medicationRequestResource } from './fhir-record-export';

const read = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', file), 'utf8')) as unknown;
const NOW = Date.UTC(2026, 0, 1);

describe('FHIR record resources', () => {
  const report = parseFhir(read('record/record-bundle.json'), NOW);
  const of = <K extends string>(kind: K) => report.records.filter((r) => r.kind === kind);

  it('keeps conditions with their code, status, onset and note; source ids from identifier, id or fullUrl', () => {
    expect(of('condition').map((r) => (r.kind === 'condition' ? r.condition : null))).toEqual([
      { sourceId: 'fhir:|12345', display: 'Fever', codeSystem: 'SNOMED', code: '386661006', onsetDate: '2013-04-02', clinicalStatus: 'RESOLVED', note: null },
      { sourceId: 'fhir:urn:uuid:1c1b1f9e-7a52-4c5d-8f51-0c5e3c0d2a10', display: 'Type 1 diabetes', codeSystem: 'ICD10', code: 'E10.9', onsetDate: '2009-04-01', clinicalStatus: 'ACTIVE', note: 'diagnosed after an episode of ketoacidosis' },
    ]);
  });

  it('keeps allergies with the worst reaction severity and every manifestation; skips one entered in error', () => {
    expect(of('allergy').map((r) => (r.kind === 'allergy' ? r.allergy : null))).toEqual([
      {
        sourceId: 'fhir:http://acme.com/ids/patients/risks|49476534', substance: 'Cashew nuts', codeSystem: 'SNOMED', code: '227493005',
        reaction: 'Anaphylactic reaction; Challenge Protocol. Severe reaction to subcutaneous cashew extract. Epinephrine administered; Urticaria',
        severity: 'SEVERE', criticality: 'HIGH', clinicalStatus: 'ACTIVE',
      },
      { sourceId: 'fhir:AllergyIntolerance/medication', substance: 'Penicillin G', codeSystem: 'RXNORM', code: '7980', reaction: null, severity: null, criticality: 'HIGH', clinicalStatus: 'ACTIVE' },
    ]);
    expect(report.skipped.map((s) => s.reason)).toEqual(["AllergyIntolerance verificationStatus 'entered-in-error'", "MedicationRequest status 'cancelled'"]);
  });

  it('keeps prescriptions as medications: name, RxNorm code, dose, clock times or as needed, start and end', () => {
    expect(of('medication').map((r) => (r.kind === 'medication' ? r.medication : null))).toEqual([
      {
        sourceId: 'fhir:http://www.bmc.nl/portal/prescriptions|12345689', name: 'Insulin glargine 300 units/mL pen', codeSystem: 'RXNORM', code: '1719286',
        dosage: '18 units subcutaneously every evening', schedule: { kind: 'daily', times: ['21:00'] }, startedOn: '2015-01-15', endedOn: null, stopped: false,
      },
      // A SNOMED-coded product keeps its name, without an RxNorm code.
      { sourceId: 'fhir:MedicationStatement/example001', name: 'Amoxicillin (product)', codeSystem: null, code: null, dosage: '1 tablet every 8 hours', schedule: { kind: 'daily', times: [] }, startedOn: '2015-01-23', endedOn: '2015-01-30', stopped: false },
      { sourceId: 'fhir:MedicationStatement/prn', name: 'Ibuprofen 400 MG Oral Tablet', codeSystem: 'RXNORM', code: '198405', dosage: '1 tablet', schedule: { kind: 'asNeeded' }, startedOn: '2020-05-01', endedOn: null, stopped: false },
    ]);
    expect(report.rejected.map((r) => r.reason)).toEqual(['MedicationRequest needs medicationCodeableConcept (a medicationReference to a Medication resource is not read)']);
  });

  it('reads the Synthea-shaped Bundle’s conditions and prescriptions (stopped ones as stopped)', () => {
    const synthea = parseFhir(read('synthea/diabetes-patient-bundle.json'), NOW);
    const conditions = synthea.records.flatMap((r) => (r.kind === 'condition' ? [r.condition] : []));
    expect(conditions.map((c) => [c.code, c.codeSystem, c.onsetDate, c.clinicalStatus])).toEqual([
      ['44054006', 'SNOMED', '2012-03-02', 'ACTIVE'], ['38341003', 'SNOMED', '2010-06-11', 'ACTIVE'], ['431855005', 'SNOMED', '2019-01-20', 'ACTIVE'],
    ]);
    const medications = synthea.records.flatMap((r) => (r.kind === 'medication' ? [r.medication] : []));
    expect(medications.map((m) => [m.code, m.startedOn, m.stopped, m.dosage])).toEqual([['860975', '2024-02-12', true, '1'], ['860975', '2024-08-19', true, '1'], ['860975', '2025-03-03', false, '1']]);
    expect(new Set(medications.map((m) => m.sourceId)).size).toBe(3);
  });

  it('exports what it imports: the exported resources read back to the same fields', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        conditionResource({ id: 'c1', display: 'Type 2 diabetes mellitus', codeSystem: 'ICD10', code: 'E11.9', onsetDate: '2015-06-01', clinicalStatus: 'ACTIVE', note: 'on metformin', source: 'app', recordedById: null, createdAt: at, updatedAt: at }, 'p'),
        allergyResource({ id: 'a1', substance: 'Penicillin', codeSystem: null, code: null, reaction: 'hives', severity: 'MODERATE', criticality: 'UNABLE_TO_ASSESS', clinicalStatus: 'ACTIVE', dangerous: false, source: 'app', recordedById: null, createdAt: at, updatedAt: at }, 'p'),
        medicationRequestResource({ id: 'm1', name: 'Metformin 500 mg', codeSystem: 'RXNORM', code: '860975', dosage: '1 tablet', schedule: { kind: 'daily', times: ['08:00', '20:00'] }, startedOn: '2025-01-01', endedOn: null, stopped: false }, 'p'),
      ].map((resource) => ({ resource })),
    };
    const back = parseFhir(JSON.parse(JSON.stringify(bundle)), NOW);
    expect(back.rejected).toEqual([]);
    expect(back.records).toEqual([
      { kind: 'condition', condition: { sourceId: 'fhir:urn:pulse:conditions|c1', display: 'Type 2 diabetes mellitus', codeSystem: 'ICD10', code: 'E11.9', onsetDate: '2015-06-01', clinicalStatus: 'ACTIVE', note: 'on metformin' } },
      { kind: 'allergy', allergy: { sourceId: 'fhir:urn:pulse:allergies|a1', substance: 'Penicillin', codeSystem: null, code: null, reaction: 'hives', severity: 'MODERATE', criticality: 'UNABLE_TO_ASSESS', clinicalStatus: 'ACTIVE' } },
      { kind: 'medication', medication: { sourceId: 'fhir:urn:pulse:medications|m1', name: 'Metformin 500 mg', codeSystem: 'RXNORM', code: '860975', dosage: '1 tablet', schedule: { kind: 'daily', times: ['08:00', '20:00'] }, startedOn: '2025-01-01', endedOn: null, stopped: false } },
    ]);
  });
});
