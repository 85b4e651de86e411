// GET /api/v1/patients/:patientId/samples — a doctor's or caregiver's read of a patient they care for, or within a share
// they received (?share=<id> picks one of several; 404 outside its types and dates); 404 otherwise.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { samplesResponse } from '@/lib/http/read-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  samplesResponse(req, await patientScope(await requireCaller(), patientId, { shareId: req.nextUrl.searchParams.get('share') })),
);
