// Demo record (never in production; the demo seed calls it): the type 1 patient (patient@demo.test) gets
// their diabetes (E10.9), a penicillin allergy (moderate, hives) and an emergency contact; the type 2
// patient (patient3@demo.test) their diabetes (E11.9) and hypertension (I10). Entered through the record's
// data functions, by the patient's linked doctor (else the patient). Safe to run twice: a patient who has
// conditions is left as they are.
import { createAllergy } from '../lib/data/allergies';
import { createCondition } from '../lib/data/conditions';
import { createEmergencyContact } from '../lib/data/emergency-contacts';
import { prisma } from '../lib/db/client';
import { byEmail } from '../lib/data/user-email';

async function patientAndRecorder(email: string): Promise<{ patientId: string; recorderId: string } | null> {
  const patient = await prisma.user.findUnique({ where: byEmail(email), select: { id: true } });
  if (!patient) return null;
  if ((await prisma.condition.count({ where: { userId: patient.id } })) > 0) return null;
  const doctor = await prisma.careRelationship.findFirst({ where: { patientId: patient.id, kind: 'DOCTOR', revokedAt: null }, select: { carerId: true } });
  return { patientId: patient.id, recorderId: doctor?.carerId ?? patient.id };
}

export async function seedRecordDemo(emails = { type1: 'patient@demo.test', type2: 'patient3@demo.test' }): Promise<{ patients: number }> {
  let patients = 0;
  const alex = await patientAndRecorder(emails.type1);
  if (alex) {
    await createCondition(alex.patientId, alex.recorderId, { display: 'Type 1 diabetes mellitus', codeSystem: 'ICD10', code: 'E10.9', onsetDate: '2009-03-15', clinicalStatus: 'ACTIVE' });
    await createAllergy(alex.patientId, alex.recorderId, { substance: 'Penicillin', codeSystem: 'RXNORM', code: '70618', reaction: 'Hives', severity: 'MODERATE', criticality: 'LOW', clinicalStatus: 'ACTIVE' });
    await createEmergencyContact(alex.patientId, alex.recorderId, { name: 'Sam Morgan', relation: 'partner', phone: '+49 30 901820', priority: 1 });
    patients += 1;
  }
  const jordan = await patientAndRecorder(emails.type2);
  if (jordan) {
    await createCondition(jordan.patientId, jordan.recorderId, { display: 'Type 2 diabetes mellitus', codeSystem: 'ICD10', code: 'E11.9', onsetDate: '2016-08-01', clinicalStatus: 'ACTIVE' });
    await createCondition(jordan.patientId, jordan.recorderId, { display: 'Essential hypertension', codeSystem: 'ICD10', code: 'I10', onsetDate: '2019-02-01', clinicalStatus: 'ACTIVE' });
    patients += 1;
  }
  return { patients };
}
