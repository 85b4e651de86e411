// DELETE /api/v1/patients/:patientId/meals/:id — a caregiver with can_log_data deletes a meal they recorded
// for the patient (and its photo); other meals, and anyone else, get 404.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { deleteMeal } from '@/lib/data/meals';
import { route } from '@/lib/http/handler';
import { mealNotFound } from '@/lib/http/meal-handlers';

export const DELETE = route<{ patientId: string; id: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, id }) => {
  const target = await caregiverEntryTarget(await requireCaller(), patientId);
  if (!(await deleteMeal({ patientId, mealId: id, recordedBy: target.recordedById }))) throw mealNotFound();
  return new NextResponse(null, { status: 204 });
});
