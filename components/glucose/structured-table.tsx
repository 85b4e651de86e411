// Structured testing for meter-only periods: per meal context the number of readings, their average and
// the share within that moment's target, with the note saying why there is no time in range.
import type { GlucoseMetricsAnswer } from '@/lib/data/glucose-report';
import { CONTEXT_LABELS, glucoseNumber, glucoseText, unitLabel } from '@/lib/report/format';

export function StructuredTable({ metrics, unit }: { metrics: GlucoseMetricsAnswer; unit: 'MG_DL' | 'MMOL_L' }) {
  return (
    <div className="space-y-2">
      {metrics.note && <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">{metrics.note}</p>}
      {metrics.structured.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Meter readings by meal context</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Meal context</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Readings</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Average</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">In target</th>
                <th scope="col" className="py-1 font-medium">Target</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {metrics.structured.map((s) => (
                <tr key={s.context}>
                  <th scope="row" className="py-1 pr-3 font-normal text-slate-800">{CONTEXT_LABELS[s.context] ?? s.context}</th>
                  <td className="py-1 pr-3 text-right">{s.count}</td>
                  <td className="py-1 pr-3 text-right">{glucoseText(s.mean, unit)}</td>
                  <td className="py-1 pr-3 text-right">{Math.round(s.inTargetPercent)} %</td>
                  <td className="py-1 text-slate-700">{glucoseNumber(s.target.low, unit)}–{glucoseNumber(s.target.high, unit)} {unitLabel(unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
