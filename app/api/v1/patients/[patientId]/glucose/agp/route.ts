// GET /api/v1/patients/:patientId/glucose/agp?from&to — the Ambulatory Glucose Profile: percentiles per 15-minute slot of the local day, for a doctor or caregiver of the patient or
// within a share that covers glucose (?share=<id> picks one); 404 otherwise. The days are the patient's.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { glucoseAgpResponse } from '@/lib/http/glucose-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  glucoseAgpResponse(req, await patientScope(await requireCaller(), patientId, { shareId: req.nextUrl.searchParams.get('share') })),
);
