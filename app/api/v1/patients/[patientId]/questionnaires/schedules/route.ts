// GET | POST /api/v1/patients/:patientId/questionnaires/schedules — a linked doctor lists and sets the
// patient's questionnaire schedules ({ questionnaire: 'gad7', everyDays: 14, startOn? }). Anyone else 404.
import { requireCaller } from '@/lib/auth/session';
import { patientScope, requireDoctorOf } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { scheduleCreateResponse, schedulesListResponse } from '@/lib/questionnaires/handlers';

async function doctorScope(patientId: string) {
  const caller = await requireCaller(['DOCTOR']);
  await requireDoctorOf(caller, patientId);
  return { caller, scope: await patientScope(caller, patientId) };
}

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  schedulesListResponse((await doctorScope(patientId)).scope),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const { caller, scope } = await doctorScope(patientId);
  return scheduleCreateResponse(req, scope, caller.id);
});
