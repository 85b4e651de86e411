// The report's period: 7, 14 (the default), 30 or 90 days ending today in the patient's zone, or any
// from/to. Plain links and a GET form, so it works before (and without) any script.
import Link from 'next/link';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { reportNumber } from '@/lib/report/format';
import { addDays } from '@/lib/time';

export const PERIOD_CHOICES = [7, 14, 30, 90] as const;

export function PeriodPicker({ basePath, today, from, to, locale }: { basePath: string; today: string; from: string; to: string; locale: Locale }) {
  const t = translator(locale, 'report');
  const link = 'rounded-md border px-3 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';
  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden">
      <nav aria-label={t('period.nav')} className="flex flex-wrap gap-2">
        {PERIOD_CHOICES.map((days) => {
          const f = addDays(today, -(days - 1));
          const current = from === f && to === today;
          return (
            <Link key={days} href={`${basePath}?from=${f}&to=${today}`} aria-current={current ? 'page' : undefined}
              className={`${link} ${current ? 'border-teal-700 bg-teal-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:border-teal-600'}`}>
              {t('period.days', { days: reportNumber(days, locale) })}
            </Link>
          );
        })}
      </nav>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col text-slate-700">{t('period.from')}
          <input type="date" name="from" defaultValue={from} max={today} required className="rounded-md border border-slate-300 px-2 py-1 text-slate-900" />
        </label>
        <label className="flex flex-col text-slate-700">{t('period.to')}
          <input type="date" name="to" defaultValue={to} max={today} required className="rounded-md border border-slate-300 px-2 py-1 text-slate-900" />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">{t('period.show')}</button>
      </form>
    </div>
  );
}
