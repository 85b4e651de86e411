// GET | POST /api/v1/patients/:patientId/allergies — the patient's allergies (substance, reaction, severity, criticality; dangerous ones first): read by a linked doctor or a
// caregiver with view permission; added only by a linked doctor. Shares do not cover the record; anyone
// else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordCreateResponse, recordListResponse, recordReadScope, recordWriteTarget } from '@/lib/http/record-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  recordListResponse('allergies', await recordReadScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  return recordCreateResponse(req, 'allergies', await recordWriteTarget(caller, patientId), caller.id);
});
