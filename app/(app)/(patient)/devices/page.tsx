// GET /devices — the patient's data sources: register (token shown once), order of trust, per-type
// priorities, revoke, and what each source contributed over the last 30 days.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { DevicesView } from '@/components/patient/devices-view';
import { prefetchDevices } from '@/components/patient/prefetch';
import { requirePageRole } from '@/lib/auth/page-access';
import { ownScope } from '@/lib/data/access';
import { findDisplayUnits, findSourceContributions } from '@/lib/data/aggregates';
import { listTypePriorities } from '@/lib/data/devices';
import { makeQueryClient } from '@/lib/query/query-client';
import { todayIn } from '@/components/patient/today';
import { addDays } from '@/lib/time';

export const metadata: Metadata = { title: 'Data sources · Pulse' };

export default async function DevicesPage() {
  const caller = await requirePageRole(['PATIENT']);
  const scope = await ownScope(caller);
  const today = todayIn(scope.timeZone);
  const qc = makeQueryClient();
  const [units, overrides, contributions] = await Promise.all([
    findDisplayUnits(caller.id),
    listTypePriorities(caller.id),
    findSourceContributions(scope, { fromDay: addDays(today, -29), toDay: today }),
    prefetchDevices(qc, caller.id),
  ]);
  return (
    <>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">Data sources</h1>
        <p className="mt-1 text-sm text-slate-600">
          The devices and apps that send your data, which one counts when they overlap, and what each contributed.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <DevicesView today={today} timeZone={scope.timeZone} units={units} initialOverrides={overrides} contributions={contributions} />
      </HydrationBoundary>
    </>
  );
}
