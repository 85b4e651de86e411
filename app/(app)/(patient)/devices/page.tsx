// GET /devices — the patient's data sources: register (token shown once), order of trust, per-type
// priorities, revoke, what each source contributed over the last 30 days, and Nightscout uploaders.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { DeviceStatus } from '@/components/nightscout/device-status';
import { NightscoutSection } from '@/components/nightscout/nightscout-section';
import { prefetchNightscoutSites } from '@/components/nightscout/prefetch';
import { DevicesView } from '@/components/patient/devices-view';
import { prefetchDevices } from '@/components/patient/prefetch';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { findDisplayUnits, findSourceContributions } from '@/lib/data/aggregates';
import { listTypePriorities } from '@/lib/data/devices';
import { env } from '@/lib/env';
import { makeQueryClient } from '@/lib/query/query-client';
import { getTranslations } from '@/lib/i18n/server';
import { linkClass } from '@/components/patient/styles';
import { todayIn } from '@/components/patient/today';
import { addDays } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('devices'))('metaTitle') };
}

export default async function DevicesPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const today = todayIn(scope.timeZone);
  const t = await getTranslations('devices');
  const qc = makeQueryClient();
  const [units, overrides, contributions] = await Promise.all([
    findDisplayUnits(caller.id),
    listTypePriorities(caller.id),
    findSourceContributions(scope, { fromDay: addDays(today, -29), toDay: today }),
    prefetchDevices(qc, caller.id),
    prefetchNightscoutSites(qc, caller.id),
  ]);
  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich('subtitle', { link: (chunks) => <a href="#nightscout" className={linkClass}>{chunks}</a> })}
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <DevicesView today={today} timeZone={scope.timeZone} units={units} initialOverrides={overrides} contributions={contributions} />
        {/* Site addresses are built from the app's public address, as the create answer's baseUrl is. */}
        <div className="mt-8 space-y-6">
          <DeviceStatus patientId={caller.id} />
          <NightscoutSection appUrl={env().mail.appUrl} timeZone={scope.timeZone} today={today} />
        </div>
      </HydrationBoundary>
    </>
  );
}
