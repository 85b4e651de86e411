// GET /api/v1/patients/:patientId/medications/:medicationId/versions — every version, oldest first (a linked
// doctor, or a caregiver with view permission).
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { medicationVersionsResponse } from '@/lib/http/medication-handlers';

export const GET = route<{ patientId: string; medicationId: string }>({ kind: 'patient', param: 'patientId' }, async (_req, { patientId, medicationId }) =>
  medicationVersionsResponse(await patientScope(await requireCaller(['DOCTOR', 'CAREGIVER']), patientId), medicationId),
);
