// GET | POST /api/v1/patients/:patientId/emergency-contacts — the patient's emergency contacts (name, relation, phone, in the order to call them): read by a linked doctor or a
// caregiver with view permission; added only by a linked doctor. Shares do not cover the record; anyone
// else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordCreateResponse, recordListResponse, recordReadScope, recordWriteTarget } from '@/lib/http/record-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  recordListResponse('emergency-contacts', await recordReadScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);

export const POST = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) => {
  const caller = await requireCaller(['DOCTOR']);
  return recordCreateResponse(req, 'emergency-contacts', await recordWriteTarget(caller, patientId), caller.id);
});
