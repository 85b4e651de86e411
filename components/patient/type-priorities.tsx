'use client';

// Per-type priority overrides of one device ("trust the cuff over the watch for blood pressure").
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { PRIORITY_RANGE } from '@/lib/devices/device-types';
import { HEALTH_TYPES, type HealthType } from '@/lib/health';
import { apiFetch } from '@/lib/query/api';
import { trendLabel } from '@/components/patient/trends/catalogue';
import type { DeviceJson, TypePriorityJson } from './api-types';
import { MutationError } from './mutation-error';
import { inputClass } from './styles';
import { useLocale, useTranslations } from 'use-intl';

export function TypePriorities({ device, overrides, onChange }: { device: DeviceJson; overrides: TypePriorityJson[]; onChange: (next: TypePriorityJson[]) => void }) {
  const id = useId();
  const t = useTranslations('devices.typePriorities');
  const locale = useLocale();
  const free = HEALTH_TYPES.filter((type) => !overrides.some((o) => o.healthType === type));
  const [type, setType] = useState<HealthType | ''>('');
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: (changes: Partial<Record<HealthType, number | null>>) =>
      apiFetch<{ typePriorities: TypePriorityJson[] }>(`/api/v1/devices/${device.id}/type-priorities`, { method: 'PUT', json: { overrides: changes } }),
    onSuccess: (res, changes) => {
      onChange(res.typePriorities);
      const [[type, p]] = Object.entries(changes) as [HealthType, number | null][];
      const name = trendLabel(type, locale);
      setMessage(p === null ? t('removed', { type: name }) : t('set', { type: name, priority: p }));
    },
  });
  const chosen = type || free[0];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get('priority'));
    if (!chosen || !Number.isInteger(value)) return;
    save.mutate({ [chosen]: value });
    setType('');
  }

  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">
        {t('explain', { name: device.name, priority: device.priority })}
      </p>
      {overrides.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {overrides.map((o) => (
            <li key={o.healthType} className="flex items-center justify-between gap-2 px-3 py-1.5">
              <span>
                {trendLabel(o.healthType, locale)}: <span className="font-semibold tabular-nums">{o.priority}</span>
              </span>
              <Button variant="secondary" onClick={() => save.mutate({ [o.healthType]: null })} disabled={save.isPending}>
                {t('remove')}<span className="sr-only"> {t('removeWhich', { type: trendLabel(o.healthType, locale) })}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {free.length > 0 && (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`${id}-type`} className="block text-xs font-medium text-slate-900">{t('kind')}</label>
            <select id={`${id}-type`} value={chosen} onChange={(e) => setType(e.target.value as HealthType)} className={inputClass}>
              {free.map((type) => (
                <option key={type} value={type}>{trendLabel(type, locale)}</option>
              ))}
            </select>
          </div>
          <div className="w-28">
            <label htmlFor={`${id}-priority`} className="block text-xs font-medium text-slate-900">{t('priority')}</label>
            <input id={`${id}-priority`} name="priority" type="number" required min={PRIORITY_RANGE.min} max={PRIORITY_RANGE.max} defaultValue={device.priority} className={inputClass} />
          </div>
          <Button type="submit" disabled={save.isPending}>{t('submit')}</Button>
        </form>
      )}
      <p role="status" className="text-xs text-slate-700">{message}</p>
      {save.isError && <MutationError error={save.error} />}
    </div>
  );
}
