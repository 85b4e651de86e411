// GET /doctor/patients/:patientId — one patient for their doctor: review, emergencies, insights,
// medications, events, the last 14 days' glucose metrics (with the way to the AGP report), the diabetes
// profile (editable), insulin and carbs (when there are any), 30 days of charts (read-only) and the
// alert settings. Prefetched on the server;
// a doctor without an active link (or anyone else) gets the not-found page from the layout (a real 404).
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertSettingsForm } from '@/components/doctor/alert-settings-form';
import { DiabetesCard } from '@/components/doctor/diabetes-card';
import { DiabetesProfileCard } from '@/components/glucose/diabetes-profile-card';
import { GlucoseMetricsSummary } from '@/components/glucose/metrics-summary';
import { LabsCard } from '@/components/labs/labs-card';
import { todayIn } from '@/components/doctor/format';
import { PatientCharts } from '@/components/doctor/patient-charts';
import { PatientOverviewView } from '@/components/doctor/patient-overview-view';
import { prefetchAlertSettings, prefetchCharts, prefetchOverview } from '@/components/doctor/prefetch';
import { ReviewPanel } from '@/components/doctor/review-panel';
import { MealsCard } from '@/components/meals/meals-card';
import { QuestionnairesCard } from '@/components/questionnaires/doctor-card';
import { DeviceStatus } from '@/components/nightscout/device-status';
import { RecordCard } from '@/components/record/record-card';
import { requireCarerPagePatient } from '@/lib/auth/page-access';
import { patientScope } from '@/lib/data/access';
import { findDisplayUnits } from '@/lib/data/aggregates';
import { findDiabetesSummary } from '@/lib/data/diabetes-summary';
import { findMe } from '@/lib/data/users';
import { getTranslations } from '@/lib/i18n/server';
import { makeQueryClient } from '@/lib/query/query-client';
import { addDays } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('doctor'))('patient.metaTitle') };
}

export default async function DoctorPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  // The layout's answer (checked and audited once per request).
  const { caller, link } = await requireCarerPagePatient('DOCTOR', patientId);
  const { patient } = link;
  const scope = await patientScope(caller, patientId);
  const today = todayIn(patient.timeZone);
  const range = { from: addDays(today, -29), to: today };
  const qc = makeQueryClient();
  const [t, me, units, diabetes] = await Promise.all([
    getTranslations('doctor'),
    findMe(caller.id),
    findDisplayUnits(caller.id),
    findDiabetesSummary(scope, { fromDay: range.from, toDay: range.to, today }),
    prefetchOverview(qc, caller, patientId),
    prefetchCharts(qc, scope, range),
    prefetchAlertSettings(qc, caller, patientId),
  ]);
  return (
    <>
      <nav aria-label={t('patient.breadcrumb')} className="mb-2 text-sm">
        <Link href="/doctor" className="text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('patient.allPatients')}
        </Link>
      </nav>
      <header className="mb-4">
        <h1 className="text-2xl font-semibold text-slate-900">{patient.name}</h1>
        <p className="mt-1 text-sm text-slate-700">{t('patient.readOnly', { zone: patient.timeZone.replace(/_/g, ' ') })}</p>
      </header>
      <HydrationBoundary state={dehydrate(qc)}>
        <div className="space-y-6">
          <ReviewPanel patientId={patientId} timeZone={me.timeZone} />
          <PatientOverviewView patientId={patientId} units={units} timeZone={patient.timeZone} />
          <GlucoseMetricsSummary scope={scope} reportHref={`/doctor/patients/${patientId}/report`} unit={units.glucoseUnit} />
          <DiabetesProfileCard patientId={patientId} endpoint={`/api/v1/patients/${patientId}/diabetes-profile`} />
          <DeviceStatus patientId={patientId} />
          {diabetes && <DiabetesCard summary={diabetes} />}
          <RecordCard patientId={patientId} />
          <LabsCard patientId={patientId} timeZone={patient.timeZone} />
          <QuestionnairesCard patientId={patientId} timeZone={patient.timeZone} />
          <MealsCard scope={scope} photoBase={`/api/v1/patients/${patientId}/meals`} />
          <PatientCharts patientId={patientId} range={range} units={units} />
          <AlertSettingsForm patientId={patientId} />
        </div>
      </HydrationBoundary>
    </>
  );
}
