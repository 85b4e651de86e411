'use client';

// A trend of one health type from its aggregates: the value line, a min–max band for averaged types,
// and a target range where one exists (glucose 70–180 mg/dL). Described in text for screen readers.
// Values come rounded to the type's precision; `decimals` is that precision, for the tooltip and text.
import { useLocale, useTranslations } from 'use-intl';
import { numberLocale } from '@/lib/format/health';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type TrendPoint = { label: string; value: number; min?: number | null; max?: number | null };

export function TrendChart({
  points, unitLabel, decimals = 1, band, target, title,
}: { points: TrendPoint[]; unitLabel: string; decimals?: number; band: boolean; target?: { low: number; high: number }; title: string }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  const num = (v: unknown) => Number(v).toLocaleString(numberLocale(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const data = points.map((p) => ({ ...p, range: band && p.min != null && p.max != null ? [p.min, p.max] : undefined }));
  const values = points.map((p) => p.value);
  const summary = values.length
    ? t('summary', { title, count: values.length, first: points[0]!.label, last: points[points.length - 1]!.label, low: num(Math.min(...values)), high: num(Math.max(...values)), unit: unitLabel })
    : t('noData', { title });
  return (
    <figure role="img" aria-label={summary} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} minTickGap={24} />
          <YAxis
            tick={{ fontSize: 12, fill: '#475569' }}
            width={48}
            domain={['auto', 'auto']}
            tickFormatter={locale === 'en' ? undefined : (v: number) => v.toLocaleString(numberLocale(locale))}
          />
          {target && <ReferenceArea y1={target.low} y2={target.high} fill="#99f6e4" fillOpacity={0.35} ifOverflow="extendDomain" />}
          {band && <Area dataKey="range" stroke="none" fill="#5eead4" fillOpacity={0.35} isAnimationActive={false} />}
          <Line dataKey="value" stroke="#0f766e" strokeWidth={2} dot={points.length < 40} isAnimationActive={false} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `${num(v[0])}–${num(v[1])} ${unitLabel}` : `${num(v)} ${unitLabel}`)} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
