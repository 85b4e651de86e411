'use client';

// One active data source: its rank, last sync and contribution; move up/down, edit, per-type
// priorities and revoke (confirmed).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { PRIORITY_RANGE } from '@/lib/devices/device-types';
import { apiFetch } from '@/lib/query/api';
import type { DeviceJson, TypePriorityJson } from './api-types';
import { ConfirmDialog } from './confirm-dialog';
import { instantPhrase } from './format';
import { MutationError } from './mutation-error';
import { devicesOptions } from './queries';
import { inputClass } from './styles';
import { TypePriorities } from './type-priorities';
import { useLocale, useTranslations } from 'use-intl';

// Glyphs beside Up and Down (hidden from screen readers: the buttons' names say it).
const ARROW = { up: '↑', down: '↓' };

type Props = {
  device: DeviceJson;
  rank: number;
  count: number;
  overrides: TypePriorityJson[];
  onOverridesChange: (next: TypePriorityJson[]) => void;
  contribution: string | null;
  onMove: (direction: 'up' | 'down') => void;
  onAnnounce: (message: string) => void;
  timeZone: string;
  today: string;
};

export function DeviceItem({ device, rank, count, overrides, onOverridesChange, contribution, onMove, onAnnounce, timeZone, today }: Props) {
  const id = useId();
  const t = useTranslations('devices');
  const locale = useLocale();
  const qc = useQueryClient();
  // The manual-entry device is made by Pulse with an English name: shown as its kind, in the reader's language.
  const name = device.type === 'manual' && device.name === 'Manual entry' ? t('kinds.manual') : device.name;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const update = useMutation({
    mutationFn: (body: { name?: string; priority?: number }) => apiFetch<DeviceJson>(`/api/v1/devices/${device.id}`, { method: 'PATCH', json: body }),
    onSuccess: async (_res, body) => {
      setEditing(false);
      onAnnounce(body.priority !== undefined ? t('item.savedPriority', { name: device.name }) : t('item.renamed', { name: device.name }));
      await qc.invalidateQueries({ queryKey: devicesOptions.queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/v1/devices/${device.id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setConfirming(false);
      onAnnounce(t('item.revoked', { name: device.name }));
      await qc.invalidateQueries({ queryKey: devicesOptions.queryKey });
    },
  });

  function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const priority = Number(data.get('priority'));
    const body: { name?: string; priority?: number } = {};
    if (name && name !== device.name) body.name = name;
    if (Number.isInteger(priority) && priority !== device.priority) body.priority = priority;
    if (Object.keys(body).length === 0) setEditing(false);
    else update.mutate(body);
  }

  const first = rank === 0;
  const last = rank === count - 1;
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="device-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 items-start gap-3">
          <span className="mt-0.5 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-teal-50 text-sm font-semibold text-teal-800 ring-1 ring-teal-200" aria-hidden="true">
            {rank + 1}
          </span>
          <div className="min-w-0">
            <h3 className="break-words font-semibold text-slate-900">
              <span className="sr-only">{t('item.rank', { rank: rank + 1 })} </span>
              {name}
            </h3>
            <p className="text-sm text-slate-700">
              {t(`kinds.${device.type}`)} · {t('item.priority')} <span className="tabular-nums">{device.priority}</span>
              {overrides.length > 0 && ` · ${t('item.overrides', { count: overrides.length })}`}
            </p>
            <p className="text-sm text-slate-600">
              {device.lastSyncAt ? t('item.lastSync', { when: instantPhrase(device.lastSyncAt, timeZone, today, locale) }) : t('item.neverSynced')}
            </p>
            {contribution && <p className="mt-1 text-sm text-slate-700">{t('item.last30', { contribution })}</p>}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            aria-label={t('item.moveUp', { name })}
            aria-disabled={first}
            onClick={() => !first && onMove('up')}
            className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
          >
            <span aria-hidden="true" className="mr-1">{ARROW.up}</span>
            {t('item.up')}
          </Button>
          <Button
            variant="secondary"
            aria-label={t('item.moveDown', { name })}
            aria-disabled={last}
            onClick={() => !last && onMove('down')}
            className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
          >
            <span aria-hidden="true" className="mr-1">{ARROW.down}</span>
            {t('item.down')}
          </Button>
          <Button variant="secondary" aria-expanded={editing} aria-controls={`${id}-edit`} onClick={() => setEditing((e) => !e)}>
            {t('item.edit')}<span className="sr-only"> {device.name}</span>
          </Button>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('item.revoke')}<span className="sr-only"> {device.name}</span>
          </Button>
        </div>
      </div>

      {editing && (
        <form id={`${id}-edit`} onSubmit={saveEdit} className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
          <div className="min-w-48 flex-1">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-900">{t('item.name')}</label>
            <input id={`${id}-name`} name="name" defaultValue={device.name} maxLength={100} required className={inputClass} />
          </div>
          <div className="w-32">
            <label htmlFor={`${id}-priority`} className="block text-sm font-medium text-slate-900">{t('item.priorityLabel')}</label>
            <input id={`${id}-priority`} name="priority" type="number" min={PRIORITY_RANGE.min} max={PRIORITY_RANGE.max} defaultValue={device.priority} className={inputClass} />
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={update.isPending}>{update.isPending ? t('item.saving') : t('item.save')}</Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>{t('item.cancel')}</Button>
          </div>
        </form>
      )}
      {update.isError && <div className="mt-2"><MutationError error={update.error} /></div>}

      <details className="mt-3 rounded-md border border-slate-200">
        <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('item.perKind')}{overrides.length > 0 ? ` (${overrides.length})` : ''}
        </summary>
        <div className="px-3 pb-3">
          <TypePriorities device={device} overrides={overrides} onChange={onOverridesChange} />
        </div>
      </details>

      {confirming && (
        <ConfirmDialog
          title={t('item.revokeTitle', { name: device.name })}
          confirmLabel={t('item.revokeConfirm')}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('item.revokeExplain')}</p>
          {revoke.isError && <div className="mt-2"><MutationError error={revoke.error} /></div>}
        </ConfirmDialog>
      )}
    </li>
  );
}
