'use client';

// One active Nightscout uploader: its address, the apps that have uploaded to it and when, how to connect
// another app (the secret is not shown again), its access tokens, and revoke (confirmed), which stops
// every app using it at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/patient/confirm-dialog';
import { instantPhrase } from '@/components/patient/format';
import { MutationError } from '@/components/patient/mutation-error';
import { devicesOptions } from '@/components/patient/queries';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';
import type { NightscoutSiteJson } from './api-types';
import { SECRET_PLACEHOLDER } from './client-instructions';
import { ClientInstructions, CopyField } from './client-instructions-view';
import { nightscoutSitesOptions } from './queries';
import { TokensPanel } from './tokens-panel';
import { useLocale, useTranslations } from 'use-intl';

type Props = { site: NightscoutSiteJson; baseUrl: string; timeZone: string; today: string; onAnnounce: (message: string) => void };

export function SiteItem({ site, baseUrl, timeZone, today, onAnnounce }: Props) {
  const t = useTranslations('nightscout.site');
  const locale = useLocale();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // Set when the instructions are opened, so the example reading is timed then (and the server render has none).
  const [openedAtMs, setOpenedAtMs] = useState<number | null>(null);
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/nightscout-sites/${site.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setConfirming(false);
      onAnnounce(t('revoked', { name: site.name }));
      await Promise.all([qc.invalidateQueries({ queryKey: nightscoutSitesOptions.queryKey }), qc.invalidateQueries({ queryKey: devicesOptions.queryKey })]);
    },
  });

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="nightscout-site">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="break-words font-semibold text-slate-900">{site.name}</h3>
          <p className="text-sm text-slate-600">{t('createdAt', { when: instantPhrase(site.createdAt, timeZone, today, locale) })}</p>
        </div>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('revoke')}<span className="sr-only"> {site.name}</span>
        </Button>
      </div>
      <div className="mt-3 max-w-2xl">
        <CopyField label="Base URL" value={baseUrl} copyLabel={t('copyBaseUrl', { name: site.name })} />
      </div>

      <h4 className="mt-4 text-sm font-semibold text-slate-900">{t('apps')}</h4>
      {site.uploaders.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t('noApps')}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm" aria-label={t('appsLabel', { name: site.name })}>
          {site.uploaders.map((u) => (
            <li key={u.id} className="flex flex-wrap justify-between gap-2 py-1.5" data-testid="nightscout-uploader">
              <span className="font-medium text-slate-900">{u.name}</span>
              <span className="text-slate-600">{u.lastSyncAt ? t('lastUpload', { when: instantPhrase(u.lastSyncAt, timeZone, today, locale) }) : t('noUpload')}</span>
            </li>
          ))}
        </ul>
      )}

      <details className="mt-3 rounded-md border border-slate-200" onToggle={(e) => e.currentTarget.open && openedAtMs === null && setOpenedAtMs(Date.now())}>
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('howToConnect')}
        </summary>
        <div className="px-3 pb-3">
          <p className="mb-3 text-sm text-slate-700">{t('secretShownOnce', { placeholder: SECRET_PLACEHOLDER })}</p>
          {openedAtMs !== null && <ClientInstructions baseUrl={baseUrl} secret={null} atMs={openedAtMs} />}
        </div>
      </details>

      <TokensPanel siteId={site.id} siteName={site.name} baseUrl={baseUrl} timeZone={timeZone} today={today} />

      {confirming && (
        <ConfirmDialog title={t('revokeTitle', { name: site.name })} confirmLabel={t('revokeConfirm')} pending={revoke.isPending} onConfirm={() => revoke.mutate()} onCancel={() => setConfirming(false)}>
          <p>{t('revokeExplain')}</p>
          {revoke.isError && <div className="mt-2"><MutationError error={revoke.error} /></div>}
        </ConfirmDialog>
      )}
    </li>
  );
}
