'use client';

// The patient's shares: with whom, what, which days, until when, and whether still active. Revoking
// (confirmed) ends a share on its next use.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { ConfirmDialog } from '@/components/patient/confirm-dialog';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { formatDay } from '@/components/patient/trends/periods';
import { typeLabelIn } from '@/lib/format/health';
import { intlLocale } from '@/lib/i18n/locales';
import { apiFetch } from '@/lib/query/api';
import { sharesOptions, type ShareJson } from './queries';

const TONE = {
  active: 'bg-teal-50 text-teal-900 ring-teal-200',
  expired: 'bg-slate-50 text-slate-700 ring-slate-200',
  revoked: 'bg-red-50 text-red-800 ring-red-200',
} as const;

function ShareItem({ share, formatInstant }: { share: ShareJson; formatInstant: (iso: string) => string }) {
  const qc = useQueryClient();
  const t = useTranslations('sharing.list');
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/shares/${share.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: sharesOptions.queryKey });
      setConfirming(false);
    },
  });
  const link = share.recipient.kind === 'link';
  const who = link ? t('anyone') : (share.recipient.email ?? t('closedAccount'));
  const when = share.status === 'revoked' && share.revokedAt ? share.revokedAt : share.expiresAt;
  return (
    <li className="py-3 first:pt-0 last:pb-0" data-testid="share-item">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="font-medium break-all text-slate-900">{who}</p>
        <span className={`rounded-full px-2.5 py-0.5 text-sm ring-1 ring-inset ${TONE[share.status]}`}>{t(`status.${share.status}`)}</span>
      </div>
      <p className="mt-1 text-sm text-slate-700">{share.types.map((type) => typeLabelIn(type, locale)).join(', ')}</p>
      <p className="text-sm text-slate-700">
        {t.rich('period', {
          from: formatDay(share.from, 'year', locale),
          to: formatDay(share.to, 'year', locale),
          state: share.status,
          when: formatInstant(when),
          start: (chunks) => <time dateTime={share.from}>{chunks}</time>,
          end: (chunks) => <time dateTime={share.to}>{chunks}</time>,
        })}
      </p>
      {share.status === 'active' && (
        <Button variant="danger" className="mt-2" onClick={() => setConfirming(true)} aria-label={t('revokeAria', { who: link ? t('anyoneInSentence') : who })}>
          {t('revoke')}
        </Button>
      )}
      {confirming && (
        <ConfirmDialog title={t('confirmTitle')} confirmLabel={t('confirmLabel')} pending={revoke.isPending} onConfirm={() => revoke.mutate()} onCancel={() => setConfirming(false)}>
          <p>{t('confirmBody', { who })}</p>
          {revoke.isError && <div className="mt-2"><MutationError error={revoke.error} /></div>}
        </ConfirmDialog>
      )}
    </li>
  );
}

export function ShareList({ shares, timeZone }: { shares: ShareJson[]; timeZone: string }) {
  const t = useTranslations('sharing.list');
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <ul className="divide-y divide-slate-100" aria-label={t('label')}>
      {shares.map((s) => (
        <ShareItem key={s.id} share={s} formatInstant={(iso) => format.format(new Date(iso))} />
      ))}
    </ul>
  );
}
