// GET | PATCH /api/v1/patients/:patientId/medications/:medicationId — one medication of the patient (a linked
// doctor, or a caregiver with view permission); a linked doctor changes or stops it (a new version).
import { requireCaller } from '@/lib/auth/session';
import { patientScope, requireDoctorOf } from '@/lib/data/access';
import { medicationWriter } from '@/lib/data/medications';
import { route } from '@/lib/http/handler';
import { medicationPatchResponse, medicationResponse } from '@/lib/http/medication-handlers';

type Params = { patientId: string; medicationId: string };

export const GET = route<Params>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, medicationId }) =>
  medicationResponse(await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId), medicationId),
);

export const PATCH = route<Params>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, medicationId }) => {
  const caller = await requireCaller(['DOCTOR']);
  await requireDoctorOf(caller, patientId);
  return medicationPatchResponse(req, medicationWriter(caller, await patientScope(caller, patientId)), medicationId);
});
