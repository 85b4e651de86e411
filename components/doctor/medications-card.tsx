'use client';
// Medications with adherence over the last 7 and 30 days (doses taken, on time or late, of those due).
// For a doctor (the overview's link is a doctor's: read from the cached overview) it also prescribes,
// changes a dose and stops; the API decides who may, this only hides what a caregiver cannot do.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { DoctorMedicationControls } from '@/components/medications/doctor-medication-controls';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { OverviewAdherence as Adherence, PatientOverview } from '@/lib/data/patient-overview';
import { formatDay } from './format';
import { overviewOptions } from './queries';

function AdherenceValue({ a }: { a: Adherence }) {
  if (a.percent === null) return <span className="text-slate-600">no doses due</span>;
  // Under 80 % is the usual cut-off for inadequate adherence.
  const low = a.percent < 80;
  return (
    <span className={low ? 'font-semibold text-red-800' : 'text-slate-900'}>
      {a.percent} % <span className="font-normal text-slate-600">({a.taken} of {a.scheduled})</span>
    </span>
  );
}

export function MedicationsCard({ medications }: { medications: NonNullable<PatientOverview['medications']> }) {
  const { patientId } = useParams<{ patientId: string }>();
  const overview = useQuery({ ...overviewOptions(patientId ?? ''), enabled: Boolean(patientId) });
  const asDoctor = overview.data?.access.kind === 'DOCTOR';
  return (
    <Card title="Medications and adherence">
      {medications.items.length === 0 ? (
        <Empty>No medications recorded.</Empty>
      ) : (
        <>
          <dl className="mb-3 grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-2 text-sm">
            <div><dt className="text-slate-700">All doses, 7 days</dt><dd><AdherenceValue a={medications.last7Days} /></dd></div>
            <div><dt className="text-slate-700">All doses, 30 days</dt><dd><AdherenceValue a={medications.last30Days} /></dd></div>
          </dl>
          <ul className="divide-y divide-slate-100">
            {medications.items.map((m) => (
              <li key={m.id} className="py-2 text-sm">
                <p className="font-medium text-slate-900">
                  {m.name}{m.dosage && <span className="font-normal text-slate-700"> · {m.dosage}</span>}
                </p>
                <p className="text-xs text-slate-600">
                  {m.times.length > 0 ? `At ${m.times.join(', ')}` : 'No fixed times'} · since {formatDay(m.startedOn)}
                  {m.endedOn && ` · ended ${formatDay(m.endedOn)}`}
                  {m.stoppedAt && ` · stopped ${formatDay(m.stoppedAt.slice(0, 10))}`}
                </p>
                <dl className="mt-1 grid grid-cols-2 gap-2">
                  <div><dt className="text-xs text-slate-700">7 days</dt><dd><AdherenceValue a={m.last7Days} /></dd></div>
                  <div><dt className="text-xs text-slate-700">30 days</dt><dd><AdherenceValue a={m.last30Days} /></dd></div>
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
