// /shared — the link-share viewer, reached once a link's code was exchanged (app/share). The browser
// carries a signed grant (share id), never the code; the share is re-checked in the database on every
// request, so a revoked or expired share is the plain 404 at once. No sign-in: the link is the permission.
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { SharedReportLinks } from '@/components/glucose/shared-report-links';
import { ShareScopeText, SharedDataView } from '@/components/sharing/shared-data-view';
import { auditPageView } from '@/lib/audit/page-view';
import { findActiveLinkShare } from '@/lib/data/shares';
import { DEFAULT_UNITS } from '@/lib/format/health';
import { getTranslations } from '@/lib/i18n/server';
import { GRANT_COOKIE, readGrant } from '../share/grant';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sharing'))('viewer.metaTitle'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}

export default async function SharedPage() {
  const shareId = readGrant((await cookies()).get(GRANT_COOKIE)?.value);
  // A read of someone's data through a link: audited before anything is shown, also when the share has
  // ended since the grant was signed (a failed write fails the page).
  const view = { action: 'share.link-read', page: '/shared', actorUserId: null, subject: { kind: 'share', id: shareId ?? '' } } as const;
  const share = shareId ? await auditPageView(view, () => findActiveLinkShare(shareId)) : null;
  if (!share) notFound();
  const t = await getTranslations('sharing');
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold text-teal-800">{t('viewer.eyebrow')}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{t('viewer.title', { name: share.patientName })}</h1>
        <ShareScopeText share={share} />
        <p className="text-sm text-slate-600">{t('viewer.readOnly', { name: share.patientName, zone: share.timeZone.replace(/_/g, ' ') })}</p>
      </header>
      <SharedReportLinks share={share} via="link" />
      <SharedDataView share={share} units={DEFAULT_UNITS} />
    </main>
  );
}
