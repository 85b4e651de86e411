// The patient's record beyond measurements (issue 19), as one registry the endpoints share: for each kind
// (conditions, allergies, emergency contacts) its input schemas and its data functions, and the whole
// record at once (the doctor's card, the /record page, the clinic report) and as FHIR resources (export).
import type { z } from 'zod';
import { prisma } from '../db/client';
import { allergyResource, conditionResource, medicationRequestResource, type FhirRecordResource } from '../interop/fhir-record-export';
import { allergyInput, allergyPatch, createAllergy, deleteAllergy, listAllergies, updateAllergy, type AllergyAnswer } from './allergies';
import { conditionInput, conditionPatch, createCondition, deleteCondition, listConditions, updateCondition, type ConditionAnswer } from './conditions';
import { contactInput, contactPatch, createEmergencyContact, deleteEmergencyContact, listEmergencyContacts, updateEmergencyContact, type ContactAnswer } from './emergency-contacts';

type Kind<A, I extends z.ZodType, P extends z.ZodType> = {
  /** The list's key in the answer, and the word for one in a 404. */
  key: string; one: string; input: I; patch: P;
  list: (patientId: string) => Promise<A[]>;
  create: (patientId: string, recorderId: string, input: z.output<I>) => Promise<A>;
  update: (patientId: string, id: string, recorderId: string, patch: z.output<P>) => Promise<A | null>;
  remove: (patientId: string, id: string) => Promise<boolean>;
};

const kind = <A, I extends z.ZodType, P extends z.ZodType>(k: Kind<A, I, P>) => k;

export const RECORD_KINDS = {
  conditions: kind({ key: 'conditions', one: 'condition', input: conditionInput, patch: conditionPatch, list: listConditions, create: createCondition, update: updateCondition, remove: deleteCondition }),
  allergies: kind({ key: 'allergies', one: 'allergy', input: allergyInput, patch: allergyPatch, list: listAllergies, create: createAllergy, update: updateAllergy, remove: deleteAllergy }),
  'emergency-contacts': kind({ key: 'emergencyContacts', one: 'emergency contact', input: contactInput, patch: contactPatch, list: listEmergencyContacts, create: createEmergencyContact, update: updateEmergencyContact, remove: deleteEmergencyContact }),
};
export type RecordKind = keyof typeof RECORD_KINDS;

export type PatientRecord = { conditions: ConditionAnswer[]; allergies: AllergyAnswer[]; emergencyContacts: ContactAnswer[] };

/** The whole record of a patient the caller may read (callers check access first). */
export async function loadPatientRecord(patientId: string): Promise<PatientRecord> {
  const [conditions, allergies, emergencyContacts] = await Promise.all([listConditions(patientId), listAllergies(patientId), listEmergencyContacts(patientId)]);
  return { conditions, allergies, emergencyContacts };
}

/**
 * The record as FHIR resources for the patient's export Bundle: every condition, allergy and medication
 * (stopped ones too: the export is the whole record, not a period of it).
 */
export async function exportRecordResources(patientId: string): Promise<FhirRecordResource[]> {
  const record = await loadPatientRecord(patientId);
  const medications = await prisma.medication.findMany({ where: { userId: patientId }, orderBy: { startedOn: 'asc' } });
  return [
    ...record.conditions.map((c) => conditionResource(c, patientId)),
    ...record.allergies.map((a) => allergyResource(a, patientId)),
    ...medications.map((m) => medicationRequestResource({
      id: m.id, name: m.name, codeSystem: m.codeSystem, code: m.code, dosage: m.dosage, schedule: m.schedule,
      startedOn: m.startedOn.toISOString().slice(0, 10), endedOn: m.endedOn?.toISOString().slice(0, 10) ?? null, stopped: m.stoppedAt !== null,
    }, patientId)),
  ];
}
