'use client';

// Today so far for a patient the caregiver may view: the day's aggregates of the everyday types.
import { useQuery } from '@tanstack/react-query';
import { summaryOptions } from '@/components/doctor/queries';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { formatValue, typeLabel, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';

const TYPES: HealthType[] = ['STEPS', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'WEIGHT'];

export function TodaySummary({ patientId, today, units }: { patientId: string; today: string; units: UnitPreferences }) {
  const { data, error, isPending, refetch } = useQuery(summaryOptions(patientId, today));
  const shown = TYPES.filter((t) => data?.types[t] !== undefined);
  return (
    <Card title="Today so far">
      {isPending ? (
        <Loading label="Loading today…" />
      ) : error ? (
        <ErrorMessage error={error} retry={() => void refetch()} />
      ) : shown.length === 0 ? (
        <Empty>Nothing recorded yet today.</Empty>
      ) : (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {shown.map((t) => (
            <div key={t} className="rounded-md bg-slate-50 p-2">
              <dt className="text-xs text-slate-700">{typeLabel(t)}{t.startsWith('BLOOD_') || t === 'RESTING_HEART_RATE' ? ' (average)' : ''}</dt>
              <dd className="text-base font-semibold text-slate-900">{formatValue(t, data.types[t]!, units)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
