// GET | PATCH /api/v1/users/me/diabetes-profile — the patient's own diabetes profile (type, year of
// diagnosis, HbA1c target, consensus target preset). PATCH changes only the fields given.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { diabetesProfileInput, readDiabetesProfile, writeDiabetesProfile } from '@/lib/data/diabetes-profile';
import { readJson, route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json(await readDiabetesProfile(caller.id));
});

export const PATCH = route('caller', async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const input = diabetesProfileInput.parse((await readJson(req, 4 * 1024)).json);
  return NextResponse.json(await writeDiabetesProfile(caller.id, caller.id, input));
});
