'use client';
// /admin/devices: every user's devices. Revoking (confirmed) stops the device's token at once; a new
// priority changes which source wins dedup, so the owner's history is recomputed in the background.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch } from '@/lib/query/api';
import { ConfirmDialog, type Confirmation } from './dialog';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { DEVICE_TYPE_LABEL, DEVICE_TYPE_OPTIONS } from './labels';
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

  const change = useMutation({
    mutationFn: ({ device, body }: { device: AdminDevice; body: Change }) => apiFetch<AdminDevice>(`/api/v1/admin/devices/${device.id}`, { method: 'PATCH', json: body }),
    onSuccess: (device, { body }) => {
      setMessage({
        text: body.revoked
          ? `${device.name} of ${device.owner.email} is revoked; its token no longer works.`
          : `${device.name} now has priority ${device.priority}; ${device.owner.email}'s history is being recomputed.`,
      });
      void qc.invalidateQueries({ queryKey: ['admin', 'devices'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  return (
    <Card title="All devices">
      <FilterBar label="Filter devices" filters={filters}>
        <TextFilter filters={filters} name="q" label="Owner e-mail or device name" />
        <SelectFilter filters={filters} name="type" label="Type" options={DEVICE_TYPE_OPTIONS} />
        <SelectFilter filters={filters} name="status" label="Status" options={[['active', 'Active'], ['revoked', 'Revoked']]} />
      </FilterBar>
      <ActionStatus message={message} />
      <ListBody query={query} count={devices.length} what="devices" filtered={filters.isFiltered}>
        <DataTable
          caption="Devices"
          head={
            <>
              <Th>Owner</Th>
              <Th>Device</Th>
              <Th>Type</Th>
              <Th>Priority</Th>
              <Th>Last sync</Th>
              <Th>Status</Th>
              <Th><span className="sr-only">Actions</span></Th>
            </>
          }
        >
          {devices.map((device) => (
            <tr key={device.id}>
              <Td>{device.owner.email}</Td>
              <Td className="font-medium">{device.name}</Td>
              <Td>{DEVICE_TYPE_LABEL[device.type] ?? device.type}</Td>
              <Td>
                <PriorityEditor key={device.priority} device={device} pending={change.isPending} onSave={(priority) => change.mutate({ device, body: { priority } })} />
              </Td>
              <Td className="whitespace-nowrap">{format(device.lastSyncAt, 'Never')}</Td>
              <Td>{device.revokedAt ? <Badge tone="red">Revoked {format(device.revokedAt)}</Badge> : <Badge tone="green">Active</Badge>}</Td>
              <Td>
                {!device.revokedAt && (
                  <Button
                    variant="danger"
                    aria-label={`Revoke ${device.name} of ${device.owner.email}`}
                    onClick={() =>
                      setConfirmation({
                        title: 'Revoke this device?',
                        body: <>{device.name} of {device.owner.email} stops syncing at once: its token is refused from now on. Samples it already sent are kept. The owner must register it again to reconnect.</>,
                        confirmLabel: 'Revoke device',
                        onConfirm: () => change.mutate({ device, body: { revoked: true } }),
                      })
                    }
                  >
                    Revoke
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
        aria-label={`Priority of ${device.name} of ${device.owner.email}`}
        aria-invalid={!valid || undefined}
        className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500 aria-[invalid=true]:border-red-600"
      />
      <Button type="submit" variant="secondary" disabled={!valid || parsed === device.priority || pending} aria-label={`Save priority of ${device.name} of ${device.owner.email}`}>
        Save
      </Button>
    </form>
  );
}
