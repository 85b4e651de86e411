'use client';
// One questionnaire's scores over time (recharts), the severity bands shaded from the definition so a rise
// into a higher band is visible; oldest to newest. Described in words for screen readers.
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResponseAnswer } from '@/lib/data/questionnaires';
import type { QuestionnaireDefinition } from '@/lib/questionnaires/definition';
import { useLocale, useTranslations } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { intlLocale } from '@/lib/i18n/locales';
import { answeredOn, bandLabel } from './format';

const BAND_FILLS = ['#f0fdfa', '#fefce8', '#fff7ed', '#fef2f2', '#fdf2f8'];

export function ScoreTrend({ definition, responses, timeZone }: { definition: QuestionnaireDefinition; responses: ResponseAnswer[]; timeZone: string }) {
  const t = useTranslations('questionnaires.trend');
  const locale = useLocale() as Locale;
  const on = (iso: string) => answeredOn(iso, timeZone, locale);
  const points = [...responses].reverse().map((r) => ({ t: Date.parse(r.answeredAt), score: r.score }));
  const max = responses[0]?.maxScore ?? 0;
  const latest = responses[0];
  const label = latest
    ? t('labelLatest', { title: definition.shortTitle, count: points.length, score: latest.score, max, band: bandLabel(locale, definition.code, latest.band, latest.bandLabel).toLocaleLowerCase(intlLocale(locale)), day: on(latest.answeredAt) })
    : t('label', { title: definition.shortTitle, count: points.length });
  return (
    <div className="h-44 w-full" role="img" aria-label={label}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          {definition.scoring.bands.map((b, i) => (
            <ReferenceArea key={b.code} y1={b.min} y2={b.max + (i === definition.scoring.bands.length - 1 ? 0 : 1)} fill={BAND_FILLS[i % BAND_FILLS.length]} fillOpacity={1} ifOverflow="hidden" />
          ))}
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => on(new Date(ms).toISOString())} fontSize={11} />
          <YAxis fontSize={11} width={32} domain={[0, max]} allowDecimals={false} />
          <Tooltip labelFormatter={(ms) => on(new Date(Number(ms)).toISOString())} formatter={(v) => [t('scoreOf', { score: Number(v), max }), definition.shortTitle]} />
          <Line dataKey="score" stroke="#0f766e" isAnimationActive={false} dot={{ r: 3, fill: '#0f766e' }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
