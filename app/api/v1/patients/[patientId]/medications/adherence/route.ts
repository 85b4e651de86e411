// GET /api/v1/patients/:patientId/medications/adherence — as /users/me/medications/adherence, for a linked
// doctor or a caregiver with view permission; anyone else gets 404.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { adherenceResponse } from '@/lib/http/medication-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId }) =>
  adherenceResponse(await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId)),
);
