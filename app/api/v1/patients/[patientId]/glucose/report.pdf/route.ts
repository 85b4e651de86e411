// GET /api/v1/patients/:patientId/glucose/report.pdf?from&to — the clinic report (AGP report layout) as a
// one-page PDF, for a doctor or caregiver of the patient (what else it shows follows their link), or
// within a share that covers glucose (?share=<id> picks one; its days only); 404 otherwise.
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { carerReportAccess } from '@/lib/report/load';
import { reportPdfResponse } from '@/lib/report/pdf-response';

export const GET = route<{ patientId: string }>({ kind: 'patient', param: 'patientId' }, async (req, { patientId }) =>
  reportPdfResponse(req, await carerReportAccess(await requireCaller(), patientId, req.nextUrl.searchParams.get('share'))),
);
