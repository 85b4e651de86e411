'use client';

// Creates a Nightscout uploader: a name the patient will recognise; the answer carries the secret, once.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MutationError } from '@/components/patient/mutation-error';
import { inputClass } from '@/components/patient/styles';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';
import type { CreatedSite } from './api-types';
import { useTranslations } from 'use-intl';

export function CreateSiteForm({ onCreated }: { onCreated: (site: CreatedSite) => void }) {
  const t = useTranslations('nightscout.create');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (name: string) => apiFetch<CreatedSite>('/api/v1/nightscout-sites', { json: { name } }),
    onSuccess: onCreated,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      setNameError(t('nameMissing'));
      form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    setNameError(null);
    create.mutate(name, { onSuccess: () => form.reset() });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3" aria-label={t('formLabel')}>
      <div className="min-w-56 flex-1">
        <label htmlFor="ns-site-name" className="block text-sm font-medium text-slate-900">{t('name')}</label>
        <input
          id="ns-site-name"
          name="name"
          maxLength={100}
          autoComplete="off"
          placeholder={t('placeholder')}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'ns-site-name-error' : undefined}
          className={inputClass}
        />
        {nameError && <p id="ns-site-name-error" className="mt-1 text-sm text-red-700">{nameError}</p>}
      </div>
      <div className="sm:pt-6">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? t('pending') : t('submit')}</Button>
      </div>
      {create.isError && <div className="w-full"><MutationError error={create.error} /></div>}
    </form>
  );
}
