// GET | PATCH /api/v1/patients/:patientId/diabetes-profile — a linked doctor reads or edits the patient's
// diabetes profile; a caregiver with view permission reads it. Anyone else gets 404.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { requireDoctorOf } from '@/lib/data/access';
import { diabetesProfileInput, readPatientDiabetesProfile, writeDiabetesProfile } from '@/lib/data/diabetes-profile';
import { readJson, route } from '@/lib/http/handler';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  NextResponse.json(await readPatientDiabetesProfile(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);

export const PATCH = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  await requireDoctorOf(caller, patientId);
  const input = diabetesProfileInput.parse((await readJson(req, 4 * 1024)).json);
  return NextResponse.json(await writeDiabetesProfile(patientId, caller.id, input));
});
