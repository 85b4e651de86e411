'use client';

// Today so far for a patient the caregiver may view: the day's aggregates of the everyday types. The
// day is not over, so each value says what part it is (steps so far, a night that may still be going
// on) and none is compared with whole days.
import { useQuery } from '@tanstack/react-query';
import { summaryOptions } from '@/components/doctor/queries';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { formatValue, typeLabel, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';

const TYPES: HealthType[] = ['STEPS', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'WEIGHT'];

/** What part of a running day each value is. */
export function todayLabel(type: HealthType): string {
  if (type === 'STEPS') return 'Steps so far';
  if (type === 'SLEEP_STATE') return 'Sleep ending today (night may still be going on)';
  if (type === 'WEIGHT') return 'Weight (latest today)';
  return `${typeLabel(type)} (average so far)`;
}

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
              <dt className="text-xs text-slate-700">{todayLabel(t)}</dt>
              <dd className="text-base font-semibold text-slate-900">{formatValue(t, data.types[t]!, units)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
