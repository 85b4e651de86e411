// GET /caregiver/patients/:patientId — one person, as far as the caregiver's link allows: with view, a
// read-only summary, charts, insights, medications and events; with log permission, the entry forms;
// with alert permission, their emergencies. Without view no health data is shown. No link: not found.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CaregiverEntry } from '@/components/caregiver/caregiver-entry';
import { PermissionList } from '@/components/caregiver/permission-list';
import { TodaySummary } from '@/components/caregiver/today-summary';
import { todayIn } from '@/components/doctor/format';
import { PatientCharts } from '@/components/doctor/patient-charts';
import { PatientOverviewView } from '@/components/doctor/patient-overview-view';
import { prefetchCharts, prefetchOverview, prefetchSummary } from '@/components/doctor/prefetch';
import { requireCarerPagePatient } from '@/lib/auth/page-access';
import { patientScope } from '@/lib/data/access';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';
import { addDays } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('caregiver'))('metaPerson') };
}

export default async function CaregiverPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  // The layout's answer (checked and audited once per request, alerts-only links included).
  const { caller, link } = await requireCarerPagePatient('CAREGIVER', patientId);
  const { patient, access } = link;
  const today = todayIn(patient.timeZone);
  const range = { from: addDays(today, -29), to: today };
  const qc = makeQueryClient();
  const [units, t] = await Promise.all([findDisplayUnits(caller.id), getTranslations('caregiver')]);
  const work: Promise<unknown>[] = [];
  if (access.canView || access.canReceiveAlerts) work.push(prefetchOverview(qc, caller, patientId));
  if (access.canView) {
    const scope = await patientScope(caller, patientId);
    work.push(prefetchCharts(qc, scope, range), prefetchSummary(qc, scope, today));
  }
  await Promise.all(work);
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="mb-2 text-sm">
        <Link href="/caregiver" className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('back')}
        </Link>
      </nav>
      <header className="mb-4 space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">{patient.name}</h1>
        <PermissionList access={access} label={t('mayDo', { name: patient.name })} />
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <div className="space-y-6">
          {!access.canView && (
            <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
              {access.canReceiveAlerts ? t('notSharedAlerts', { name: patient.name }) : t('notShared', { name: patient.name })}
            </p>
          )}
          {access.canReceiveAlerts && <PatientOverviewView patientId={patientId} units={units} timeZone={patient.timeZone} part="emergencies" />}
          {access.canLogData && (
            <CaregiverEntry
              patientId={patientId}
              patientName={patient.name}
              units={{ glucose: units.glucoseUnit === 'MMOL_L' ? 'mmol/L' : 'mg/dL', weight: units.weightUnit === 'LB' ? 'lb' : 'kg' }}
            />
          )}
          {access.canView && (
            <>
              <TodaySummary patientId={patientId} today={today} units={units} />
              <p><Link href={`/caregiver/patients/${patientId}/medications`} className="text-sm font-medium text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('medications')}</Link></p>
              <p><Link href={`/caregiver/patients/${patientId}/report`} className="text-sm font-medium text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('report')}</Link></p>
              <PatientOverviewView patientId={patientId} units={units} timeZone={patient.timeZone} part="health" />
              <PatientCharts patientId={patientId} range={range} units={units} />
            </>
          )}
        </div>
      </HydrationBoundary>
    </>
  );
}
