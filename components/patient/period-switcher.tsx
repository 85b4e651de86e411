'use client';

// Day / Week / Month / Year: toggle buttons (aria-pressed) in a labelled group.
import { useTranslations } from 'use-intl';
import { TREND_PERIODS, type TrendPeriod } from '@/components/patient/trends/periods';

export function PeriodSwitcher({ value, onChange }: { value: TrendPeriod; onChange: (p: TrendPeriod) => void }) {
  const t = useTranslations('trends');
  return (
    <div role="group" aria-label={t('periodGroup')} className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5">
      {TREND_PERIODS.map((p) => (
        <button
          key={p}
          type="button"
          aria-pressed={p === value}
          onClick={() => onChange(p)}
          className={`min-h-9 min-w-14 rounded-md px-3 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-1 ${
            p === value ? 'bg-teal-700 text-white' : 'text-slate-700 hover:bg-slate-100'
          }`}
        >
          {t(`periods.${p}`)}
        </button>
      ))}
    </div>
  );
}
