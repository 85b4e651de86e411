// Insulin and carbohydrates over the page's period, compact: total daily insulin with its basal / bolus
// split, daily carbs, and the most recent days. Averages are over whole days with data (the card says how
// many); doses whose kind was not sent are shown as such, never folded into basal or bolus.
import { Card } from '@/components/ui/card';
import type { DiabetesSummary } from '@/lib/data/diabetes-summary';
import { formatGrams, formatUnits } from '@/lib/format/doses';
import { shortDay } from './format';

const RECENT_DAYS = 7;
const share = (part: number, total: number) => (total > 0 ? ` (${Math.round((part / total) * 100)} %)` : '');
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function DiabetesCard({ summary, title = 'Insulin and carbs (30 days)' }: { summary: DiabetesSummary; title?: string }) {
  const { insulin, carbs } = summary;
  const recent = summary.days.slice(0, RECENT_DAYS);
  return (
    <Card title={title}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">Total daily insulin</dt>
          <dd className="text-lg font-semibold text-slate-900">
            {insulin ? `${formatUnits(insulin.value)} per day` : 'No whole day with insulin data'}
          </dd>
          {insulin && (
            <dd className="text-slate-700">
              Basal {formatUnits(insulin.basal)}{share(insulin.basal, insulin.value)} · bolus {formatUnits(insulin.bolus)}{share(insulin.bolus, insulin.value)}
              {insulin.unspecified > 0 && <> · kind not given {formatUnits(insulin.unspecified)}{share(insulin.unspecified, insulin.value)}</>}
              <span className="block text-xs text-slate-600">Average of {days(insulin.days)} with data</span>
            </dd>
          )}
        </div>
        <div>
          <dt className="text-slate-600">Carbohydrates</dt>
          <dd className="text-lg font-semibold text-slate-900">{carbs ? `${formatGrams(carbs.value)} per day` : 'No whole day with carbs logged'}</dd>
          {carbs && <dd className="text-xs text-slate-600">Average of {days(carbs.days)} with data</dd>}
        </div>
      </dl>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Insulin and carbohydrates per day, most recent first</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Day</th>
              <th scope="col" className="py-1 pr-3 font-medium">Insulin</th>
              <th scope="col" className="py-1 pr-3 font-medium">Basal</th>
              <th scope="col" className="py-1 pr-3 font-medium">Bolus</th>
              <th scope="col" className="py-1 font-medium">Carbs</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {recent.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="py-1 pr-3 font-normal text-slate-700">{shortDay(d.day)}{d.partial ? ' (so far)' : ''}</th>
                <td className="py-1 pr-3 text-slate-900">{d.insulin === null ? '—' : formatUnits(d.insulin)}</td>
                <td className="py-1 pr-3 text-slate-700">{d.insulin === null ? '—' : formatUnits(d.basal)}</td>
                <td className="py-1 pr-3 text-slate-700">{d.insulin === null ? '—' : formatUnits(d.bolus)}</td>
                <td className="py-1 text-slate-900">{d.carbs === null ? '—' : formatGrams(d.carbs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
