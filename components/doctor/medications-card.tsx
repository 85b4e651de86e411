'use client';
// Medications with adherence over the last 7 and 30 days (doses taken, on time or late, of those due).
// For a doctor (the overview's link is a doctor's: read from the cached overview) it also prescribes,
// changes a dose and stops; the API decides who may, this only hides what a caregiver cannot do.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useLocale, useTranslations } from 'use-intl';
import { DoctorMedicationControls } from '@/components/medications/doctor-medication-controls';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { OverviewAdherence as Adherence, PatientOverview } from '@/lib/data/patient-overview';
import { localDigits } from '@/lib/format/health';
import { formatDay } from './format';
import { overviewOptions } from './queries';

function AdherenceValue({ a }: { a: Adherence }) {
  const t = useTranslations('doctor.medications');
  if (a.percent === null) return <span className="text-slate-600">{t('noneDue')}</span>;
  // Under 80 % is the usual cut-off for inadequate adherence.
  const low = a.percent < 80;
  return (
    <span className={low ? 'font-semibold text-red-800' : 'text-slate-900'}>
      {t('percent', { percent: a.percent })} <span className="font-normal text-slate-600">{t('takenOf', { taken: a.taken, scheduled: a.scheduled })}</span>
    </span>
  );
}

export function MedicationsCard({ medications }: { medications: NonNullable<PatientOverview['medications']> }) {
  const { patientId } = useParams<{ patientId: string }>();
  const overview = useQuery({ ...overviewOptions(patientId ?? ''), enabled: Boolean(patientId) });
  const asDoctor = overview.data?.access.kind === 'DOCTOR';
  const t = useTranslations('doctor.medications');
  const locale = useLocale();
  // "At 08:00, 20:00 · since 3 May 2026 · stopped 9 May 2026": built as text, the parts joined by " · ".
  const schedule = (m: (typeof medications.items)[number]) =>
    [
      m.times.length > 0 ? t('at', { times: localDigits(m.times.join(', '), locale) }) : t('noFixedTimes'),
      t('since', { day: formatDay(m.startedOn, locale) }),
      m.endedOn && t('ended', { day: formatDay(m.endedOn, locale) }),
      m.stoppedAt && t('stopped', { day: formatDay(m.stoppedAt.slice(0, 10), locale) }),
    ].filter(Boolean).join(' · ');
  return (
    <Card title={t('title')}>
      {medications.items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <>
          <dl className="mb-3 grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-2 text-sm">
            <div><dt className="text-slate-700">{t('all7')}</dt><dd><AdherenceValue a={medications.last7Days} /></dd></div>
            <div><dt className="text-slate-700">{t('all30')}</dt><dd><AdherenceValue a={medications.last30Days} /></dd></div>
          </dl>
          <ul className="divide-y divide-slate-100">
            {medications.items.map((m) => (
              <li key={m.id} className="py-2 text-sm">
                <p className="font-medium text-slate-900">
                  {m.name}{m.dosage && <span className="font-normal text-slate-700"> · {m.dosage}</span>}
                </p>
                <p className="text-xs text-slate-600">
                  {schedule(m)}
                </p>
                <dl className="mt-1 grid grid-cols-2 gap-2">
                  <div><dt className="text-xs text-slate-700">{t('days7')}</dt><dd><AdherenceValue a={m.last7Days} /></dd></div>
                  <div><dt className="text-xs text-slate-700">{t('days30')}</dt><dd><AdherenceValue a={m.last30Days} /></dd></div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      {asDoctor && patientId && <DoctorMedicationControls patientId={patientId} />}
    </Card>
  );
}
