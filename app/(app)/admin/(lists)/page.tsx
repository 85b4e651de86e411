// /admin — the overview: accounts, devices and shares counted, the pipeline backlog and recent failures.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { OverviewPipeline } from '@/components/admin/overview-pipeline';
import { pipelineOptions, toJson } from '@/components/admin/queries';
import { requirePageRole } from '@/lib/auth/page-access';
import { PageHeader } from '@/components/admin/table';
import { Card } from '@/components/ui/card';
import { countDevicesForAdmin } from '@/lib/data/admin-devices';
import { countSharesForAdmin } from '@/lib/data/admin-shares';
import { countUsersForAdmin } from '@/lib/data/admin-users';
import { pipelineStatus } from '@/lib/data/pipeline-status';
import { makeQueryClient } from '@/lib/query/query-client';

export const metadata: Metadata = { title: 'Overview · Admin · Pulse' };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const LINK = 'text-sm font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export default async function AdminOverviewPage() {
  await requirePageRole(['ADMIN']);
  const qc = makeQueryClient();
  const [users, devices, shares] = await Promise.all([
    countUsersForAdmin(),
    countDevicesForAdmin(),
    countSharesForAdmin(),
    qc.prefetchQuery({ ...pipelineOptions(), queryFn: async () => toJson(await pipelineStatus()) }),
  ]);
  return (
    <>
      <PageHeader title="Administration">Accounts, devices, shares and the background pipeline at a glance.</PageHeader>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Card title="Users" action={<Link href="/admin/users" className={LINK}>Manage users</Link>}>
          <p className="text-3xl font-semibold tabular-nums">{users.total}</p>
          <p className="text-sm text-slate-700">
            {count(users.byRole.PATIENT, 'patient')} · {count(users.byRole.DOCTOR, 'doctor')} · {count(users.byRole.CAREGIVER, 'caregiver')} · {count(users.byRole.ADMIN, 'admin')}
          </p>
          <p className="text-sm text-slate-700">{users.disabled} disabled</p>
        </Card>
        <Card title="Devices" action={<Link href="/admin/devices" className={LINK}>Manage devices</Link>}>
          <p className="text-3xl font-semibold tabular-nums">{devices.active}</p>
          <p className="text-sm text-slate-700">active · {devices.revoked} revoked</p>
        </Card>
        <Card title="Shares" action={<Link href="/admin/shares" className={LINK}>Manage shares</Link>}>
          <p className="text-3xl font-semibold tabular-nums">{shares.active}</p>
          <p className="text-sm text-slate-700">active · {shares.expired} expired · {shares.revoked} revoked</p>
        </Card>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <OverviewPipeline />
      </HydrationBoundary>
    </>
  );
}
