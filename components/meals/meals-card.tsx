// Meals and what they did to glucose over the last 14 days of the patient's local days (server component):
// the patterns first, then the meals with their excursions and photos. Mounted on the patient's /meals
// page (with delete buttons) and on the doctor's patient page (read-only), given a scope the page checked.
import { Card } from '@/components/ui/card';
import type { ReadScope } from '@/lib/data/access';
import { recentMealsAnswer } from '@/lib/data/meal-report';
import { MealList } from './meal-list';
import { MealPatternsView } from './meal-patterns-view';

export async function MealsCard({ scope, photoBase, deletable = false }: { scope: ReadScope; photoBase: string; deletable?: boolean }) {
  const answer = await recentMealsAnswer(scope);
  return (
    <Card title={`Meals and glucose (${answer.from} to ${answer.to})`}>
      <div className="space-y-4">
        <section aria-label="Food and glucose patterns">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Patterns</h3>
          <MealPatternsView answer={answer} />
        </section>
        <section aria-label="Meals">
          <h3 className="mb-1 text-sm font-semibold text-slate-900">Meals ({answer.meals.length})</h3>
          <MealList meals={answer.meals} timeZone={scope.timeZone} photoBase={photoBase} deletable={deletable} />
        </section>
      </div>
    </Card>
  );
}
