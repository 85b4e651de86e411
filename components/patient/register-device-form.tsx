'use client';

// Registers a data source: name, kind, and (optionally) a priority other than the kind's default.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { MutationError } from './mutation-error';
import { inputClass } from './styles';
import { DEFAULT_PRIORITY, DEVICE_TYPES, PRIORITY_RANGE, type DeviceType } from '@/lib/devices/device-types';
import { apiFetch } from '@/lib/query/api';
import type { RegisteredDevice } from './api-types';
import { useTranslations } from 'use-intl';


export function RegisterDeviceForm({ onRegistered }: { onRegistered: (device: RegisteredDevice) => void }) {
  const t = useTranslations('devices');
  const [type, setType] = useState<DeviceType>('watch');
  const [nameError, setNameError] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (body: { name: string; type: DeviceType; priority?: number }) => apiFetch<RegisteredDevice>('/api/v1/devices', { json: body }),
    onSuccess: onRegistered,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const priority = String(data.get('priority') ?? '').trim();
    if (!name) {
      setNameError(t('register.nameMissing'));
      form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    setNameError(null);
    register.mutate(
      { name, type, ...(priority ? { priority: Number(priority) } : {}) },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Card title={t('register.title')}>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="device-name" className="block text-sm font-medium text-slate-900">{t('register.name')}</label>
          <input
            id="device-name"
            name="name"
            maxLength={100}
            required
            autoComplete="off"
            placeholder={t('register.namePlaceholder')}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'device-name-error' : undefined}
            className={inputClass}
          />
          {nameError && <p id="device-name-error" className="mt-1 text-sm text-red-700">{nameError}</p>}
        </div>
        <div>
          <label htmlFor="device-type" className="block text-sm font-medium text-slate-900">{t('register.kind')}</label>
          <select id="device-type" name="type" value={type} onChange={(e) => setType(e.target.value as DeviceType)} className={inputClass}>
            {DEVICE_TYPES.map((kind) => (
              <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="device-priority" className="block text-sm font-medium text-slate-900">{t('register.priority')}</label>
          <input
            id="device-priority"
            name="priority"
            type="number"
            inputMode="numeric"
            min={PRIORITY_RANGE.min}
            max={PRIORITY_RANGE.max}
            placeholder={String(DEFAULT_PRIORITY[type])}
            aria-describedby="device-priority-hint"
            className={inputClass}
          />
          <p id="device-priority-hint" className="mt-1 text-xs text-slate-600">
            {t('register.priorityHint', { priority: DEFAULT_PRIORITY[type] })}
          </p>
        </div>
        <div className="lg:pt-6">
          <Button type="submit" disabled={register.isPending} className="w-full">
            {register.isPending ? t('register.pending') : t('register.submit')}
          </Button>
        </div>
      </form>
      {register.isError && <div className="mt-3"><MutationError error={register.error} /></div>}
    </Card>
  );
}
