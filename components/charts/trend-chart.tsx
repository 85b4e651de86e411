'use client';

// A trend of one health type from its aggregates: the value line, a min–max band for averaged types,
// and a target range where one exists (glucose 70–180 mg/dL). Described in text for screen readers.
// Values come rounded to the type's precision; `decimals` is that precision, for the tooltip and text.
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type TrendPoint = { label: string; value: number; min?: number | null; max?: number | null };

export function TrendChart({
  points, unitLabel, decimals = 1, band, target, title,
}: { points: TrendPoint[]; unitLabel: string; decimals?: number; band: boolean; target?: { low: number; high: number }; title: string }) {
  const num = (v: unknown) => Number(v).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const data = points.map((p) => ({ ...p, range: band && p.min != null && p.max != null ? [p.min, p.max] : undefined }));
  const values = points.map((p) => p.value);
  const summary = values.length
    ? `${title}: ${values.length} points from ${points[0]!.label} to ${points[points.length - 1]!.label}, between ${num(Math.min(...values))} and ${num(Math.max(...values))} ${unitLabel}.`
    : `${title}: no data.`;
  return (
    <figure role="img" aria-label={summary} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} minTickGap={24} />
          <YAxis tick={{ fontSize: 12, fill: '#475569' }} width={48} domain={['auto', 'auto']} />
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
