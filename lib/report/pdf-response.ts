// The clinic report's PDF as an HTTP answer, shared by /users/me/glucose/report.pdf,
// /patients/{id}/glucose/report.pdf and the link-share viewer's /shared/report.pdf: the period parsed once
// (lib/http/glucose-handlers), the report loaded once (load.ts), drawn (pdf.ts). Never cached: it is
// someone's health record. The file name carries the period only, never the patient's name.
import type { NextRequest } from 'next/server';
import { periodOf } from '../http/glucose-handlers';
import { loadReport, type ReportAccess } from './load';
import { renderReportPdf } from './pdf';
import { getLocale } from '../i18n/server';

export async function reportPdfResponse(req: NextRequest, access: ReportAccess): Promise<Response> {
  const now = Date.now();
  const period = periodOf(req, access.scope, now);
  // In the reader's language: the signed-in person's choice, else (a link share's reader) the cookie or Accept-Language.
  const pdf = await renderReportPdf(await loadReport(access, period, { nowMs: now, locale: await getLocale() }));
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="glucose-report-${period.from}-to-${period.to}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
