// /shared-with-me/:shareId — one received share, read-only: its types and days only, re-checked on
// every request (expired, revoked or someone else's share: the layout's real 404).
import type { Metadata } from 'next';
import Link from 'next/link';
import { SharedReportLinks } from '@/components/glucose/shared-report-links';
import { ShareScopeText, SharedDataView } from '@/components/sharing/shared-data-view';
import { requireReceivedSharePage } from '@/lib/auth/page-access';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sharing'))('received.metaOne') };
}

export default async function ReceivedSharePage({ params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  // The layout's answer: a read of another person's data, audited once, allowed or not.
  const { caller, share } = await requireReceivedSharePage(shareId);
  const [units, t] = await Promise.all([findDisplayUnits(caller.id), getTranslations('sharing')]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label={t('received.breadcrumb')} className="text-sm">
        <Link href="/shared-with-me" className="rounded text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('received.back')}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{share.patientName}</h1>
        <ShareScopeText share={share} />
        <p className="text-sm text-slate-600">{t('received.readOnly', { zone: share.timeZone.replace(/_/g, ' ') })}</p>
      </header>
      <SharedReportLinks share={share} via="account" />
      <SharedDataView share={share} units={units} />
    </div>
  );
}
