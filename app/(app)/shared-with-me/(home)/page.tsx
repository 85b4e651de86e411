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
import { getTranslations } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sharing'))('received.metaTitle') };
}

const linkClass = 'rounded font-medium text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export default async function SharedWithMePage() {
  const caller = await requirePageRole(['DOCTOR', 'CAREGIVER']);
  const [shares, t] = await Promise.all([listReceivedShares(caller), getTranslations('sharing')]);
  // Whose data the list shows, recorded before it is shown (GET /api/v1/shares records the same).
  await recordListRead('received-shares', [...new Set(shares.map((share) => share.patientId))], caller.id);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('received.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('received.intro')}</p>
      </header>
      <Card title={t('received.activeTitle', { count: shares.length })}>
        {shares.length === 0 ? (
          <Empty>{t('received.empty')}</Empty>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t('received.listLabel')}>
            {shares.map((share) => (
              <li key={share.id} className="space-y-1 py-3 first:pt-0 last:pb-0" data-testid="received-share">
                <p className="font-medium text-slate-900">{share.patientName}</p>
                <ShareScopeText share={share} />
                <Link href={`/shared-with-me/${share.id}`} className={`${linkClass} text-sm`}>
                  {t('received.view', { name: share.patientName })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
