// The meals of a period, newest first, each with what glucose did after it (or why that is unknown) and,
// when it has one, a thumbnail of its photo loaded through the photo route (decrypted on request).
import type { MealWithExcursion } from '@/lib/data/meal-report';
import { DeleteMealButton } from './delete-meal-button';

const TYPE_LABELS = { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner', snack: 'Snack', other: 'Other' } as const;

function when(iso: string, timeZone: string) {
  return new Date(iso).toLocaleString('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function ExcursionLine({ meal }: { meal: MealWithExcursion }) {
  const e = meal.excursion;
  if (!e) return <p className="text-slate-600">{meal.excursionNote}</p>;
  const rise = e.rise >= 0 ? `+${Math.round(e.rise)}` : String(Math.round(e.rise));
  return (
    <p className={meal.high ? 'font-medium text-amber-900' : 'text-slate-700'}>
      {Math.round(e.before.mgdl)} → peak {Math.round(e.peak.mgdl)} mg/dL ({rise}) after {e.minutesToPeak} min
      {meal.high ? ' · high' : ''}
      <span className="block text-xs font-normal text-slate-600">From {e.sources.join(' and ')} readings ({e.readingsAfter} in the 2 hours after)</span>
    </p>
  );
}

export function MealList({ meals, timeZone, photoBase, deletable }: { meals: MealWithExcursion[]; timeZone: string; photoBase: string; deletable?: boolean }) {
  if (meals.length === 0) return <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-600">No meals in this period.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {[...meals].reverse().map((meal) => (
        <li key={meal.id} className="flex flex-wrap items-start gap-3 py-3 text-sm">
          {meal.hasPhoto && (
            // eslint-disable-next-line @next/next/no-img-element -- a private, decrypted image: no optimizer cache
            <img src={`${photoBase}/${meal.id}/photo`} alt={`Photo of the ${TYPE_LABELS[meal.mealType].toLowerCase()}`} width={64} height={64} loading="lazy" className="h-16 w-16 shrink-0 rounded-md object-cover" />
          )}
          <div className="min-w-0 flex-1 space-y-0.5">
            <p className="font-medium text-slate-900">
              {TYPE_LABELS[meal.mealType]} · {when(meal.eatenAt, timeZone)}
              {meal.carbsGrams !== null && <span className="font-normal text-slate-700"> · {Math.round(meal.carbsGrams)} g carbs</span>}
              {meal.source === 'nightscout' && <span className="font-normal text-slate-600"> · from Nightscout</span>}
            </p>
            {meal.description && <p className="break-words text-slate-800">{meal.description}</p>}
            <ExcursionLine meal={meal} />
          </div>
          {deletable && <DeleteMealButton endpoint={`${photoBase}/${meal.id}`} label={`${TYPE_LABELS[meal.mealType]}, ${when(meal.eatenAt, timeZone)}`} />}
        </li>
      ))}
    </ul>
  );
}
