// GET /api/v1/patients/:patientId/meals/:id/photo — a meal's photo (decrypted; never cached) for a reader of
// the patient's meals (doctor, caregiver with view, a share covering carbohydrates and glucose on its days).
// PUT — a caregiver with can_log_data attaches the photo of a meal they recorded (as the patient's own PUT).
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { caregiverEntryTarget } from '@/lib/data/entries';
import { mealPhotoFor } from '@/lib/data/meal-report';
import { setMealPhoto } from '@/lib/data/meals';
import { route } from '@/lib/http/handler';
import { mealNotFound, photoResponse, readPhotoBody } from '@/lib/http/meal-handlers';

export const GET = route<{ patientId: string; id: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, id }) => {
  const scope = await patientScope(await requireCaller(), patientId, { shareId: req.nextUrl.searchParams.get('share') });
  return photoResponse(await mealPhotoFor(scope, id));
});

export const PUT = route<{ patientId: string; id: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, id }) => {
  const target = await caregiverEntryTarget(await requireCaller(), patientId);
  if (!(await setMealPhoto({ patientId, mealId: id, recordedBy: target.recordedById, bytes: await readPhotoBody(req) }))) throw mealNotFound();
  return new NextResponse(null, { status: 204 });
});
