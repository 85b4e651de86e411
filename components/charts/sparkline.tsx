'use client';

// A small trend line for tables (doctor triage); the numbers are described for screen readers.
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return <span className="text-xs text-slate-500">not enough data</span>;
  return (
    <span role="img" aria-label={`${label}: ${values.map((v) => Math.round(v)).join(', ')}`} className="inline-block h-8 w-28">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={values.map((value, i) => ({ i, value }))}>
          <YAxis hide domain={['auto', 'auto']} />
          <Line dataKey="value" stroke="#0f766e" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </span>
  );
}
