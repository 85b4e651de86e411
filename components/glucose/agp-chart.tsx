'use client';

// The standard AGP chart (recharts): over one local day (00:00–24:00), the 5–95 % band, the 25–75 % band
// and the median of each 15-minute slot, with the target range shaded between its bounds. A slot without
// readings is left as a gap, never bridged. Values are drawn in the reader's unit; the figure's text
// alternative (agpSentence) says what the chart shows; the server passes its label in the reader's language.
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AgpSlot } from '@/lib/pipeline/glucose-metrics';
import { toUnit } from '@/lib/report/format';

const HOURS = [0, 180, 360, 540, 720, 900, 1080, 1260, 1440];
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:00`;

export function AgpChart({ slots, low, high, unit, summary, label: figureLabel }: { slots: AgpSlot[]; low: number; high: number; unit: 'MG_DL' | 'MMOL_L'; summary: string; label: string }) {
  const u = (v: number | null) => (v === null ? null : Math.round(toUnit(v, unit) * 10) / 10);
  const data = slots.map((s) => ({
    minute: s.minute + 7.5,
    outer: s.n > 0 && s.p5 !== null ? [u(s.p5), u(s.p95)] : null,
    inner: s.n > 0 && s.p25 !== null ? [u(s.p25), u(s.p75)] : null,
    median: s.n > 0 ? u(s.p50) : null,
  }));
  const top = Math.max(unit === 'MMOL_L' ? 20 : 350, ...data.map((d) => (d.outer ? Number(d.outer[1]) : 0)));
  const label = unit === 'MMOL_L' ? 'mmol/L' : 'mg/dL';
  // The AGP report's reference lines: 54, the target bounds, 250.
  const ticks = [...new Set([0, 54, low, high, 250].map((v) => u(v)!))].concat(Math.ceil(top));
  return (
    <figure role="img" aria-label={figureLabel} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="minute" type="number" domain={[0, 1440]} ticks={HOURS} tickFormatter={clock} tick={{ fontSize: 11, fill: '#475569' }} />
          <YAxis domain={[0, Math.ceil(top)]} ticks={ticks} interval={0} tick={{ fontSize: 11, fill: '#475569' }} width={40} label={{ value: label, angle: -90, position: 'insideLeft', fontSize: 11, fill: '#475569' }} />
          <ReferenceArea y1={u(low)!} y2={u(high)!} fill="#bbf7d0" fillOpacity={0.5} />
          <ReferenceLine y={u(low)!} stroke="#15803d" />
          <ReferenceLine y={u(high)!} stroke="#15803d" />
          <Area dataKey="outer" stroke="none" fill="#93c5fd" fillOpacity={0.6} isAnimationActive={false} connectNulls={false} />
          <Area dataKey="inner" stroke="none" fill="#3b82f6" fillOpacity={0.55} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="median" stroke="#1e3a8a" strokeWidth={2.5} dot={false} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
