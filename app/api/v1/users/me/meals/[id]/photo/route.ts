// GET /api/v1/users/me/meals/:id/photo — the photo of one of the patient's meals (decrypted; never cached).
// PUT /api/v1/users/me/meals/:id/photo — attach or replace it: the raw image as the body (JPEG, PNG, WebP or
// HEIC, judged by its bytes; at most 5 MB), encrypted with the patient's key into the object store.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { readMealPhoto, setMealPhoto } from '@/lib/data/meals';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { mealNotFound, photoResponse, readPhotoBody } from '@/lib/http/meal-handlers';

export const GET = route<{ id: string }>('caller', async (_req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  const photo = await readMealPhoto({ patientId: caller.id, mealId: id });
  if (!photo) throw notFound('photo');
  return photoResponse(photo);
});

export const PUT = route<{ id: string }>('caller', async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  if (!(await setMealPhoto({ patientId: caller.id, mealId: id, bytes: await readPhotoBody(req) }))) throw mealNotFound();
  return new NextResponse(null, { status: 204 });
});
