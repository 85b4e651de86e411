// GET /api/v1/patients/:patientId/glucose/metrics?from&to — the consensus glucose metrics (time in ranges, mean, GMI, SD, CV, CGM active %) of a period of local days, or structured testing for meter-only data, for a doctor or caregiver of the patient or
// within a share that covers glucose (?share=<id> picks one); 404 otherwise. The days are the patient's.
import { requireCaller } from '@/lib/auth/session';
import { patientScope } from '@/lib/data/access';
import { route } from '@/lib/http/handler';
import { glucoseMetricsResponse } from '@/lib/http/glucose-handlers';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  glucoseMetricsResponse(req, await patientScope(await requireCaller(), patientId, { shareId: req.nextUrl.searchParams.get('share') })),
);
