// DELETE /api/v1/users/me/meals/:id — the patient deletes one of their meals (whoever recorded it) and its
// photo. Someone else's meal is not found.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { deleteMeal } from '@/lib/data/meals';
import { route } from '@/lib/http/handler';
import { mealNotFound } from '@/lib/http/meal-handlers';

export const DELETE = route<{ id: string }>('caller', async (_req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  if (!(await deleteMeal({ patientId: caller.id, mealId: id }))) throw mealNotFound();
  return new NextResponse(null, { status: 204 });
});
