// Meals and what they did to glucose over the last 14 days of the patient's local days (server component):
// the patterns first, then the meals with their excursions and photos. Mounted on the patient's /meals
// page (with delete buttons) and on the doctor's patient page (read-only), given a scope the page checked.
import { Card } from '@/components/ui/card';
import type { ReadScope } from '@/lib/data/access';
import { recentMealsAnswer } from '@/lib/data/meal-report';
import { getLocale } from '@/lib/i18n/server';
import { translator } from '@/lib/i18n/messages';
import { formatDay } from '@/components/patient/trends/periods';
import { MealList } from './meal-list';
import { MealPatternsView } from './meal-patterns-view';

export async function MealsCard({ scope, photoBase, deletable = false }: { scope: ReadScope; photoBase: string; deletable?: boolean }) {
  const [answer, locale] = await Promise.all([recentMealsAnswer(scope), getLocale()]);
  const t = translator(locale, 'meals');
  return (
    <Card title={t('card.title', { from: formatDay(answer.from, 'short', locale), to: formatDay(answer.to, 'short', locale) })}>
      <div className="space-y-4">
        <section aria-label={t('card.patternsLabel')}>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('card.patterns')}</h3>
          <MealPatternsView answer={answer} locale={locale} />
        </section>
        <section aria-label={t('card.mealsLabel')}>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('card.meals', { count: answer.meals.length })}</h3>
          <MealList meals={answer.meals} timeZone={scope.timeZone} photoBase={photoBase} deletable={deletable} locale={locale} />
        </section>
      </div>
    </Card>
  );
}
