'use client';

// The manual entry forms, reusable by any page that may log for a patient: the patient's own /entry page
// posts to /api/v1/users/me/entries, a caregiver's page to /api/v1/patients/<id>/entries. One kind at a
// time (chosen with a radio group), values in the signed-in user's units, success and errors announced.
// The patient's own entries work offline: with no network (or a request lost on the way) the entry is
// kept on this device, encrypted, and sent later with the same Idempotency-Key (lib/offline/send.ts);
// the waiting list shows it until it is.
import Link from 'next/link';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { useOfflineQueue } from '@/components/offline/offline-context';
import { useSaveSnapshot } from '@/components/offline/snapshot';
import { WaitingList } from '@/components/offline/waiting-list';
import type { CreatedEntry, EntryKind } from '@/lib/data/entries';
import { ENTRIES_PATH, newItem } from '@/lib/offline/items';
import { sendOrQueue, type Sent } from '@/lib/offline/send';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { buildEntryBody, describeEntry, type EntryDescription, type FieldErrors } from './entry-body';
import { KINDS } from './entry-options';
import { KindFields } from './kind-fields';
import { MealForm } from './meal-form';

export type EntryFormsProps = {
  /** '/api/v1/users/me/entries', or '/api/v1/patients/<id>/entries' for a caregiver. */
  endpoint: string;
  /** The signed-in user's preferred units (the form starts with them; either unit may be chosen). */
  units: { glucose: 'mg/dL' | 'mmol/L'; weight: 'kg' | 'lb' };
  /** Where the saved entry can be seen, linked from the success message. */
  timelineHref?: string;
  /** Extra work after a save (e.g. invalidating the caller's own queries). */
  onSaved?: (entry: CreatedEntry) => void;
  /** Offers the "Meal" kind (components/entry/meal-form.tsx) posting here: '/api/v1/users/me/meals' or '/api/v1/patients/<id>/meals'. */
  mealsEndpoint?: string;
  /** Where the saved meal can be seen. */
  mealsHref?: string;
};

type EntryT = ReturnType<typeof useTranslations<'entry'>>;

// The server's field reasons stay its (English) words: API messages are the contract.
function errorsFrom(error: unknown, t: EntryT): { fields: FieldErrors; message: string } {
  if (!(error instanceof ApiRequestError)) return { fields: {}, message: t('errors.unreachable') };
  if (error.status === 401) return { fields: {}, message: t('errors.sessionEnded') };
  if (error.status === 404) return { fields: {}, message: t('errors.noPermission') };
  const fields: FieldErrors = {};
  const details = Array.isArray(error.details) ? (error.details as { field?: unknown; reason?: unknown }[]) : [];
  for (const d of details) {
    if (typeof d.field === 'string' && typeof d.reason === 'string') fields[d.field] ??= d.reason.charAt(0).toUpperCase() + d.reason.slice(1) + '.';
  }
  return { fields, message: error.status === 422 ? t('errors.checkFields') : t('errors.notSavedBecause', { message: error.message }) };
}

const noSubscription = () => () => {};

export function EntryForms({ endpoint, units, timelineHref, onSaved, mealsEndpoint, mealsHref }: EntryFormsProps) {
  const t = useTranslations('entry');
  const tOffline = useTranslations('offline');
  const locale = useLocale();
  const format = useFormatter();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [kind, setKind] = useState<EntryKind | 'meal'>('glucose');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Until React has hydrated, a submit would be the browser's own GET with the values in the URL.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  // The signed-in patient's own queue; none when a caregiver logs for someone.
  const queue = useOfflineQueue();
  const offlineCapable = queue !== null && endpoint === ENTRIES_PATH;
  // The units the form starts with, for the offline shell's copy of this form.
  useSaveSnapshot('entry', [], { units }, offlineCapable);
  const mutation = useMutation({
    mutationFn: async (body: Record<string, unknown>): Promise<Sent<CreatedEntry>> =>
      offlineCapable ? sendOrQueue<CreatedEntry>(queue, newItem('entry', endpoint, body)) : { kind: 'sent', answer: await apiFetch<CreatedEntry>(endpoint, { json: body }) },
    // Offline the request is queued, not paused: TanStack Query would otherwise wait for the network.
    networkMode: 'always',
    onSuccess: (result) => {
      if (result.kind !== 'sent') return;
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      onSaved?.(result.answer);
    },
  });

  function choose(next: EntryKind | 'meal') {
    setKind(next);
    setErrors({});
    setProblem(null);
  }

  function focusFirstError(form: HTMLFormElement, fields: FieldErrors) {
    const first = Object.keys(fields).find((name) => form.querySelector(`[name="${name}"]`));
    setTimeout(() => form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus(), 0);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (kind === 'meal') return;
    const form = event.currentTarget;
    const built = buildEntryBody(kind, new FormData(form));
    setSaved(null);
    if (!built.ok) {
      setErrors(Object.fromEntries(Object.entries(built.errors).map(([name, key]) => [name, t(`errors.${key}`)])));
      setProblem(t('errors.checkFields'));
      focusFirstError(form, built.errors);
      return;
    }
    setErrors({});
    setProblem(null);
    mutation.mutate(built.body, {
      onSuccess: (result) => {
        form.reset();
        if (result.kind === 'queued') {
          // The body the form built for this kind.
          setSaved(tOffline('queued', { what: describeEntry(built.body as EntryDescription, locale) }));
          return;
        }
        const entry = result.answer;
        const time = format.dateTime(new Date(entry.at), { dateStyle: 'medium', timeStyle: 'short' });
        setSaved(t('saved', { what: describeEntry(entry, locale), time }));
      },
      onError: (error) => {
        const { fields, message } = errorsFrom(error, t);
        setErrors(fields);
        const unmatched = Object.entries(fields).filter(([name]) => !form.querySelector(`[name="${name}"]`));
        setProblem(unmatched.length > 0 ? `${message} ${unmatched.map(([, reason]) => reason).join(' ')}` : message);
        focusFirstError(form, fields);
      },
    });
  }

  return (
    <div className="space-y-4">
      <WaitingList />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('whatToLog')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {[...KINDS, ...(mealsEndpoint ? (['meal'] as const) : [])].map((k) => (
            <label
              key={k}
              className="cursor-pointer rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-600 has-[:focus-visible]:ring-offset-2"
            >
              <input type="radio" name="entry-kind" value={k} checked={kind === k} onChange={() => choose(k)} className="sr-only" />
              {t(`kinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {kind === 'meal' ? (
        mealsEndpoint && <MealForm endpoint={mealsEndpoint} mealsHref={mealsHref} />
      ) : (
        <form key={kind} onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">{t(`kinds.${kind}`)}</h2>
          <KindFields kind={kind} units={units} errors={errors} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={!hydrated || mutation.isPending}>
              {mutation.isPending ? t('saving') : t('save', { what: t(`kinds.${kind}`).toLocaleLowerCase(locale) })}
            </Button>
          </div>
        </form>
      )}

      <div role="status" aria-live="polite" className="empty:hidden">
        {saved && (
          <p className="rounded-md border border-teal-200 bg-teal-50 p-3 text-sm text-teal-900">
            {saved}{' '}
            {timelineHref && (
              <Link href={timelineHref} className="font-medium underline">
                {t('seeTimeline')}
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
