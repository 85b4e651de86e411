'use client';

// Creates a share: which types, which days, until when, and optionally with whom (an e-mail address: a
// doctor or caregiver account holding it sees the share; the answer never says whether one does, so the
// form cannot be used to find out who is registered); without one it makes a link. The API names any
// field at fault.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MutationError } from '@/components/patient/mutation-error';
import { inputClass } from '@/components/patient/styles';
import { Button } from '@/components/ui/button';
import { typeLabel } from '@/lib/format/health';
import { HEALTH_TYPES, type HealthType } from '@/lib/health';
import { apiFetch } from '@/lib/query/api';
import { addDays } from '@/lib/time';
import type { CreatedShare } from './queries';

const COMMON: HealthType[] = ['STEPS', 'HEART_RATE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'BLOOD_GLUCOSE', 'WEIGHT', 'SLEEP_STATE'];
const ORDERED = [...COMMON.filter((t) => HEALTH_TYPES.includes(t)), ...HEALTH_TYPES.filter((t) => !COMMON.includes(t) && t !== 'SLEEP_ANALYSIS')];

export function ShareForm({ today, onCreated }: { today: string; onCreated: (share: CreatedShare) => void }) {
  const [types, setTypes] = useState<HealthType[]>(['STEPS']);
  const [typesError, setTypesError] = useState<string | null>(null);
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
    if (types.length === 0) {
      setTypesError('Choose at least one kind of data to share.');
      return;
    }
    setTypesError(null);
    const expires = String(data.get('expiresAt') ?? '');
    const recipientEmail = String(data.get('recipientEmail') ?? '').trim();
    create.mutate({
      types,
      from: String(data.get('from') ?? ''),
      to: String(data.get('to') ?? ''),
      expiresAt: expires ? new Date(expires).toISOString() : '',
      ...(recipientEmail ? { recipientEmail } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Create a share" className="space-y-4">
      <fieldset aria-describedby={typesError ? 'share-types-error' : undefined}>
        <legend className="text-sm font-medium text-slate-900">Data to share</legend>
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {ORDERED.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="types" value={type} checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} className="h-4 w-4 accent-teal-700" />
              {typeLabel(type)}
            </label>
          ))}
        </div>
        {typesError && <p id="share-types-error" className="mt-1 text-sm text-red-700">{typesError}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="share-from" className="block text-sm font-medium text-slate-900">Data from</label>
          <input id="share-from" name="from" type="date" required defaultValue={addDays(today, -29)} max={today} className={inputClass} />
        </div>
        <div>
          <label htmlFor="share-to" className="block text-sm font-medium text-slate-900">Data to</label>
          <input id="share-to" name="to" type="date" required defaultValue={today} className={inputClass} />
        </div>
        <div>
          <label htmlFor="share-expires" className="block text-sm font-medium text-slate-900">Access ends</label>
          <input id="share-expires" name="expiresAt" type="datetime-local" required defaultValue={`${addDays(today, 7)}T20:00`} className={inputClass} />
        </div>
      </div>
      <div>
        <label htmlFor="share-recipient" className="block text-sm font-medium text-slate-900">Share with (optional)</label>
        <input id="share-recipient" name="recipientEmail" type="email" autoComplete="off" placeholder="doctor@example.com" aria-describedby="share-recipient-help" className={inputClass} />
        <p id="share-recipient-help" className="mt-1 text-sm text-slate-600">
          The e-mail of a doctor or caregiver. If they have a Pulse account with this address, they find the share under “Shared with you”; to keep
          everyone’s privacy, Pulse does not say whether an address has an account. Leave it empty to make a link with an access code instead.
        </p>
      </div>
      {create.isError && <MutationError error={create.error} />}
      <Button type="submit" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create share'}</Button>
    </form>
  );
}
