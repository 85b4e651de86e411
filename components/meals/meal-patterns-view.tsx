// The food–glucose patterns of a period, as the data shows them: each with its sample size and the
// confidence of the stated test; when there is none, what it takes for one to be shown. Never advice.
import type { MealsAnswer } from '@/lib/data/meal-report';
import { MIN_MEALS } from '@/lib/pipeline/meal-patterns';

export function MealPatternsView({ answer }: { answer: Pick<MealsAnswer, 'patterns' | 'withExcursions' | 'high' | 'method'> }) {
  return (
    <div className="space-y-2 text-sm">
      {answer.patterns.length > 0 ? (
        <ul className="space-y-2">
          {answer.patterns.map((p) => (
            <li key={p.group.by === 'mealType' ? `t:${p.group.mealType}` : `d:${p.group.description}`} className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
              <p className="font-medium">{p.summary}</p>
              <p className="text-xs text-amber-900">
                {p.meals} meals with readings · median rise {p.medianRise} mg/dL · median peak {p.medianPeak} mg/dL · confidence {p.confidence.toFixed(2)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md bg-slate-50 p-3 text-slate-700">
          No pattern to show. {answer.withExcursions < MIN_MEALS ? `${answer.withExcursions} of the meals in this period have readings around them; ` : ''}
          a pattern needs at least {MIN_MEALS} meals of one type or description with readings, most of them high.
        </p>
      )}
      <p className="text-xs text-slate-600">
        {answer.high} of {answer.withExcursions} meals with readings were high. {answer.method}
      </p>
    </div>
  );
}
