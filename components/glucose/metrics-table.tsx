// The glucose statistics of the AGP report: period, days and readings, CGM active time, mean, GMI, SD and
// the coefficient of variation against the 36 % line. Meter-only periods show what spot checks allow.
import type { GlucoseMetricsAnswer } from '@/lib/data/glucose-report';
import { numberLocale } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { glucoseText, percentText, reportDay, reportNumber } from '@/lib/report/format';

export function MetricsTable({ metrics, periodDays, unit, locale }: { metrics: GlucoseMetricsAnswer; periodDays: number; unit: 'MG_DL' | 'MMOL_L'; locale: Locale }) {
  const t = translator(locale, 'report');
  const g = (v: number | null) => (v === null ? '—' : glucoseText(v, unit, locale));
  const pct = (v: number | null) => (v === null ? '—' : percentText(v, locale, 1));
  const cgm = metrics.source === 'cgm';
  // [label, value, note under the value, whether the note warns]
  const rows: [string, string, string?, boolean?][] = [
    [t('stats.period'), `${reportDay(metrics.from, locale)} – ${reportDay(metrics.to, locale)}`],
    [t('stats.days'), t('stats.daysOf', { days: reportNumber(metrics.days, locale), total: reportNumber(periodDays, locale) })],
    [t('stats.readings'), metrics.readings.toLocaleString(numberLocale(locale))],
  ];
  if (cgm) rows.push([t('stats.active'), pct(metrics.activePercent), t('stats.activeGoal')]);
  rows.push([t(cgm ? 'stats.mean' : 'stats.meanMeter'), g(metrics.mean)]);
  if (cgm) rows.push([t('stats.gmi'), pct(metrics.gmi)]);
  rows.push([t('stats.sd'), g(metrics.sd)]);
  const cvAbove = metrics.cv !== null && metrics.cv > 36;
  rows.push([t('stats.cv'), pct(metrics.cv), cvAbove ? t('stats.cvAbove') : t('stats.cvGoal'), cvAbove]);
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{t('stats.caption')}</caption>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([label, value, note, warns]) => (
          <tr key={label}>
            <th scope="row" className="py-1 pr-3 font-normal text-slate-700">{label}</th>
            <td className="py-1 text-right font-semibold tabular-nums text-slate-900">
              {value}
              {note && <span className={`block text-xs font-normal ${warns ? 'text-red-800' : 'text-slate-600'}`}>{note}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
