// The medications of the authorization world (issue 19): B's own (the owner's routes; as needed, so every
// dose logged is an extra one and a repeated call logs again) and A's, prescribed by A's doctor (carers read
// it, the doctor changes it, A's caregiver with log permission logs doses). Made through the data layer.
import { createMedication } from '@/lib/data/medications';
import type { World } from './authorization-policy';

const asNeeded = { name: 'Paracetamol', dose: '500 mg', schedule: { kind: 'asNeeded' as const } };

export async function seedMedications(a: string, b: string, doctorA: string): Promise<World['medications']> {
  const now = Date.now();
  const [bOwn, aPrescribed] = await Promise.all([
    createMedication({ patientId: b, timeZone: 'UTC', actorId: b, asDoctor: false }, asNeeded, now),
    createMedication({ patientId: a, timeZone: 'UTC', actorId: doctorA, asDoctor: true }, asNeeded, now),
  ]);
  return { b: bOwn.id, a: aPrescribed.id };
}
