'use client';

// Shown once, right after a Nightscout uploader is created: its base URL and API secret, what to type into
// each app, and a curl command to try it. The secret cannot be shown again (only its hashes are stored).
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { CreatedSite } from './api-types';
import { ClientInstructions, CopyField } from './client-instructions-view';
import { useTranslations } from 'use-intl';

export function NewSitePanel({ site, createdAtMs, onDone }: { site: CreatedSite; createdAtMs: number; onDone: () => void }) {
  const t = useTranslations('nightscout.newSite');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="ns-secret-heading" className="rounded-xl border-2 border-amber-300 bg-amber-50 p-4" data-testid="nightscout-secret-panel">
      <h3 id="ns-secret-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        {t('title', { name: site.name })}
      </h3>
      <p className="mt-1 text-sm text-slate-800" role="note">
        {t.rich('onlyNow', { strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <CopyField label="Base URL" value={site.baseUrl} copyLabel={t('copyBaseUrl')} />
        <CopyField label="API secret" value={site.apiSecret} copyLabel={t('copySecret')} />
      </div>
      <h4 className="mt-5 font-semibold text-slate-900">{t('whatToType')}</h4>
      <div className="mt-2">
        <ClientInstructions baseUrl={site.baseUrl} secret={site.apiSecret} atMs={createdAtMs} />
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onDone}>{t('saved')}</Button>
      </div>
    </section>
  );
}
