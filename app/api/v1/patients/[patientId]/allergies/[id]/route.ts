// PATCH | DELETE /api/v1/patients/:patientId/allergies/:id — a linked doctor corrects or removes one of the
// patient's allergies. Anyone else, or another patient's record, gets 404.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { recordDeleteResponse, recordUpdateResponse, recordWriteTarget } from '@/lib/http/record-handlers';

type Params = { patientId: string; id: string };

export const PATCH = route<Params>({ kind: 'patient', param: 'patientId' }, async (req, { patientId, id }) => {
  const caller = await requireCaller(['DOCTOR']);
  return recordUpdateResponse(req, 'allergies', await recordWriteTarget(caller, patientId), id, caller.id);
});

export const DELETE = route<Params>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, id }) => {
  const caller = await requireCaller(['DOCTOR']);
  return recordDeleteResponse('allergies', await recordWriteTarget(caller, patientId), id);
});
