'use client';

// The patient's last 30 days per key type (read-only), from GET /api/v1/patients/:id/aggregates, one
// chart per type with data; types without data are listed so their absence is visible. The range
// ends today (both pages ask for the last 30 days), so its last day is partial and labelled so.
import { useQuery } from '@tanstack/react-query';
import { TrendChart } from '@/components/charts/trend-chart';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { toDisplayRounded, typeLabel, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import { chartScale, dailyChartPoints } from '@/lib/format/chart';
import { shortDay } from './format';
import { aggregatesOptions } from './queries';

/** `optional`: a chart only for patients who have the data (diabetes treatment), never listed as missing. */
type Chart = { type: HealthType; title: string; band: boolean; target?: { low: number; high: number }; optional?: boolean };

const CHARTS: Chart[] = [
  { type: 'STEPS', title: 'Steps per day', band: false },
  { type: 'RESTING_HEART_RATE', title: 'Resting heart rate', band: false },
  { type: 'SLEEP_STATE', title: 'Sleep per night', band: false },
  { type: 'BLOOD_GLUCOSE', title: 'Glucose (daily mean, min–max)', band: true, target: { low: 70, high: 180 } },
  { type: 'BLOOD_PRESSURE_SYSTOLIC', title: 'Systolic blood pressure', band: true },
  { type: 'BLOOD_PRESSURE_DIASTOLIC', title: 'Diastolic blood pressure', band: true },
  { type: 'WEIGHT', title: 'Weight', band: false },
  { type: 'INSULIN', title: 'Total daily insulin', band: false, optional: true },
  { type: 'CARBOHYDRATES', title: 'Carbohydrates per day', band: false, optional: true },
];

export function PatientCharts({ patientId, range, units }: { patientId: string; range: { from: string; to: string }; units: UnitPreferences }) {
  const { data, error, isPending, refetch } = useQuery(aggregatesOptions(patientId, range));
  if (isPending) return <Card title="Last 30 days"><Loading label="Loading charts…" /></Card>;
  if (error) return <Card title="Last 30 days"><ErrorMessage error={error} retry={() => void refetch()} /></Card>;
  // Sleep: the watch's stages when there are any, else the older sleep analysis.
  const charts = CHARTS.map((c) => (c.type === 'SLEEP_STATE' && !data.SLEEP_STATE?.length ? { ...c, type: 'SLEEP_ANALYSIS' as const } : c));
  const shown = charts.filter((c) => (data[c.type]?.length ?? 0) > 0);
  const missing = charts.filter((c) => !shown.includes(c) && !c.optional);
  return (
    <section aria-labelledby="charts-heading" className="space-y-3">
      <h2 id="charts-heading" className="text-lg font-semibold text-slate-900">Last 30 days</h2>
      {shown.length === 0 && <Empty>No data in the last 30 days.</Empty>}
      <div className="grid gap-4 lg:grid-cols-2">
        {shown.map((c) => {
          const { unit, decimals } = chartScale(c.type, units);
          return (
            <Card key={c.type} title={`${c.title} (${unit})`}>
              <TrendChart
                points={dailyChartPoints(c.type, data[c.type] ?? [], { units, today: range.to, dayLabel: shortDay })}
                unitLabel={unit}
                decimals={decimals}
                band={c.band}
                target={c.target && { low: toDisplayRounded(c.type, c.target.low, units), high: toDisplayRounded(c.type, c.target.high, units) }}
                title={c.title}
              />
            </Card>
          );
        })}
      </div>
      {missing.length > 0 && shown.length > 0 && (
        <p className="text-sm text-slate-600">No data in this period: {missing.map((c) => typeLabel(c.type)).join(', ')}.</p>
      )}
    </section>
  );
}
