// The meals of the authorization world (issue 18): B's meal with a photo (the owner's photo routes) and
// another to delete; A's meal with a photo (carers read it), and two A's caregiver recorded (one to
// attach a photo to, one to delete). Recorded through the data layer, photos encrypted into the store.
import { createMeal, setMealPhoto } from '@/lib/data/meals';
import type { World } from './authorization-policy';

// A 1×1 PNG.
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function meal(patientId: string, recordedById: string, photo: boolean): Promise<string> {
  const created = await createMeal({ patientId, recordedById }, { mealType: 'lunch', eatenAt: Date.parse('2026-11-12T12:00:00Z'), carbsGrams: 40, description: null });
  if (photo) await setMealPhoto({ patientId, mealId: created.id, bytes: TINY_PNG });
  return created.id;
}

export async function seedMeals(a: string, b: string, caregiverA: string): Promise<World['meals']> {
  const [bPhoto, bDelete, aPhoto, aByCaregiver, aByCaregiverDelete] = await Promise.all([
    meal(b, b, true),
    meal(b, b, false),
    meal(a, a, true),
    meal(a, caregiverA, false),
    meal(a, caregiverA, false),
  ]);
  return { bPhoto, bDelete, aPhoto, aByCaregiver, aByCaregiverDelete };
}
