'use client';

// "Nightscout uploaders" on the Data sources page: CGM apps that upload to Nightscout send here unchanged.
// Create one (its secret shown once, with what to type into each app), then the list: the apps seen on
// each, how to connect another, access tokens, revoke. Revoked ones are listed apart.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { instantPhrase } from '@/components/patient/format';
import { devicesOptions } from '@/components/patient/queries';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { CreatedSite } from './api-types';
import { CreateSiteForm } from './create-site-form';
import { NewSitePanel } from './new-site-panel';
import { nightscoutSitesOptions, siteBaseUrl } from './queries';
import { SiteItem } from './site-item';
import { useLocale, useTranslations } from 'use-intl';

type Props = { appUrl: string; timeZone: string; today: string };

export function NightscoutSection({ appUrl, timeZone, today }: Props) {
  const t = useTranslations('nightscout.section');
  const locale = useLocale();
  const qc = useQueryClient();
  const sites = useQuery(nightscoutSitesOptions);
  const [created, setCreated] = useState<{ site: CreatedSite; atMs: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const all = sites.data?.sites ?? [];
  const active = all.filter((s) => !s.revokedAt);
  const revoked = all.filter((s) => s.revokedAt);

  function onCreated(site: CreatedSite) {
    setCreated({ site, atMs: Date.now() });
    setAnnouncement(t('created', { name: site.name }));
    void qc.invalidateQueries({ queryKey: nightscoutSitesOptions.queryKey });
    void qc.invalidateQueries({ queryKey: devicesOptions.queryKey });
  }

  return (
    <section id="nightscout" aria-labelledby="nightscout-heading" className="space-y-4">
      <div>
        <h2 id="nightscout-heading" className="text-lg font-semibold text-slate-900">{t('title')}</h2>
        <p className="mt-1 text-sm text-slate-700">
          {t('intro')}
        </p>
      </div>
      <p role="status" className="sr-only">{announcement}</p>
      {announcement && <p className="text-sm font-medium text-teal-900" aria-hidden="true">{announcement}</p>}

      {created ? (
        <NewSitePanel site={created.site} createdAtMs={created.atMs} onDone={() => setCreated(null)} />
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <CreateSiteForm onCreated={onCreated} />
        </div>
      )}

      {sites.isPending ? (
        <Loading label={t('loading')} />
      ) : sites.isError ? (
        <ErrorMessage error={sites.error} retry={() => sites.refetch()} />
      ) : active.length === 0 ? (
        <Empty>{t('none')}</Empty>
      ) : (
        <ul className="space-y-3" aria-label={t('listLabel')}>
          {active.map((site) => (
            <SiteItem key={site.id} site={site} baseUrl={siteBaseUrl(appUrl, site.id)} timeZone={timeZone} today={today} onAnnounce={setAnnouncement} />
          ))}
        </ul>
      )}

      {revoked.length > 0 && (
        <details className="rounded-md border border-slate-200 bg-white">
          <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
            {t('revokedTitle', { count: revoked.length })}
          </summary>
          <ul className="divide-y divide-slate-100 px-3 pb-2 text-sm">
            {revoked.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium text-slate-900">{s.name}</span>
                <span className="text-slate-600">{t('revokedAt', { when: instantPhrase(s.revokedAt!, timeZone, today, locale) })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
