'use client';

// The "Meal" kind of the entry forms: type, time, carbohydrates, a description and an optional photo. The
// meal is posted as JSON to `endpoint` (…/meals), then the photo, if one was chosen, is sent as its raw
// bytes to …/meals/{id}/photo (the server judges its type from the bytes). Errors land on their field.
// The patient's own meal works offline like the other entries (lib/offline/send.ts): with no network it is
// kept on this device, encrypted, and sent later with the same Idempotency-Key; its photo is not kept (a
// photo needs the network, and the form says so).
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { useOfflineQueue } from '@/components/offline/offline-context';
import { Button } from '@/components/ui/button';
import type { Meal } from '@/lib/data/meals';
import { MEALS_PATH, newItem } from '@/lib/offline/items';
import { sendOrQueue } from '@/lib/offline/send';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { describeMeal } from './entry-body';
import { InputField, SelectField, TextAreaField } from './fields';

const MEAL_TYPES = ['breakfast', 'lunch', 'dinner', 'snack', 'other'] as const satisfies readonly Meal['mealType'][];
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
type Errors = Record<string, string>;
// Problems found before sending, as message keys (`entry.meal.errors.*`).
type ErrorKey = 'chooseMeal' | 'enterDateTime' | 'inFuture' | 'carbs' | 'photoTooLarge';

async function uploadPhoto(endpoint: string, mealId: string, file: File): Promise<void> {
  const res = await fetch(`${endpoint}/${mealId}/photo`, { method: 'PUT', body: file, credentials: 'same-origin' });
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; details?: unknown } } | null;
  throw new ApiRequestError(res.status, body?.error?.message ?? `request failed (${res.status})`, body?.error?.details);
}

function build(form: FormData, nowMs = Date.now()): { ok: true; body: Record<string, unknown>; photo: File | null } | { ok: false; errors: Record<string, ErrorKey> } {
  const errors: Record<string, ErrorKey> = {};
  const body: Record<string, unknown> = { mealType: String(form.get('mealType') ?? '') };
  if (!body.mealType) errors.mealType = 'chooseMeal';
  const when = String(form.get('eatenAt') ?? '').trim();
  if (when) {
    const ms = new Date(when).getTime();
    if (Number.isNaN(ms)) errors.eatenAt = 'enterDateTime';
    else if (ms > nowMs + 60_000) errors.eatenAt = 'inFuture';
    else body.eatenAt = new Date(ms).toISOString();
  }
  const carbs = String(form.get('carbsGrams') ?? '').trim().replace(',', '.');
  if (carbs) {
    const n = Number(carbs);
    if (!Number.isFinite(n) || n < 0) errors.carbsGrams = 'carbs';
    else body.carbsGrams = n;
  }
  const description = String(form.get('description') ?? '').trim();
  if (description) body.description = description;
  const file = form.get('photo');
  const photo = file instanceof File && file.size > 0 ? file : null;
  if (photo && photo.size > MAX_PHOTO_BYTES) errors.photo = 'photoTooLarge';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body, photo };
}

export function MealForm({ endpoint, mealsHref }: { endpoint: string; mealsHref?: string }) {
  const t = useTranslations('entry');
  const tOffline = useTranslations('offline');
  const format = useFormatter();
  const locale = useLocale();
  const headingId = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  // What was saved; `queued`: on this device only, waiting to be sent (no link to the meals yet).
  const [saved, setSaved] = useState<{ text: string; queued: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  // The signed-in patient's own queue; none when a caregiver logs for someone.
  const queue = useOfflineQueue();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const built = build(new FormData(form));
    setSaved(null);
    if (!built.ok) {
      setErrors(Object.fromEntries(Object.entries(built.errors).map(([name, key]) => [name, t(`meal.errors.${key}`)])));
      setProblem(t('errors.checkFields'));
      return;
    }
    setErrors({});
    setProblem(null);
    setPending(true);
    let meal: Meal | null = null;
    try {
      if (queue !== null && endpoint === MEALS_PATH) {
        const result = await sendOrQueue<Meal>(queue, newItem('meal', endpoint, built.body));
        if (result.kind === 'queued') {
          form.reset();
          const what = describeMeal(built.body as Pick<Meal, 'mealType' | 'carbsGrams'>, locale);
          setSaved({ text: `${tOffline('queued', { what })}${built.photo ? ` ${t('meal.photoNeedsConnection')}` : ''}`, queued: true });
          return;
        }
        meal = result.answer;
      } else {
        meal = await apiFetch<Meal>(endpoint, { json: built.body });
      }
      if (built.photo) await uploadPhoto(endpoint, meal.id, built.photo);
      form.reset();
      setSaved({ text: t('saved', { what: describeMeal(meal, locale), time: format.dateTime(new Date(meal.eatenAt), { dateStyle: 'medium', timeStyle: 'short' }) }), queued: false });
    } catch (error) {
      const fields: Errors = {};
      if (error instanceof ApiRequestError && Array.isArray(error.details)) {
        for (const d of error.details as { field?: unknown; reason?: unknown }[]) if (typeof d.field === 'string' && typeof d.reason === 'string') fields[d.field] ??= d.reason;
      }
      if (meal && error instanceof ApiRequestError && error.status === 413) fields.photo = t('meal.errors.photoTooLarge');
      setErrors(fields);
      const prefix = meal ? t('meal.photoNotSaved') : t('meal.notSaved');
      // The API's own message stays English (API messages are the contract).
      const why = error instanceof ApiRequestError ? (Object.keys(fields).length > 0 ? t('meal.checkFields') : error.message) : t('meal.unreachable');
      setProblem(`${prefix} ${why}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">{t('kinds.meal')}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="mealType" label={t('kinds.meal')} defaultValue="" required error={errors.mealType}>
            <option value="" disabled>
              {t('meal.choose')}
            </option>
            {MEAL_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`meal.types.${value}`)}
              </option>
            ))}
          </SelectField>
          <InputField name="carbsGrams" label={t('meal.carbs')} type="text" inputMode="decimal" autoComplete="off" hint={t('meal.optional')} error={errors.carbsGrams} />
        </div>
        <InputField name="eatenAt" type="datetime-local" label={t('fields.when')} hint={t('fields.whenHint')} error={errors.eatenAt} />
        <TextAreaField name="description" label={t('meal.description')} hint={t('meal.descriptionHint')} maxLength={500} error={errors.description} />
        <InputField name="photo" type="file" label={t('meal.photo')} accept="image/jpeg,image/png,image/webp,image/heic" hint={t('meal.photoHint')} error={errors.photo} />
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('meal.save')}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="empty:hidden">
        {saved && (
          <p className="rounded-md border border-teal-200 bg-teal-50 p-3 text-sm text-teal-900">
            {saved.text}{' '}
            {mealsHref && !saved.queued && (
              <Link href={mealsHref} className="font-medium underline">
                {t('meal.seeMeals')}
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
