// GET | POST /api/v1/patients/:patientId/medications — a linked doctor or a caregiver with view permission
// reads the patient's medications; a linked doctor prescribes one (and may mark it critical). Shares do not
// cover medications. Anyone else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { patientScope, requireDoctorOf } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { medicationCreateResponse, medicationsListResponse } from '@/lib/http/medication-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  medicationsListResponse(await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  await requireDoctorOf(caller, patientId);
  return medicationCreateResponse(req, caller, await patientScope(caller, patientId));
});
