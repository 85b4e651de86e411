// Insulin and carbohydrates over the page's period, compact: total daily insulin with its basal / bolus
// split, daily carbs, and the most recent days. Averages are over whole days with data (the card says how
// many); doses whose kind was not sent are shown as such, never folded into basal or bolus. A server
// component: words and numbers in the reader's language.
import { Card } from '@/components/ui/card';
import type { DiabetesSummary } from '@/lib/data/diabetes-summary';
import { soFarLabel } from '@/lib/format/chart';
import { numberLocale } from '@/lib/format/health';
import { roundTo } from '@/lib/health/precision';
import type { Locale } from '@/lib/i18n/locales';
import { getLocale, getTranslations } from '@/lib/i18n/server';
import { shortDay } from './format';

const RECENT_DAYS = 7;

/** "4.5 U" as a pump states it (up to 2 decimals), "120 g"; in the reader's digits and grouping. */
const units = (value: number, locale: Locale) => `${roundTo(value, 2).toLocaleString(numberLocale(locale), { maximumFractionDigits: 2 })} U`;
const grams = (value: number, locale: Locale) => `${roundTo(value, 0).toLocaleString(numberLocale(locale))} g`;

export async function DiabetesCard({ summary, title }: { summary: DiabetesSummary; title?: string }) {
  const [t, locale] = await Promise.all([getTranslations('doctor'), getLocale()]);
  const { insulin, carbs } = summary;
  const recent = summary.days.slice(0, RECENT_DAYS);
  const withShare = (part: number, total: number) =>
    total > 0 ? t('diabetes.withShare', { value: units(part, locale), percent: Math.round((part / total) * 100) }) : units(part, locale);
  const split = insulin && [
    t('diabetes.basal', { value: withShare(insulin.basal, insulin.value) }),
    t('diabetes.bolus', { value: withShare(insulin.bolus, insulin.value) }),
    insulin.unspecified > 0 && t('diabetes.unspecified', { value: withShare(insulin.unspecified, insulin.value) }),
  ].filter(Boolean).join(' · ');
  return (
    <Card title={title ?? t('diabetes.title')}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">{t('diabetes.totalDailyInsulin')}</dt>
          <dd className="text-lg font-semibold text-slate-900">
            {insulin ? t('diabetes.perDay', { value: units(insulin.value, locale) }) : t('diabetes.noInsulin')}
          </dd>
          {insulin && (
            <dd className="text-slate-700">
              {split}
              <span className="block text-xs text-slate-600">{t('diabetes.averageOf', { count: insulin.days })}</span>
            </dd>
          )}
        </div>
        <div>
          <dt className="text-slate-600">{t('diabetes.carbohydrates')}</dt>
          <dd className="text-lg font-semibold text-slate-900">{carbs ? t('diabetes.perDay', { value: grams(carbs.value, locale) }) : t('diabetes.noCarbs')}</dd>
          {carbs && <dd className="text-xs text-slate-600">{t('diabetes.averageOf', { count: carbs.days })}</dd>}
        </div>
      </dl>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('diabetes.caption')}</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t('diabetes.day')}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('diabetes.insulin')}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('diabetes.basalHeader')}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t('diabetes.bolusHeader')}</th>
              <th scope="col" className="py-1 font-medium">{t('diabetes.carbs')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {recent.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="py-1 pr-3 font-normal text-slate-700">{d.partial ? soFarLabel(shortDay(d.day, locale), locale) : shortDay(d.day, locale)}</th>
                <td className="py-1 pr-3 text-slate-900">{d.insulin === null ? '—' : units(d.insulin, locale)}</td>
                <td className="py-1 pr-3 text-slate-700">{d.insulin === null ? '—' : units(d.basal, locale)}</td>
                <td className="py-1 pr-3 text-slate-700">{d.insulin === null ? '—' : units(d.bolus, locale)}</td>
                <td className="py-1 text-slate-900">{d.carbs === null ? '—' : grams(d.carbs, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
