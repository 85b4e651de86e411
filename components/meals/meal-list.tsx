// The meals of a period, newest first, each with what glucose did after it (or why that is unknown) and,
// when it has one, a thumbnail of its photo loaded through the photo route (decrypted on request).
import type { MealWithExcursion } from '@/lib/data/meal-report';
import { DeleteMealButton } from './delete-meal-button';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

// The excursion's note (why a rise is unknown) comes written in English from lib/data/meal-report (issue 21,
// a later slice).
function when(iso: string, timeZone: string, locale: Locale) {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : intlLocale(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

function ExcursionLine({ meal, locale }: { meal: MealWithExcursion; locale: Locale }) {
  const t = translator(locale, 'meals');
  const e = meal.excursion;
  if (!e) return <p className="text-slate-600">{meal.excursionNote}</p>;
  const rise = e.rise >= 0 ? `+${Math.round(e.rise)}` : String(Math.round(e.rise));
  return (
    <p className={meal.high ? 'font-medium text-amber-900' : 'text-slate-700'}>
      {t('list.excursion', { before: Math.round(e.before.mgdl), peak: Math.round(e.peak.mgdl), rise, minutes: e.minutesToPeak })}
      {meal.high && t('list.high')}
      <span className="block text-xs font-normal text-slate-600">{t('list.sources', { sources: new Intl.ListFormat(locale === 'en' ? 'en-GB' : intlLocale(locale), { type: 'conjunction' }).format(e.sources), count: e.readingsAfter })}</span>
    </p>
  );
}

export function MealList({ meals, timeZone, photoBase, deletable, locale = 'en' }: { meals: MealWithExcursion[]; timeZone: string; photoBase: string; deletable?: boolean; locale?: Locale }) {
  const t = translator(locale, 'meals');
  if (meals.length === 0) return <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-600">{t('list.empty')}</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {[...meals].reverse().map((meal) => (
        <li key={meal.id} className="flex flex-wrap items-start gap-3 py-3 text-sm">
          {meal.hasPhoto && (
            // eslint-disable-next-line @next/next/no-img-element -- a private, decrypted image: no optimizer cache
            <img src={`${photoBase}/${meal.id}/photo`} alt={t(`list.photo.${meal.mealType}`)} width={64} height={64} loading="lazy" className="h-16 w-16 shrink-0 rounded-md object-cover" />
          )}
          <div className="min-w-0 flex-1 space-y-0.5">
            <p className="font-medium text-slate-900">
              {t('list.heading', { type: t(`list.types.${meal.mealType}`), when: when(meal.eatenAt, timeZone, locale) })}
              {meal.carbsGrams !== null && <span className="font-normal text-slate-700">{t('list.carbs', { grams: Math.round(meal.carbsGrams) })}</span>}
              {meal.source === 'nightscout' && <span className="font-normal text-slate-600">{t('list.nightscout')}</span>}
            </p>
            {meal.description && <p className="break-words text-slate-800">{meal.description}</p>}
            <ExcursionLine meal={meal} locale={locale} />
          </div>
          {deletable && <DeleteMealButton endpoint={`${photoBase}/${meal.id}`} label={t('list.deleteLabel', { type: t(`list.types.${meal.mealType}`), when: when(meal.eatenAt, timeZone, locale) })} />}
        </li>
      ))}
    </ul>
  );
}
