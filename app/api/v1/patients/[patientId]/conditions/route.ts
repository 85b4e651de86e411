// GET | POST /api/v1/patients/:patientId/conditions — the patient's conditions (diagnoses with an optional ICD-10 or SNOMED CT code, onset, status): read by a linked doctor or a
// caregiver with view permission; added only by a linked doctor. Shares do not cover the record; anyone
// else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordCreateResponse, recordListResponse, recordReadScope, recordWriteTarget } from '@/lib/http/record-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  recordListResponse('conditions', await recordReadScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  return recordCreateResponse(req, 'conditions', await recordWriteTarget(caller, patientId), caller.id);
});
