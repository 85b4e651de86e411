'use client';

// Data sources: register (token shown once), the ranked list with its controls, revoked devices, and
// what each source contributed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { SourceContribution } from '@/lib/data/aggregates';
import type { UnitPreferences } from '@/lib/format/health';
import { apiFetch } from '@/lib/query/api';
import { planMove, rankDevices } from './priority-order';
import { sourceShares } from '@/components/patient/dashboard/sources';
import { trendLabel } from '@/components/patient/trends/catalogue';
import type { DeviceJson, RegisteredDevice, TypePriorityJson } from './api-types';
import { ContributionsCard } from './contributions-card';
import { DeviceItem } from './device-item';
import { formatPercent, instantPhrase } from './format';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { MutationError } from './mutation-error';
import { deviceNames, devicesOptions } from './queries';
import { RegisterDeviceForm } from './register-device-form';
import { TokenPanel } from './token-panel';

type Props = {
  today: string;
  timeZone: string;
  units: UnitPreferences;
  initialOverrides: { deviceId: string; healthType: TypePriorityJson['healthType']; priority: number }[];
  contributions: SourceContribution[];
};

/** "Steps 92 %, Heart rate 100 % of readings, …" for one device. */
function contributionOf(deviceId: string, contributions: SourceContribution[], names: ReadonlyMap<string, string>, locale: Locale): string | null {
  const t = translator(locale, 'devices');
  const parts = contributions.flatMap((c) => {
    const share = sourceShares(c.devices, names, locale).find((s) => s.deviceId === deviceId);
    return share ? [t('contributions.share', { name: trendLabel(c.type, locale), percent: share.percent === 0 ? '<1' : formatPercent(share.percent, locale) })] : [];
  });
  if (parts.length === 0) return null;
  return parts.length > 6 ? t('andMore', { list: parts.slice(0, 6).join(', '), count: parts.length - 6 }) : parts.join(', ');
}

export function DevicesView({ today, timeZone, units, initialOverrides, contributions }: Props) {
  const qc = useQueryClient();
  const locale = useLocale();
  const t = useTranslations('devices');
  const devices = useQuery(devicesOptions);
  const [registered, setRegistered] = useState<{ device: RegisteredDevice; atMs: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [overrides, setOverrides] = useState(() => {
    const byDevice: Record<string, TypePriorityJson[]> = {};
    for (const o of initialOverrides) (byDevice[o.deviceId] ??= []).push({ healthType: o.healthType, priority: o.priority });
    return byDevice;
  });
  const all = useMemo(() => devices.data?.devices ?? [], [devices.data]);
  const active = useMemo(() => rankDevices(all.filter((d) => !d.revokedAt)), [all]);
  const revoked = useMemo(() => all.filter((d) => d.revokedAt), [all]);
  const names = useMemo(() => {
    const map = deviceNames(all);
    for (const d of revoked) map.set(d.id, translator(locale, 'formats')('revokedSource', { name: d.name }));
    return map;
  }, [all, revoked, locale]);

  const move = useMutation({
    mutationFn: async ({ device, direction }: { device: DeviceJson; direction: 'up' | 'down' }) => {
      // One at a time, so a failure leaves a consistent (if partial) order that the list then shows.
      for (const change of planMove(active, device.id, direction)) {
        await apiFetch(`/api/v1/devices/${change.id}`, { method: 'PATCH', json: { priority: change.priority } });
      }
    },
    onSuccess: (_res, { device, direction }) =>
      setAnnouncement(t(direction === 'up' ? 'movedUp' : 'movedDown', { name: device.name })),
    onSettled: () => qc.invalidateQueries({ queryKey: devicesOptions.queryKey }),
  });

  function onRegistered(device: RegisteredDevice) {
    setRegistered({ device, atMs: Date.now() });
    setAnnouncement(t('registered', { name: device.name }));
    void qc.invalidateQueries({ queryKey: devicesOptions.queryKey });
  }

  return (
    <div className="space-y-6">
      <p role="status" className="sr-only">{announcement}</p>
      {registered ? (
        <TokenPanel device={registered.device} registeredAtMs={registered.atMs} onDone={() => setRegistered(null)} />
      ) : (
        <RegisterDeviceForm onRegistered={onRegistered} />
      )}

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading" className="text-lg font-semibold text-slate-900">{t('order')}</h2>
        <p className="mt-1 text-sm text-slate-700">{t('orderExplain')}</p>
        {announcement && <p className="mt-2 text-sm font-medium text-teal-900" aria-hidden="true">{announcement}</p>}
        <div className="mt-3">
          {devices.isPending ? (
            <Loading label={t('loading')} />
          ) : devices.isError ? (
            <ErrorMessage error={devices.error} retry={() => devices.refetch()} />
          ) : active.length === 0 ? (
            <Empty>{t('none')}</Empty>
          ) : (
            <ol className="space-y-3" aria-busy={move.isPending}>
              {active.map((device, rank) => (
                <DeviceItem
                  key={device.id}
                  device={device}
                  rank={rank}
                  count={active.length}
                  overrides={overrides[device.id] ?? []}
                  onOverridesChange={(next) => setOverrides((o) => ({ ...o, [device.id]: next }))}
                  contribution={contributionOf(device.id, contributions, names, locale)}
                  onMove={(direction) => !move.isPending && move.mutate({ device, direction })}
                  onAnnounce={setAnnouncement}
                  timeZone={timeZone}
                  today={today}
                />
              ))}
            </ol>
          )}
          {move.isError && <div className="mt-2"><MutationError error={move.error} /></div>}
        </div>
      </section>

      <ContributionsCard contributions={contributions} names={names} order={all.map((d) => d.id)} units={units} />

      {revoked.length > 0 && (
        <Card title={t('revokedTitle', { count: revoked.length })}>
          <ul className="divide-y divide-slate-100 text-sm">
            {revoked.map((d) => (
              <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium text-slate-900">{d.name}</span>
                <span className="text-slate-600">{t('revokedAt', { when: instantPhrase(d.revokedAt!, timeZone, today, locale) })}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
