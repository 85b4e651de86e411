// FHIR R4 export of the record beyond measurements (issue 19): conditions as Condition, allergies as
// AllergyIntolerance, medications as MedicationRequest, each naming the patient and carrying our row id as
// an identifier (so a second import of this export adds nothing). The inverse of fhir-record.ts. Pure.
import type { AllergyAnswer } from '../data/allergies';
import type { ConditionAnswer } from '../data/conditions';
import { ICD10_SYSTEM, RXNORM_SYSTEM, SNOMED_SYSTEM } from './fhir-record';

export type FhirRecordResource = Record<string, unknown> & { resourceType: 'Condition' | 'AllergyIntolerance' | 'MedicationRequest'; id: string };
export type ExportMedication = {
  id: string; name: string; codeSystem: string | null; code: string | null; dosage: string | null; schedule: unknown;
  startedOn: string; endedOn: string | null; stopped: boolean;
};

const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem/';
const IDENTIFIER = 'urn:pulse:';
const lower = (v: string) => v.toLowerCase().replace(/_/g, '-');

function concept(text: string, system: string | null, code: string | null) {
  const url = system === 'ICD10' ? ICD10_SYSTEM : system === 'SNOMED' ? SNOMED_SYSTEM : system === 'RXNORM' ? RXNORM_SYSTEM : null;
  return { ...(url && code ? { coding: [{ system: url, code, display: text }] } : {}), text };
}

const status = (system: string, code: string) => ({ coding: [{ system: `${TERMINOLOGY}${system}`, code: lower(code) }] });

export function conditionResource(c: ConditionAnswer, patientId: string): FhirRecordResource {
  return {
    resourceType: 'Condition', id: c.id, identifier: [{ system: `${IDENTIFIER}conditions`, value: c.id }],
    clinicalStatus: status('condition-clinical', c.clinicalStatus), verificationStatus: status('condition-ver-status', 'confirmed'),
    code: concept(c.display, c.codeSystem, c.code), subject: { reference: `Patient/${patientId}` },
    ...(c.onsetDate ? { onsetDateTime: c.onsetDate } : {}), recordedDate: c.createdAt, ...(c.note ? { note: [{ text: c.note }] } : {}),
  };
}

export function allergyResource(a: AllergyAnswer, patientId: string): FhirRecordResource {
  return {
    resourceType: 'AllergyIntolerance', id: a.id, identifier: [{ system: `${IDENTIFIER}allergies`, value: a.id }],
    clinicalStatus: status('allergyintolerance-clinical', a.clinicalStatus), verificationStatus: status('allergyintolerance-verification', 'confirmed'),
    ...(a.criticality ? { criticality: lower(a.criticality) } : {}), code: concept(a.substance, a.codeSystem, a.code), patient: { reference: `Patient/${patientId}` },
    recordedDate: a.createdAt,
    ...(a.reaction || a.severity ? { reaction: [{ manifestation: [{ text: a.reaction ?? 'reaction not described' }], ...(a.severity ? { severity: lower(a.severity) } : {}) }] } : {}),
  };
}

/** The schedule as FHIR timing: daily clock times, every N hours, weekdays, or as needed. */
function dosageOf(m: ExportMedication) {
  const s = (m.schedule ?? {}) as { kind?: string; times?: string[]; everyHours?: number; days?: string[] };
  const text = m.dosage ? { text: m.dosage } : {};
  if (s.kind === 'asNeeded') return { ...text, asNeededBoolean: true };
  const times = (s.times ?? []).map((t) => `${t}:00`);
  if (s.kind === 'interval' && s.everyHours) return { ...text, timing: { repeat: { frequency: 1, period: s.everyHours, periodUnit: 'h' } } };
  if (s.kind === 'weekdays') return { ...text, timing: { repeat: { dayOfWeek: (s.days ?? []).map((d) => d.slice(0, 3).toLowerCase()), ...(times.length ? { timeOfDay: times } : {}) } } };
  return { ...text, ...(times.length ? { timing: { repeat: { timeOfDay: times } } } : {}) };
}

export function medicationRequestResource(m: ExportMedication, patientId: string): FhirRecordResource {
  return {
    resourceType: 'MedicationRequest', id: m.id, identifier: [{ system: `${IDENTIFIER}medications`, value: m.id }],
    status: m.stopped ? 'stopped' : m.endedOn && m.endedOn < new Date().toISOString().slice(0, 10) ? 'completed' : 'active', intent: 'order',
    medicationCodeableConcept: concept(m.name, m.codeSystem, m.code), subject: { reference: `Patient/${patientId}` }, authoredOn: m.startedOn,
    dosageInstruction: [dosageOf(m)],
    ...(m.endedOn ? { dispenseRequest: { validityPeriod: { start: m.startedOn, end: m.endedOn } } } : {}),
  };
}
