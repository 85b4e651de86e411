// The stacked time-in-ranges bar of the AGP report: very high on top, very low at the bottom, in the
// consensus colours, each share as a whole number (roundShares(…, 0): never 0 for a share above 0) with
// its consensus goal beside it. A share above 0 keeps a visible sliver however small.
import type { RangeShares, TargetSet } from '@/lib/pipeline/glucose-metrics';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { percentText, RANGE_COLOURS, RANGE_ORDER, rangeGoals, rangeLabels, rangesSentence } from '@/lib/report/format';

export function RangesBar({ ranges, targets, unit, locale, compact = false }: { ranges: RangeShares; targets: TargetSet; unit: 'MG_DL' | 'MMOL_L'; locale: Locale; compact?: boolean }) {
  const labels = rangeLabels(targets, unit, locale);
  const goals = rangeGoals(targets, locale);
  return (
    <figure className="flex gap-4" aria-label={translator(locale, 'report')('ranges.aria', { sentence: rangesSentence(ranges, targets, unit, locale) })} role="group">
      <div className={`flex w-8 shrink-0 flex-col overflow-hidden rounded border border-slate-300 ${compact ? 'h-28' : 'h-48'}`} aria-hidden="true">
        {RANGE_ORDER.map((k) => (ranges[k] > 0 ? <div key={k} style={{ flexGrow: ranges[k], minHeight: 3, backgroundColor: RANGE_COLOURS[k] }} /> : null))}
      </div>
      <ul className={`flex min-w-0 flex-1 flex-col justify-between ${compact ? 'gap-0.5 text-xs' : 'gap-1 text-sm'}`}>
        {RANGE_ORDER.map((k) => (
          <li key={k} className="flex items-start gap-2">
            <span className="mt-1 inline-block h-3 w-3 shrink-0 rounded-sm" style={{ backgroundColor: RANGE_COLOURS[k] }} aria-hidden="true" />
            <span className="min-w-0 flex-1">
              <span className="text-slate-800">{labels[k]}</span>
              {!compact && goals[k] && <span className="block text-xs text-slate-600">{goals[k]}</span>}
            </span>
            <span className="shrink-0 font-semibold tabular-nums text-slate-900">{percentText(ranges[k], locale)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
