// The demo record: entered through the record's data functions for the two demo patients, by their
// linked doctor; a second run adds nothing.
import { describe, expect, it } from 'vitest';
import { listAllergies } from '@/lib/data/allergies';
import { listConditions } from '@/lib/data/conditions';
import { listEmergencyContacts } from '@/lib/data/emergency-contacts';
import { createUser, linkCare } from '@/test/factories';
import { seedRecordDemo } from './seed-record';

describe('seedRecordDemo', () => {
  it('gives the type 1 patient diabetes, a penicillin allergy and a contact, the type 2 patient diabetes and hypertension, once', async () => {
    const [type1, type2, doctor] = await Promise.all([createUser({}), createUser({}), createUser({ role: 'DOCTOR' })]);
    await linkCare({ patientId: type1.id, carerId: doctor.id, kind: 'DOCTOR' });
    const emails = { type1: type1.email, type2: type2.email };
    expect(await seedRecordDemo(emails)).toEqual({ patients: 2 });
    expect(await seedRecordDemo(emails)).toEqual({ patients: 0 });
    const conditions = await listConditions(type1.id);
    expect(conditions.map((c) => [c.code, c.recordedById])).toEqual([['E10.9', doctor.id]]);
    expect((await listAllergies(type1.id)).map((a) => [a.substance, a.severity, a.reaction])).toEqual([['Penicillin', 'MODERATE', 'Hives']]);
    expect(await listEmergencyContacts(type1.id)).toHaveLength(1);
    expect((await listConditions(type2.id)).map((c) => [c.code, c.recordedById]).sort()).toEqual([['E11.9', type2.id], ['I10', type2.id]]);
  });
});
