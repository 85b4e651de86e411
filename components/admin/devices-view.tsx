'use client';
// /admin/devices: every user's devices. Revoking (confirmed) stops the device's token at once; a new
// priority changes which source wins dedup, so the owner's history is recomputed in the background.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch } from '@/lib/query/api';
import { ConfirmDialog, type Confirmation } from './dialog';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { deviceTypeLabel, deviceTypeOptions } from './labels';
import { ActionStatus, ListBody } from './list-states';
import { devicesOptions, type DevicesPage, type Filters } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

type AdminDevice = DevicesPage['devices'][number];
type Change = { priority?: number; revoked?: true };

export function DevicesView({ initial }: { initial: Filters }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...devicesOptions(filters.applied), placeholderData: keepPreviousData });
  const devices = query.data?.pages.flatMap((p) => p.devices) ?? [];
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const t = useTranslations('admin');

  const change = useMutation({
    mutationFn: ({ device, body }: { device: AdminDevice; body: Change }) => apiFetch<AdminDevice>(`/api/v1/admin/devices/${device.id}`, { method: 'PATCH', json: body }),
    onSuccess: (device, { body }) => {
      setMessage({
        text: body.revoked
          ? t('devices.revokedDone', { name: device.name, email: device.owner.email })
          : t('devices.priorityDone', { name: device.name, email: device.owner.email, priority: device.priority }),
      });
      void qc.invalidateQueries({ queryKey: ['admin', 'devices'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  return (
    <Card title={t('devices.all')}>
      <FilterBar label={t('devices.filter')} filters={filters}>
        <TextFilter filters={filters} name="q" label={t('devices.search')} />
        <SelectFilter filters={filters} name="type" label={t('devices.columns.type')} options={deviceTypeOptions(t)} />
        <SelectFilter filters={filters} name="status" label={t('devices.columns.status')} options={[['active', t('devices.active')], ['revoked', t('devices.revoked')]]} />
      </FilterBar>
      <ActionStatus message={message} />
      <ListBody query={query} count={devices.length} list="devices" filtered={filters.isFiltered}>
        <DataTable
          caption={t('devices.caption')}
          head={
            <>
              <Th>{t('devices.columns.owner')}</Th>
              <Th>{t('devices.columns.device')}</Th>
              <Th>{t('devices.columns.type')}</Th>
              <Th>{t('devices.columns.priority')}</Th>
              <Th>{t('devices.columns.lastSync')}</Th>
              <Th>{t('devices.columns.status')}</Th>
              <Th><span className="sr-only">{t('common.actions')}</span></Th>
            </>
          }
        >
          {devices.map((device) => (
            <tr key={device.id}>
              <Td>{device.owner.email}</Td>
              <Td className="font-medium">{device.name}</Td>
              <Td>{deviceTypeLabel(t, device.type)}</Td>
              <Td>
                <PriorityEditor key={device.priority} device={device} pending={change.isPending} onSave={(priority) => change.mutate({ device, body: { priority } })} />
              </Td>
              <Td className="whitespace-nowrap">{format(device.lastSyncAt, t('common.never'))}</Td>
              <Td>{device.revokedAt ? <Badge tone="red">{t('devices.revokedAt', { time: format(device.revokedAt) })}</Badge> : <Badge tone="green">{t('devices.active')}</Badge>}</Td>
              <Td>
                {!device.revokedAt && (
                  <Button
                    variant="danger"
                    aria-label={t('devices.revokeOf', { name: device.name, email: device.owner.email })}
                    onClick={() =>
                      setConfirmation({
                        title: t('devices.revokeTitle'),
                        body: t('devices.revokeBody', { name: device.name, email: device.owner.email }),
                        confirmLabel: t('devices.revokeConfirm'),
                        onConfirm: () => change.mutate({ device, body: { revoked: true } }),
                      })
                    }
                  >
                    {t('devices.revoke')}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      </ListBody>
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Card>
  );
}

function PriorityEditor({ device, pending, onSave }: { device: AdminDevice; pending: boolean; onSave: (priority: number) => void }) {
  const [value, setValue] = useState(String(device.priority));
  const parsed = Number(value);
  const t = useTranslations('admin');
  const valid = value !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= 1000;
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && parsed !== device.priority) onSave(parsed);
      }}
    >
      <input
        type="number"
        min={0}
        max={1000}
        step={1}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-label={t('devices.priorityOf', { name: device.name, email: device.owner.email })}
        aria-invalid={!valid || undefined}
        className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500 aria-[invalid=true]:border-red-600"
      />
      <Button type="submit" variant="secondary" disabled={!valid || parsed === device.priority || pending} aria-label={t('devices.savePriorityOf', { name: device.name, email: device.owner.email })}>
        {t('devices.save')}
      </Button>
    </form>
  );
}
