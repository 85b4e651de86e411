// /shared-with-me/:shareId — one received share, read-only: its types and days only, re-checked on
// every request (expired, revoked or someone else's share: the not-found page).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ShareScopeText, SharedDataView } from '@/components/sharing/shared-data-view';
import { auditPageView } from '@/lib/audit/page-view';
import { getCaller } from '@/lib/auth/session';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { findReceivedShareById } from '@/lib/data/shares';

export const metadata: Metadata = { title: 'Shared data · Pulse' };

export default async function ReceivedSharePage({ params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const caller = await getCaller();
  if (!caller || (caller.role !== 'DOCTOR' && caller.role !== 'CAREGIVER')) notFound();
  // A read of another person's data: audited first, allowed or not (the share and whose it is).
  const view = { action: 'page.read-shared-data', page: '/shared-with-me/[shareId]', actorUserId: caller.id, subject: { kind: 'share', id: shareId } } as const;
  const share = await auditPageView(view, () => findReceivedShareById(caller.id, shareId));
  if (!share) notFound();
  const units = await findDisplayUnits(caller.id);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/shared-with-me" className="rounded text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          ← Shared with you
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{share.patientName}</h1>
        <ShareScopeText share={share} />
        <p className="text-sm text-slate-600">Read-only. Days are in the patient’s time zone ({share.timeZone.replace(/_/g, ' ')}).</p>
      </header>
      <SharedDataView share={share} units={units} />
    </div>
  );
}
