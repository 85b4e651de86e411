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
import { GRANT_COOKIE, readGrant } from '../share/grant';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Shared health data · Pulse', referrer: 'no-referrer', robots: { index: false, follow: false } };

export default async function SharedPage() {
  const shareId = readGrant((await cookies()).get(GRANT_COOKIE)?.value);
  // A read of someone's data through a link: audited before anything is shown, also when the share has
  // ended since the grant was signed (a failed write fails the page).
  const view = { action: 'share.link-read', page: '/shared', actorUserId: null, subject: { kind: 'share', id: shareId ?? '' } } as const;
  const share = shareId ? await auditPageView(view, () => findActiveLinkShare(shareId)) : null;
  if (!share) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
      <header className="space-y-1">
        <p className="text-sm font-semibold text-teal-800">Pulse · shared with you</p>
        <h1 className="text-2xl font-semibold text-slate-900">Health data of {share.patientName}</h1>
        <ShareScopeText share={share} />
        <p className="text-sm text-slate-600">Read-only. Days are in {share.patientName}’s time zone ({share.timeZone.replace(/_/g, ' ')}).</p>
      </header>
      <SharedReportLinks share={share} via="link" />
      <SharedDataView share={share} units={DEFAULT_UNITS} />
    </main>
  );
}
