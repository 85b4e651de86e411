'use client';

// The "Meal" kind of the entry forms: type, time, carbohydrates, a description and an optional photo. The
// meal is posted as JSON to `endpoint` (…/meals), then the photo, if one was chosen, is sent as its raw
// bytes to …/meals/{id}/photo (the server judges its type from the bytes). Errors land on their field.
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { Meal } from '@/lib/data/meals';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { InputField, SelectField, TextAreaField } from './fields';

const MEAL_TYPE_LABELS = { breakfast: 'Breakfast', lunch: 'Lunch', dinner: 'Dinner', snack: 'Snack', other: 'Other' } as const;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
type Errors = Record<string, string>;

async function uploadPhoto(endpoint: string, mealId: string, file: File): Promise<void> {
  const res = await fetch(`${endpoint}/${mealId}/photo`, { method: 'PUT', body: file, credentials: 'same-origin' });
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
  throw new ApiRequestError(res.status, body?.error?.message ?? `request failed (${res.status})`, body?.error?.details);
}

function build(form: FormData, nowMs = Date.now()): { ok: true; body: Record<string, unknown>; photo: File | null } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const body: Record<string, unknown> = { mealType: String(form.get('mealType') ?? '') };
  if (!body.mealType) errors.mealType = 'Choose the meal.';
  const when = String(form.get('eatenAt') ?? '').trim();
  if (when) {
    const ms = new Date(when).getTime();
    if (Number.isNaN(ms)) errors.eatenAt = 'Enter a date and time.';
    else if (ms > nowMs + 60_000) errors.eatenAt = 'This is in the future.';
    else body.eatenAt = new Date(ms).toISOString();
  }
  const carbs = String(form.get('carbsGrams') ?? '').trim().replace(',', '.');
  if (carbs) {
    const n = Number(carbs);
    if (!Number.isFinite(n) || n < 0) errors.carbsGrams = 'Enter grams as a number, 0 or more.';
    else body.carbsGrams = n;
  }
  const description = String(form.get('description') ?? '').trim();
  if (description) body.description = description;
  const file = form.get('photo');
  const photo = file instanceof File && file.size > 0 ? file : null;
  if (photo && photo.size > MAX_PHOTO_BYTES) errors.photo = 'The photo is larger than 5 MB.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body, photo };
}

export function MealForm({ endpoint, mealsHref }: { endpoint: string; mealsHref?: string }) {
  const headingId = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const built = build(new FormData(form));
    setSaved(null);
    if (!built.ok) {
      setErrors(built.errors);
      setProblem('Not saved: please check the marked fields.');
      return;
    }
    setErrors({});
    setProblem(null);
    setPending(true);
    let meal: Meal | null = null;
    try {
      meal = await apiFetch<Meal>(endpoint, { json: built.body });
      if (built.photo) await uploadPhoto(endpoint, meal.id, built.photo);
      form.reset();
      setSaved(`Saved: ${MEAL_TYPE_LABELS[meal.mealType]}, ${new Date(meal.eatenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.`);
    } catch (error) {
      const fields: Errors = {};
      if (error instanceof ApiRequestError && Array.isArray(error.details)) {
        for (const d of error.details as { field?: unknown; reason?: unknown }[]) if (typeof d.field === 'string' && typeof d.reason === 'string') fields[d.field] ??= d.reason;
      }
      if (meal && error instanceof ApiRequestError && error.status === 413) fields.photo = 'The photo is larger than 5 MB.';
      setErrors(fields);
      const prefix = meal ? 'The meal was saved, but not its photo.' : 'Not saved.';
      setProblem(error instanceof ApiRequestError ? `${prefix} ${Object.keys(fields).length > 0 ? 'Please check the marked fields.' : error.message}` : `${prefix} Could not reach Pulse.`);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">Meal</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="mealType" label="Meal" defaultValue="" required error={errors.mealType}>
            <option value="" disabled>
              Choose…
            </option>
            {Object.entries(MEAL_TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <InputField name="carbsGrams" label="Carbohydrates (g)" type="text" inputMode="decimal" autoComplete="off" hint="Optional." error={errors.carbsGrams} />
        </div>
        <InputField name="eatenAt" type="datetime-local" label="When" hint="Leave empty for right now (your device's clock)." error={errors.eatenAt} />
        <TextAreaField name="description" label="What you ate" hint="Optional. Meals described the same way are compared with each other." maxLength={500} error={errors.description} />
        <InputField name="photo" type="file" label="Photo" accept="image/jpeg,image/png,image/webp,image/heic" hint="Optional. JPEG, PNG, WebP or HEIC, up to 5 MB; kept encrypted." error={errors.photo} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save meal'}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="empty:hidden">
        {saved && (
          <p className="rounded-md border border-teal-200 bg-teal-50 p-3 text-sm text-teal-900">
            {saved}{' '}
            {mealsHref && (
              <Link href={mealsHref} className="font-medium underline">
                See your meals
              </Link>
            )}
          </p>
        )}
      </div>
      <div role="alert" className="empty:hidden">
        {problem && <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{problem}</p>}
      </div>
    </div>
  );
}
