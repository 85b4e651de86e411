// A compact glucose summary for the doctor's patient page: the last 14 days' time-in-ranges bar, GMI and
// CV (or, for meter-only patients, the note saying why there is no time in range), and the way to the
// full AGP report. Server-rendered from the same answer as the metrics API.
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { ReadScope } from '@/lib/data/access';
import { roundShares, targetSet } from '@/lib/pipeline/glucose-metrics';
import { getLocale } from '@/lib/i18n/server';
import { translator } from '@/lib/i18n/messages';
import { glucoseText, metricsNote, percentText, reportDay } from '@/lib/report/format';
import { loadRecentMetrics } from '@/lib/report/recent-metrics';
import { RangesBar } from './ranges-bar';

export async function GlucoseMetricsSummary({ scope, reportHref, unit }: { scope: ReadScope; reportHref: string; unit: 'MG_DL' | 'MMOL_L' }) {
  const [{ metrics: m, preset }, locale] = await Promise.all([loadRecentMetrics(scope), getLocale()]);
  const t = translator(locale, 'report');
  const note = metricsNote(m, locale);
  const pct = (v: number | null) => (v === null ? '—' : percentText(v, locale, 1));
  const link = (
    <Link href={reportHref} className="text-sm font-medium text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
      {t('summary.open')}
    </Link>
  );
  return (
    <Card title={t('summary.title', { from: reportDay(m.from, locale), to: reportDay(m.to, locale) })} action={link}>
      {m.ranges ? (
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <RangesBar ranges={roundShares(m.ranges, 0)} targets={targetSet(preset)} unit={unit} locale={locale} compact />
          <dl className="grid grid-cols-2 content-start gap-2 text-sm sm:grid-cols-1">
            <div><dt className="text-slate-600">{t('summary.gmi')}</dt><dd className="text-lg font-semibold text-slate-900">{pct(m.gmi)}</dd></div>
            <div>
              <dt className="text-slate-600">{t('summary.cv')}</dt>
              <dd className={`text-lg font-semibold ${m.cv !== null && m.cv > 36 ? 'text-red-800' : 'text-slate-900'}`}>{pct(m.cv)}</dd>
              <dd className="text-xs text-slate-600">{m.cv !== null && m.cv > 36 ? t('summary.cvAbove') : t('stats.cvGoal')}</dd>
            </div>
            <div><dt className="text-slate-600">{t('summary.active')}</dt><dd className="font-semibold text-slate-900">{pct(m.activePercent)}</dd></div>
          </dl>
          {note && <p className="text-sm text-amber-900 sm:col-span-2">{note}</p>}
        </div>
      ) : (
        <div className="space-y-1 text-sm text-slate-700">
          {m.mean !== null && <p>{t('summary.meter', { count: m.readings, mean: glucoseText(m.mean, unit, locale) })}</p>}
          <p>{note}</p>
        </div>
      )}
    </Card>
  );
}
