// GET /caregiver/patients/:patientId/report?from&to — the clinic report (AGP report layout) of one person
// for a caregiver whose link carries view permission (medications; open emergencies only with alert
// permission): a period of the patient's local days (14 by default), printable, with its PDF. The layout
// above has checked the link (a real, audited 404 otherwise); a link without view permission is a 404 here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GlucoseReportView } from '@/components/glucose/report-view';
import { requireCarerPagePatient } from '@/lib/auth/page-access';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { carerReportAccess } from '@/lib/report/load';
import { loadReportPage } from '@/lib/report/page-period';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('report'))('meta.carer') };
}

export default async function CaregiverReportPage({ params, searchParams }: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { patientId } = await params;
  const { caller, link } = await requireCarerPagePatient('CAREGIVER', patientId);
  if (!link.access.canView) notFound();
  const access = await carerReportAccess(caller, patientId);
  const locale = await getLocale();
  const { model, period, problem, today } = await loadReportPage(access, await searchParams, locale);
  const t = await getTranslations('report');
  const back = `← ${model.patient.name}`;
  return (
    <GlucoseReportView
      model={model}
      basePath={`/caregiver/patients/${patientId}/report`}
      pdfHref={`/api/v1/patients/${patientId}/glucose/report.pdf?from=${period.from}&to=${period.to}`}
      today={today}
      problem={problem}
      breadcrumb={
        <nav aria-label={t('breadcrumb')} className="text-sm print:hidden">
          <Link href={`/caregiver/patients/${patientId}`} className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
            {back}
          </Link>
        </nav>
      }
    />
  );
}
