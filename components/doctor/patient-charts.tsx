'use client';

// The patient's last 30 days per key type (read-only), from GET /api/v1/patients/:id/aggregates, one
// chart per type with data; types without data are listed so their absence is visible. The range
// ends today (both pages ask for the last 30 days), so its last day is partial and labelled so.
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { TrendChart } from '@/components/charts/trend-chart';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { toDisplayRounded, typeLabelIn, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import { chartScale, dailyChartPoints } from '@/lib/format/chart';
import { shortDay } from './format';
import { aggregatesOptions } from './queries';

/** `optional`: a chart only for patients who have the data (diabetes treatment), never listed as missing. Titles: doctor.charts.titles.<type>. */
type Chart = { type: HealthType; band: boolean; target?: { low: number; high: number }; optional?: boolean };

const CHARTS: Chart[] = [
  { type: 'STEPS', band: false },
  { type: 'RESTING_HEART_RATE', band: false },
  { type: 'SLEEP_STATE', band: false },
  { type: 'BLOOD_GLUCOSE', band: true, target: { low: 70, high: 180 } },
  { type: 'BLOOD_PRESSURE_SYSTOLIC', band: true },
  { type: 'BLOOD_PRESSURE_DIASTOLIC', band: true },
  { type: 'WEIGHT', band: false },
  { type: 'INSULIN', band: false, optional: true },
  { type: 'CARBOHYDRATES', band: false, optional: true },
];

export function PatientCharts({ patientId, range, units }: { patientId: string; range: { from: string; to: string }; units: UnitPreferences }) {
  const { data, error, isPending, refetch } = useQuery(aggregatesOptions(patientId, range));
  const t = useTranslations('doctor.charts');
  const locale = useLocale();
  if (isPending) return <Card title={t('heading')}><Loading label={t('loading')} /></Card>;
  if (error) return <Card title={t('heading')}><ErrorMessage error={error} retry={() => void refetch()} /></Card>;
  // Sleep: the watch's stages when there are any, else the older sleep analysis (titled as sleep all the same).
  const charts = CHARTS.map((c) => ({ ...c, title: t(`titles.${c.type as 'STEPS'}`) })).map((c) =>
    c.type === 'SLEEP_STATE' && !data.SLEEP_STATE?.length ? { ...c, type: 'SLEEP_ANALYSIS' as const } : c,
  );
  const shown = charts.filter((c) => (data[c.type]?.length ?? 0) > 0);
  const missing = charts.filter((c) => !shown.includes(c) && !c.optional);
  return (
    <section aria-labelledby="charts-heading" className="space-y-3">
      <h2 id="charts-heading" className="text-lg font-semibold text-slate-900">{t('heading')}</h2>
      {shown.length === 0 && <Empty>{t('empty')}</Empty>}
      <div className="grid gap-4 lg:grid-cols-2">
        {shown.map((c) => {
          const { unit, decimals } = chartScale(c.type, units);
          return (
            <Card key={c.type} title={t('withUnit', { title: c.title, unit })}>
              <TrendChart
                points={dailyChartPoints(c.type, data[c.type] ?? [], { units, today: range.to, dayLabel: (day) => shortDay(day, locale), locale })}
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
        <p className="text-sm text-slate-600">{t('missing', { types: missing.map((c) => typeLabelIn(c.type, locale)).join(', ') })}</p>
      )}
    </section>
  );
}
