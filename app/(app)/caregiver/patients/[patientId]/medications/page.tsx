// GET /caregiver/patients/:patientId/medications — one person's medications for a caregiver whose link
// carries view permission (read-only: doses due and today's, adherence, the list); with log permission
// the caregiver also logs a due dose taken or skipped (recorded as them). The layout above has checked
// the link (a real, audited 404 otherwise); a link without view permission is a 404 here.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { medicationsKey } from '@/components/medications/format';
import { MedicationsView } from '@/components/medications/medications-view';
import { requireCarerPagePatient } from '@/lib/auth/page-access';
import { patientScope, type ReadScope } from '@/lib/data/access';
import { listMedications } from '@/lib/data/medications';
import { asJson } from '@/lib/query/api';
import { makeQueryClient } from '@/lib/query/query-client';
import { getTranslations } from '@/lib/i18n/server';

/** The list as the API answers it, as of now. */
const listNow = async (scope: ReadScope) => asJson({ medications: await listMedications(scope, Date.now()) });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('medications'))('metaTitle') };
}

export default async function CaregiverMedicationsPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  const { caller, link } = await requireCarerPagePatient('CAREGIVER', patientId);
  if (!link.access.canView) notFound();
  const { patient, access } = link;
  const scope = await patientScope(caller, patientId);
  const base = `/api/v1/patients/${patientId}/medications`;
  const t = await getTranslations('medications');
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: medicationsKey(base), queryFn: () => listNow(scope) });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav aria-label={t('caregiver.breadcrumb')} className="text-sm">
        <Link href={`/caregiver/patients/${patientId}`} className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('caregiver.back', { name: patient.name })}
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t('caregiver.title', { name: patient.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t('caregiver.zone', { name: patient.name, zone: patient.timeZone.replace(/_/g, ' ') })} {access.canLogData ? t('caregiver.canLog') : t('caregiver.cannotLog')}
        </p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <MedicationsView base={base} timeZone={patient.timeZone} owner={patient.name} canLog={access.canLogData} canManage={false} viewerId={caller.id} />
      </HydrationBoundary>
    </div>
  );
}
