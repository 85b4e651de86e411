// GET /report?from&to — the patient's own clinic report (AGP report layout) for a period of their local
// days (14 by default), printable, with its PDF (/api/v1/users/me/glucose/report.pdf).
import type { Metadata } from 'next';
import { GlucoseReportView } from '@/components/glucose/report-view';
import { requirePageRole } from '@/lib/auth/page-access';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { ownReportAccess } from '@/lib/report/load';
import { loadReportPage } from '@/lib/report/page-period';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('report'))('meta.patient') };
}

export default async function PatientReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageRole(['PATIENT']);
  const access = await ownReportAccess(caller);
  const { model, period, problem, today } = await loadReportPage(access, await searchParams, await getLocale());
  return (
    <GlucoseReportView
      model={model}
      basePath="/report"
      pdfHref={`/api/v1/users/me/glucose/report.pdf?from=${period.from}&to=${period.to}`}
      today={today}
      problem={problem}
    />
  );
}
