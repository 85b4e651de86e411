// GET | POST /api/v1/patients/:patientId/labs — a linked doctor or a caregiver with view permission reads
// the patient's lab results (as /users/me/labs); only a linked doctor enters one. Shares do not cover
// labs. Anyone else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { patientScope, requireDoctorOf } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { labCreateResponse, labsListResponse } from '@/lib/http/labs-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  labsListResponse(req, await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  await requireDoctorOf(caller, patientId);
  return labCreateResponse(req, await patientScope(caller, patientId), caller.id);
});
