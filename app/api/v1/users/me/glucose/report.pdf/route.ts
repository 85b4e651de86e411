// GET /api/v1/users/me/glucose/report.pdf?from=YYYY-MM-DD&to=YYYY-MM-DD — the caller's own clinic report
// (AGP report layout) as a one-page PDF (default the last 14 days).
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { ownReportAccess } from '@/lib/report/load';
import { reportPdfResponse } from '@/lib/report/pdf-response';

export const GET = route('caller', async (req) => reportPdfResponse(req, await ownReportAccess(await requireCaller())));
