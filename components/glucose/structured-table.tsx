// Structured testing for meter-only periods: per meal context the number of readings, their average and
// the share within that moment's target, with the note saying why there is no time in range.
import type { GlucoseMetricsAnswer } from '@/lib/data/glucose-report';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { contextLabel, glucoseNumber, glucoseText, metricsNote, percentText, reportNumber, unitLabel } from '@/lib/report/format';

export function StructuredTable({ metrics, unit, locale }: { metrics: GlucoseMetricsAnswer; unit: 'MG_DL' | 'MMOL_L'; locale: Locale }) {
  const t = translator(locale, 'report');
  const note = metricsNote(metrics, locale);
  return (
    <div className="space-y-2">
      {note && <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">{note}</p>}
      {metrics.structured.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('table.caption')}</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t('table.context')}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t('table.readings')}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t('table.average')}</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">{t('table.inTarget')}</th>
                <th scope="col" className="py-1 font-medium">{t('table.target')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {metrics.structured.map((s) => {
                const target = `${glucoseNumber(s.target.low, unit, locale)}–${glucoseNumber(s.target.high, unit, locale)} ${unitLabel(unit)}`;
                return (
                <tr key={s.context}>
                  <th scope="row" className="py-1 pr-3 font-normal text-slate-800">{contextLabel(s.context, locale)}</th>
                  <td className="py-1 pr-3 text-right">{reportNumber(s.count, locale)}</td>
                  <td className="py-1 pr-3 text-right">{glucoseText(s.mean, unit, locale)}</td>
                  <td className="py-1 pr-3 text-right">{percentText(Math.round(s.inTargetPercent), locale)}</td>
                  <td className="py-1 text-slate-700">{target}</td>
                </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
