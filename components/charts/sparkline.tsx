'use client';

// A small trend line for cards and tables; the numbers are described for screen readers, with
// `decimals` (the type's display precision; whole numbers unless told).
import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { useLocale, useTranslations } from 'use-intl';
import { localDigits } from '@/lib/format/health';
import { roundTo } from '@/lib/health/precision';

export function Sparkline({ values, label, decimals = 0 }: { values: number[]; label: string; decimals?: number }) {
  const t = useTranslations('charts');
  const locale = useLocale();
  if (values.length < 2) return <span className="text-xs text-slate-500">{t('notEnough')}</span>;
  const spoken = values.map((v) => localDigits(String(roundTo(v, decimals)), locale)).join(', ');
  return (
    <span role="img" aria-label={t('sparkline', { label, values: spoken })} className="inline-block h-8 w-28">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={values.map((value, i) => ({ i, value: roundTo(value, decimals) }))}>
          <YAxis hide domain={['auto', 'auto']} />
          <Line dataKey="value" stroke="#0f766e" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </span>
  );
}
