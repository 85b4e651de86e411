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
import { ClientInstructions, CopyField } from './client-instructions-view';
import { nightscoutSitesOptions } from './queries';
import { TokensPanel } from './tokens-panel';

type Props = { site: NightscoutSiteJson; baseUrl: string; timeZone: string; today: string; onAnnounce: (message: string) => void };

export function SiteItem({ site, baseUrl, timeZone, today, onAnnounce }: Props) {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // Set when the instructions are opened, so the example reading is timed then (and the server render has none).
  const [openedAtMs, setOpenedAtMs] = useState<number | null>(null);
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/nightscout-sites/${site.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setConfirming(false);
      onAnnounce(`${site.name} revoked. Every app using it is refused from its next upload; the readings it sent are kept.`);
      await Promise.all([qc.invalidateQueries({ queryKey: nightscoutSitesOptions.queryKey }), qc.invalidateQueries({ queryKey: devicesOptions.queryKey })]);
    },
  });

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="nightscout-site">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="break-words font-semibold text-slate-900">{site.name}</h3>
          <p className="text-sm text-slate-600">Created {instantPhrase(site.createdAt, timeZone, today)}</p>
        </div>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Revoke<span className="sr-only"> {site.name}</span>
        </Button>
      </div>
      <div className="mt-3 max-w-2xl">
        <CopyField label="Base URL" value={baseUrl} copyLabel={`Copy base URL of ${site.name}`} />
      </div>

      <h4 className="mt-4 text-sm font-semibold text-slate-900">Apps uploading here</h4>
      {site.uploaders.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None yet: the first upload of an app adds it here, named as the app names itself.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm" aria-label={`Apps uploading to ${site.name}`}>
          {site.uploaders.map((u) => (
            <li key={u.id} className="flex flex-wrap justify-between gap-2 py-1.5" data-testid="nightscout-uploader">
              <span className="font-medium text-slate-900">{u.name}</span>
              <span className="text-slate-600">{u.lastSyncAt ? `Last upload ${instantPhrase(u.lastSyncAt, timeZone, today)}` : 'No upload kept yet'}</span>
            </li>
          ))}
        </ul>
      )}

      <details className="mt-3 rounded-md border border-slate-200" onToggle={(e) => e.currentTarget.open && openedAtMs === null && setOpenedAtMs(Date.now())}>
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          How to connect an app
        </summary>
        <div className="px-3 pb-3">
          <p className="mb-3 text-sm text-slate-700">The API secret was shown once, when this uploader was created: type it where &lt;API secret&gt; stands.</p>
          {openedAtMs !== null && <ClientInstructions baseUrl={baseUrl} secret={null} atMs={openedAtMs} />}
        </div>
      </details>

      <TokensPanel siteId={site.id} siteName={site.name} baseUrl={baseUrl} timeZone={timeZone} today={today} />

      {confirming && (
        <ConfirmDialog title={`Revoke ${site.name}?`} confirmLabel="Revoke uploader" pending={revoke.isPending} onConfirm={() => revoke.mutate()} onCancel={() => setConfirming(false)}>
          <p>
            Every app using this address stops at once: its next upload is refused, and the secret and its access tokens no
            longer work. The readings already sent are kept and still count.
          </p>
          {revoke.isError && <div className="mt-2"><MutationError error={revoke.error} /></div>}
        </ConfirmDialog>
      )}
    </li>
  );
}
