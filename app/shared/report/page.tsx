// /shared/report?from&to — the clinic report (AGP report layout) within a link share that covers blood
// glucose: the share's days only, glucose only (no medications, emergencies or profile). No sign-in: the
// grant cookie is the permission, re-checked on every request; anything else is the plain 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GlucoseReportView } from '@/components/glucose/report-view';
import { loadReportPage } from '@/lib/report/page-period';
import { linkShareReport } from '../link-share-report';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shared glucose report · Pulse', referrer: 'no-referrer', robots: { index: false, follow: false } };

export default async function SharedReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const found = await linkShareReport('/shared/report');
  if (!found) notFound();
  const { model, period, problem, today } = await loadReportPage(found.access, await searchParams);
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <GlucoseReportView
        model={model}
        basePath="/shared/report"
        pdfHref={`/shared/report.pdf?from=${period.from}&to=${period.to}`}
        today={today < found.share.toDay ? today : found.share.toDay}
        problem={problem}
        breadcrumb={
          <nav aria-label="Breadcrumb" className="text-sm print:hidden">
            <Link href="/shared" className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">← Shared health data</Link>
          </nav>
        }
      />
    </main>
  );
}
