// The food–glucose patterns of a period, as the data shows them: each with its sample size and the
// confidence of the stated test; when there is none, what it takes for one to be shown. Never advice.
import type { MealsAnswer } from '@/lib/data/meal-report';
import { HIGH_PEAK_MGDL, HIGH_RISE_MGDL, MIN_CONFIDENCE, MIN_MEALS, type MealPattern } from '@/lib/pipeline/meal-patterns';
import { numberLocale } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

/** "In 6 of 7 breakfasts with readings, glucose rose …": the pattern's `summary`, in the reader's language. */
export function patternSummary(p: MealPattern, locale: Locale = 'en'): string {
  const t = translator(locale, 'meals');
  const n = (v: number) => v.toLocaleString(numberLocale(locale));
  const values = { high: n(p.high), meals: n(p.meals), rise: n(HIGH_RISE_MGDL), peak: n(HIGH_PEAK_MGDL) };
  return p.group.by === 'mealType'
    ? t('patterns.summaryType', { ...values, type: p.group.mealType })
    : t('patterns.summaryDescription', { ...values, description: p.group.description });
}

/** The method's sentence (lib/data/meal-report.ts PATTERN_METHOD, the API's English), in the reader's language. */
export function patternMethod(locale: Locale = 'en'): string {
  const n = (v: number) => v.toLocaleString(numberLocale(locale));
  return translator(locale, 'meals')('patterns.method', { rise: n(HIGH_RISE_MGDL), peak: n(HIGH_PEAK_MGDL), min: n(MIN_MEALS), confidence: n(MIN_CONFIDENCE) });
}

// The API's `summary` and `method` are English; the page words them from the pattern's numbers.
export function MealPatternsView({ answer, locale = 'en' }: { answer: Pick<MealsAnswer, 'patterns' | 'withExcursions' | 'high'>; locale?: Locale }) {
  const t = translator(locale, 'meals');
  return (
    <div className="space-y-2 text-sm">
      {answer.patterns.length > 0 ? (
        <ul className="space-y-2">
          {answer.patterns.map((p) => (
            <li key={p.group.by === 'mealType' ? `t:${p.group.mealType}` : `d:${p.group.description}`} className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
              <p className="font-medium">{patternSummary(p, locale)}</p>
              <p className="text-xs text-amber-900">
                {t('patterns.stats', { meals: p.meals, rise: p.medianRise, peak: p.medianPeak, confidence: p.confidence.toLocaleString(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md bg-slate-50 p-3 text-slate-700">
          {t('patterns.none')} {answer.withExcursions < MIN_MEALS && t('patterns.fewReadings', { count: answer.withExcursions })} {t('patterns.needs', { min: MIN_MEALS })}
        </p>
      )}
      <p className="text-xs text-slate-600">
        {t('patterns.highOf', { high: answer.high, total: answer.withExcursions })} {patternMethod(locale)}
      </p>
    </div>
  );
}
