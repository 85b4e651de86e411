'use client';

// Creates a share: which types, which days, until when, and optionally with whom (an e-mail address: a
// doctor or caregiver account holding it sees the share; the answer never says whether one does, so the
// form cannot be used to find out who is registered); without one it makes a link. The API names any
// field at fault; what the form can check itself (a type chosen, the days in order, an end in the future,
// an address's form) it says first, in the reader's language.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { inputClass } from '@/components/patient/styles';
import { Button } from '@/components/ui/button';
import { typeLabelIn } from '@/lib/format/health';
import { invitationInputSchema } from '@/lib/api/invitations';
import { HEALTH_TYPES, type HealthType } from '@/lib/health';
import { apiFetch } from '@/lib/query/api';
import { addDays } from '@/lib/time';
import type { CreatedShare } from './queries';

const COMMON: HealthType[] = ['STEPS', 'HEART_RATE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'BLOOD_GLUCOSE', 'WEIGHT', 'SLEEP_STATE'];
const ORDERED = [...COMMON.filter((t) => HEALTH_TYPES.includes(t)), ...HEALTH_TYPES.filter((t) => !COMMON.includes(t) && t !== 'SLEEP_ANALYSIS')];

type Field = 'types' | 'from' | 'to' | 'expiresAt' | 'recipientEmail';
type Problem = 'types' | 'from' | 'to' | 'order' | 'expires' | 'expiresPast' | 'email';

/** What the form refuses before asking the API (which checks all of it again): the first problem per field. */
export function shareFormProblems(input: { types: number; from: string; to: string; expiresAt: string; recipientEmail: string }, nowMs = Date.now()): Partial<Record<Field, Problem>> {
  const problems: Partial<Record<Field, Problem>> = {};
  if (input.types === 0) problems.types = 'types';
  if (!input.from) problems.from = 'from';
  if (!input.to) problems.to = 'to';
  else if (input.from && input.from > input.to) problems.to = 'order';
  const expires = input.expiresAt ? Date.parse(input.expiresAt) : Number.NaN;
  if (Number.isNaN(expires)) problems.expiresAt = 'expires';
  else if (expires <= nowMs) problems.expiresAt = 'expiresPast';
  // The same address rule as the care-team invitation's (a share's recipient is a doctor or caregiver).
  if (input.recipientEmail && !invitationInputSchema.shape.email.safeParse(input.recipientEmail).success) problems.recipientEmail = 'email';
  return problems;
}

export function ShareForm({ today, onCreated }: { today: string; onCreated: (share: CreatedShare) => void }) {
  const t = useTranslations('sharing.form');
  const locale = useLocale();
  const [types, setTypes] = useState<HealthType[]>(['STEPS']);
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const create = useMutation({
    mutationFn: (body: object) => apiFetch<CreatedShare>('/api/v1/shares', { json: body }),
    onSuccess: onCreated,
  });

  function toggle(type: HealthType, on: boolean) {
    setTypes((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const expires = String(data.get('expiresAt') ?? '');
    const recipientEmail = String(data.get('recipientEmail') ?? '').trim();
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    const found = shareFormProblems({ types: types.length, from, to, expiresAt: expires, recipientEmail });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      types,
      from,
      to,
      expiresAt: new Date(expires).toISOString(),
      ...(recipientEmail ? { recipientEmail } : {}),
    });
  }

  /** The field's problem, under it, named by its id for aria-describedby. */
  const problem = (field: Field) =>
    problems[field] ? <p id={`share-${field}-error`} className="mt-1 text-sm text-red-700">{t(`errors.${problems[field]}`)}</p> : null;
  const describedBy = (field: Field, ...more: string[]) => [problems[field] ? `share-${field}-error` : '', ...more].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={submit} noValidate aria-label={t('label')} className="space-y-4">
      <fieldset aria-describedby={describedBy('types')}>
        <legend className="text-sm font-medium text-slate-900">{t('dataLegend')}</legend>
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {ORDERED.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="types" value={type} checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} className="h-4 w-4 accent-teal-700" />
              {typeLabelIn(type, locale)}
            </label>
          ))}
        </div>
        {problem('types')}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="share-from" className="block text-sm font-medium text-slate-900">{t('from')}</label>
          <input id="share-from" name="from" type="date" required defaultValue={addDays(today, -29)} max={today} aria-invalid={!!problems.from} aria-describedby={describedBy('from')} className={inputClass} />
          {problem('from')}
        </div>
        <div>
          <label htmlFor="share-to" className="block text-sm font-medium text-slate-900">{t('to')}</label>
          <input id="share-to" name="to" type="date" required defaultValue={today} aria-invalid={!!problems.to} aria-describedby={describedBy('to')} className={inputClass} />
          {problem('to')}
        </div>
        <div>
          <label htmlFor="share-expires" className="block text-sm font-medium text-slate-900">{t('expires')}</label>
          <input id="share-expires" name="expiresAt" type="datetime-local" required defaultValue={`${addDays(today, 7)}T20:00`} aria-invalid={!!problems.expiresAt} aria-describedby={describedBy('expiresAt')} className={inputClass} />
          {problem('expiresAt')}
        </div>
      </div>
      <div>
        <label htmlFor="share-recipient" className="block text-sm font-medium text-slate-900">{t('recipient')}</label>
        <input
          id="share-recipient"
          name="recipientEmail"
          type="email"
          autoComplete="off"
          placeholder={t('recipientPlaceholder')}
          aria-invalid={!!problems.recipientEmail}
          aria-describedby={describedBy('recipientEmail', 'share-recipient-help')}
          className={inputClass}
        />
        {problem('recipientEmail')}
        <p id="share-recipient-help" className="mt-1 text-sm text-slate-600">{t('recipientHelp')}</p>
      </div>
      {create.isError && <MutationError error={create.error} />}
      <Button type="submit" disabled={create.isPending}>{create.isPending ? t('creating') : t('create')}</Button>
    </form>
  );
}
