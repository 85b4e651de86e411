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
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('meta', { page: t('pages.overview.title') }) };
}

const LINK = 'text-sm font-medium text-teal-800 underline hover:text-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export default async function AdminOverviewPage() {
  await requirePageRole(['ADMIN']);
  const t = await getTranslations('admin');
  const qc = makeQueryClient();
  const [users, devices, shares] = await Promise.all([
    countUsersForAdmin(),
    countDevicesForAdmin(),
    countSharesForAdmin(),
    qc.prefetchQuery({ ...pipelineOptions(), queryFn: async () => toJson(await pipelineStatus()) }),
  ]);
  return (
    <>
      <PageHeader title={t('common.administration')}>{t('pages.overview.intro')}</PageHeader>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Card title={t('pages.users.title')} action={<Link href="/admin/users" className={LINK}>{t('overview.manageUsers')}</Link>}>
          <p className="text-3xl font-semibold tabular-nums">{t('pipeline.number', { value: users.total })}</p>
          <p className="text-sm text-slate-700">
            {t('overview.byRole', { patients: users.byRole.PATIENT, doctors: users.byRole.DOCTOR, caregivers: users.byRole.CAREGIVER, admins: users.byRole.ADMIN })}
          </p>
          <p className="text-sm text-slate-700">{t('overview.disabled', { count: users.disabled })}</p>
        </Card>
        <Card title={t('pages.devices.title')} action={<Link href="/admin/devices" className={LINK}>{t('overview.manageDevices')}</Link>}>
          <p className="text-3xl font-semibold tabular-nums">{t('pipeline.number', { value: devices.active })}</p>
          <p className="text-sm text-slate-700">{t('overview.devicesRest', { revoked: devices.revoked })}</p>
        </Card>
        <Card title={t('pages.shares.title')} action={<Link href="/admin/shares" className={LINK}>{t('overview.manageShares')}</Link>}>
          <p className="text-3xl font-semibold tabular-nums">{t('pipeline.number', { value: shares.active })}</p>
          <p className="text-sm text-slate-700">{t('overview.sharesRest', { expired: shares.expired, revoked: shares.revoked })}</p>
        </Card>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <OverviewPipeline />
      </HydrationBoundary>
    </>
  );
}
