'use client';
// Adding a user: e-mail, name, role, time zone and an initial password (at least 12 characters),
// which the server hashes with argon2id. Field errors from the API are shown next to their field.
import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/generated/prisma/enums';
import { apiFetch, ApiRequestError } from '@/lib/query/api';
import { Dialog } from './dialog';
import { roleOptions } from './labels';
import type { AdminUser } from './users-view';

type Fields = { email: string; name: string; role: Role; timeZone: string; password: string };
const EMPTY: Fields = { email: '', name: '', role: 'PATIENT', timeZone: 'UTC', password: '' };
const INPUT = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500 aria-[invalid=true]:border-red-600';

/** The API's { field, reason } details, by field. */
function fieldErrors(error: unknown): Partial<Record<keyof Fields, string>> {
  if (!(error instanceof ApiRequestError) || !Array.isArray(error.details)) return {};
  const out: Partial<Record<keyof Fields, string>> = {};
  for (const d of error.details as { field?: string; reason?: string }[]) if (d.field && d.reason) out[d.field as keyof Fields] ??= d.reason;
  return out;
}

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: AdminUser) => void }) {
  const t = useTranslations('admin');
  return (
    <Dialog open={open} title={t('createUser.title')} onClose={onClose}>
      {({ description }) => <CreateUserForm description={description} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function CreateUserForm({ description, onClose, onCreated }: { description: string; onClose: () => void; onCreated: (user: AdminUser) => void }) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const t = useTranslations('admin');
  const id = useId();
  // Only rendered in the opened dialog (never on the server), so the zone list cannot mismatch.
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')], []);
  const create = useMutation({
    mutationFn: (body: Fields) => apiFetch<AdminUser>('/api/v1/admin/users', { json: body }),
    onSuccess: (user) => {
      onCreated(user);
      onClose();
    },
  });
  const errors = fieldErrors(create.error);
  const set = (name: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const field = (name: keyof Fields) => ({
    id: `${id}-${name}`,
    name,
    value: fields[name],
    onChange: set(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [name === 'password' && `${id}-password-hint`, errors[name] && `${id}-${name}-error`].filter(Boolean).join(' ') || undefined,
    className: INPUT,
  });
  const error = (name: keyof Fields) =>
    errors[name] && (
      <span id={`${id}-${name}-error`} className="mt-1 block text-xs text-red-800">
        {errors[name]}
      </span>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(fields);
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3">
      <p id={description} className="text-sm text-slate-700">{t('createUser.intro')}</p>
      <label className="block text-sm font-medium" htmlFor={`${id}-email`}>{t('createUser.email')}</label>
      <input type="email" autoComplete="off" required {...field('email')} />
      {error('email')}
      <label className="block text-sm font-medium" htmlFor={`${id}-name`}>{t('createUser.name')}</label>
      <input type="text" required maxLength={100} {...field('name')} />
      {error('name')}
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label className="block text-sm font-medium" htmlFor={`${id}-role`}>{t('createUser.role')}</label>
          <select {...field('role')}>
            {roleOptions(t).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
          {error('role')}
        </div>
        <div>
          <label className="block text-sm font-medium" htmlFor={`${id}-timeZone`}>{t('createUser.timeZone')}</label>
          <select {...field('timeZone')}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>{zone.replace(/_/g, ' ')}</option>
            ))}
          </select>
          {error('timeZone')}
        </div>
      </div>
      <label className="block text-sm font-medium" htmlFor={`${id}-password`}>{t('createUser.password')}</label>
      <input type="password" autoComplete="new-password" required minLength={12} {...field('password')} />
      <span id={`${id}-password-hint`} className="block text-xs text-slate-600">{t('createUser.passwordHint')}</span>
      {error('password')}
      {create.isError && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm text-red-800">{create.error.message}</p>
      )}
      {create.isError && Object.keys(errors).length > 0 && (
        <p role="alert" className="text-sm text-red-800">{t('createUser.correctFields')}</p>
      )}
      <div className="flex flex-wrap justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" disabled={create.isPending}>{create.isPending ? t('createUser.adding') : t('users.add')}</Button>
      </div>
    </form>
  );
}
