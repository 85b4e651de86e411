// GET /api/v1/patients/:patientId/questionnaires/responses — a linked doctor or a caregiver with view
// permission reads the patient's questionnaire responses (as /users/me/questionnaires/responses). Shares
// do not cover them; anyone else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { responsesListResponse } from '@/lib/questionnaires/handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  responsesListResponse(req, await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);
