// The hand-made entries of the authorization world (issue 19, corrections): B's notes (one to correct and
// read the history of, one to retract) and two notes A's caregiver recorded for A (the same two uses).
// Recorded through the data layer, as the entries route does.
import { createEntry, entryInputSchema, ownEntryTarget, type EntryTarget } from '@/lib/data/entries';
import type { World } from './authorization-policy';

async function note(target: EntryTarget): Promise<string> {
  const { entry } = await createEntry(target, entryInputSchema.parse({ kind: 'note', text: 'matrix entry', at: '2026-11-12T09:00:00Z' }));
  return entry.entryId;
}

export async function seedCorrections(a: string, b: string, caregiverA: string): Promise<World['corrections']> {
  const ofB = await ownEntryTarget({ id: b, role: 'PATIENT' });
  const forA: EntryTarget = { patientId: a, timeZone: 'UTC', recordedById: caregiverA };
  const [bEntry, bDelete, aByCaregiver, aByCaregiverDelete] = await Promise.all([note(ofB), note(ofB), note(forA), note(forA)]);
  return { bEntry, bDelete, aByCaregiver, aByCaregiverDelete };
}
