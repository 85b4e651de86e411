// The glucose statistics of the AGP report: period, days and readings, CGM active time, mean, GMI, SD and
// the coefficient of variation against the 36 % line. Meter-only periods show what spot checks allow.
import type { GlucoseMetricsAnswer } from '@/lib/data/glucose-report';
import { glucoseText, reportDay } from '@/lib/report/format';

export function MetricsTable({ metrics, periodDays, unit }: { metrics: GlucoseMetricsAnswer; periodDays: number; unit: 'MG_DL' | 'MMOL_L' }) {
  const g = (v: number | null) => (v === null ? '—' : glucoseText(v, unit));
  const cgm = metrics.source === 'cgm';
  const rows: [string, string, string?][] = [
    ['Period', `${reportDay(metrics.from)} – ${reportDay(metrics.to)}`],
    ['Days with readings', `${metrics.days} of ${periodDays}`],
    ['Readings', metrics.readings.toLocaleString('en-US')],
  ];
  if (cgm) rows.push(['Time CGM is active', metrics.activePercent === null ? '—' : `${metrics.activePercent.toFixed(1)} %`, 'goal 70 % or more']);
  rows.push([cgm ? 'Mean glucose' : 'Mean of readings', g(metrics.mean)]);
  if (cgm) rows.push(['Glucose management indicator (GMI)', metrics.gmi === null ? '—' : `${metrics.gmi.toFixed(1)} %`]);
  rows.push(['Standard deviation (SD)', g(metrics.sd)]);
  const cvAbove = metrics.cv !== null && metrics.cv > 36;
  rows.push(['Coefficient of variation (CV)', metrics.cv === null ? '—' : `${metrics.cv.toFixed(1)} %`, cvAbove ? 'above the 36 % line: unstable glucose' : 'goal 36 % or less']);
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Glucose statistics</caption>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([label, value, note]) => (
          <tr key={label}>
            <th scope="row" className="py-1 pr-3 font-normal text-slate-700">{label}</th>
            <td className="py-1 text-right font-semibold tabular-nums text-slate-900">
              {value}
              {note && <span className={`block text-xs font-normal ${note.startsWith('above') ? 'text-red-800' : 'text-slate-600'}`}>{note}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
