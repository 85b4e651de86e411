// /shared-with-me — the active shares a doctor or caregiver received: whose data, what, which days,
// until when, each opening a read-only view. Expired and revoked shares are simply not listed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ShareScopeText } from '@/components/sharing/shared-data-view';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import { recordListRead } from '@/lib/audit/context';
import { requirePageRole } from '@/lib/auth/page-access';
import { listReceivedShares } from '@/lib/data/shares';

export const metadata: Metadata = { title: 'Shared with you · Pulse' };

const linkClass = 'rounded font-medium text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export default async function SharedWithMePage() {
  const caller = await requirePageRole(['DOCTOR', 'CAREGIVER']);
  const shares = await listReceivedShares(caller);
  // Whose data the list shows, recorded before it is shown (GET /api/v1/shares records the same).
  await recordListRead('received-shares', [...new Set(shares.map((share) => share.patientId))], caller.id);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Shared with you</h1>
        <p className="mt-1 text-sm text-slate-600">Data patients chose to share with you, read-only, for the days and until the time they set.</p>
      </header>
      <Card title={`Active shares (${shares.length})`}>
        {shares.length === 0 ? (
          <Empty>Nobody is sharing data with you right now.</Empty>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Shares you received">
            {shares.map((share) => (
              <li key={share.id} className="space-y-1 py-3 first:pt-0 last:pb-0" data-testid="received-share">
                <p className="font-medium text-slate-900">{share.patientName}</p>
                <ShareScopeText share={share} />
                <Link href={`/shared-with-me/${share.id}`} className={`${linkClass} text-sm`}>
                  View {share.patientName}’s shared data
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
