// /shared/report?from&to — the clinic report (AGP report layout) within a link share that covers blood
// glucose: the share's days only, glucose only (no medications, emergencies or profile). No sign-in: the
// grant cookie is the permission, re-checked on every request; anything else is the plain 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GlucoseReportView } from '@/components/glucose/report-view';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { loadReportPage } from '@/lib/report/page-period';
import { linkShareReport } from '../link-share-report';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('report'))('meta.shared'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}

export default async function SharedReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const found = await linkShareReport('/shared/report');
  if (!found) notFound();
  // The reader's language: a link share's reader is usually signed out (cookie, else Accept-Language).
  const { model, period, problem, today } = await loadReportPage(found.access, await searchParams, await getLocale());
  const t = await getTranslations('report');
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <GlucoseReportView
        model={model}
        basePath="/shared/report"
        pdfHref={`/shared/report.pdf?from=${period.from}&to=${period.to}`}
        today={today < found.share.toDay ? today : found.share.toDay}
        problem={problem}
        breadcrumb={
          <nav aria-label={t('breadcrumb')} className="text-sm print:hidden">
            <Link href="/shared" className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('sharedBack')}</Link>
          </nav>
        }
      />
    </main>
  );
}
