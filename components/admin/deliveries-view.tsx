'use client';
// /admin/deliveries: per channel, how the messages queued in the last 24 h and 7 days stand (sent, failed,
// pending), and the latest failures with their reasons and a Retry that puts one back in its queue. Who a
// message was for shows only as a role and user id: no address, endpoint or content reaches this page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch } from '@/lib/query/api';
import { deliveriesOptions, type DeliveriesOverview, type DeliveryFailureRow } from './deliveries-queries';
import { roleLabel } from './labels';
import { ActionStatus } from './list-states';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

// Channel names: admin.deliveries.channels.<channel> (and .channelsLower inside a sentence).
type Channel = DeliveryFailureRow['channel'];

/** What the message was: the e-mail's template and the notification it carried, if any. */
function whatText(f: DeliveryFailureRow): string {
  const parts = [f.template, f.notificationKind].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export function DeliveriesView() {
  const query = useQuery({ ...deliveriesOptions(), refetchInterval: 30_000 });
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const t = useTranslations('admin');

  const retry = useMutation({
    mutationFn: (f: DeliveryFailureRow) => apiFetch<{ channel: Channel; id: string }>(`/api/v1/admin/deliveries/${f.channel}/${f.id}/retry`, { method: 'POST' }),
    onSuccess: (r) => {
      setMessage({ text: t('deliveries.requeued', { channel: t(`deliveries.channelsLower.${r.channel}`) }) });
      void qc.invalidateQueries({ queryKey: ['admin', 'deliveries'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  if (query.isPending) return <Loading label={t('deliveries.loading')} />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  const { channels, failures } = query.data;

  return (
    <div className="space-y-4">
      <Card title={t('deliveries.byChannel')}>
        <p className="mb-2 text-sm text-slate-700">{t('deliveries.byChannelHelp')}</p>
        <ChannelTable channels={channels} />
      </Card>

      <Card title={t('deliveries.latestFailures')}>
        <ActionStatus message={message} />
        {failures.length === 0 ? (
          <Empty>{t('deliveries.noFailures')}</Empty>
        ) : (
          <DataTable
            caption={t('deliveries.failuresCaption')}
            head={<><Th>{t('deliveries.columns.channel')}</Th><Th>{t('deliveries.columns.queued')}</Th><Th>{t('deliveries.columns.message')}</Th><Th>{t('deliveries.columns.for')}</Th><Th>{t('deliveries.columns.attempts')}</Th><Th>{t('deliveries.columns.reason')}</Th><Th><span className="sr-only">{t('common.actions')}</span></Th></>}
          >
            {failures.map((f) => (
              <tr key={`${f.channel}-${f.id}`}>
                <Td><Badge tone="red">{t(`deliveries.channels.${f.channel}`)}</Badge></Td>
                <Td className="whitespace-nowrap">{format(f.queuedAt)}</Td>
                <Td>{whatText(f)}</Td>
                <Td>
                  <span className="block">{roleLabel(t, f.role)}</span>
                  <span className="block font-mono text-xs text-slate-600">{f.userId}</span>
                </Td>
                <Td className="tabular-nums">{f.attempts}</Td>
                <Td className="max-w-md text-red-800">{f.lastError ?? '—'}</Td>
                <Td>
                  <Button
                    variant="secondary"
                    disabled={retry.isPending && retry.variables?.id === f.id}
                    onClick={() => retry.mutate(f)}
                    aria-label={t('deliveries.retryOf', { channel: t(`deliveries.channelsLower.${f.channel}`), id: f.id })}
                  >
                    {t('common.retry')}
                  </Button>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}

function ChannelTable({ channels }: { channels: DeliveriesOverview['channels'] }) {
  const t = useTranslations('admin');
  const rows = Object.entries(channels) as [Channel, DeliveriesOverview['channels'][Channel]][];
  return (
    <DataTable
      caption={t('deliveries.channelCaption')}
      head={<><Th>{t('deliveries.columns.channel')}</Th><Th>{t('deliveries.columns.sent24h')}</Th><Th>{t('deliveries.columns.failed24h')}</Th><Th>{t('deliveries.columns.pending24h')}</Th><Th>{t('deliveries.columns.sent7d')}</Th><Th>{t('deliveries.columns.failed7d')}</Th><Th>{t('deliveries.columns.pending7d')}</Th></>}
    >
      {rows.map(([channel, s]) => (
        <tr key={channel} data-testid={`channel-${channel}`}>
          <Td className="font-medium">{t(`deliveries.channels.${channel}`)}</Td>
          {([['24h', s.last24h], ['7d', s.last7d]] as const).flatMap(([span, c]) => [
            <Td key={`sent-${span}`} className="tabular-nums">{c.sent}</Td>,
            <Td key={`failed-${span}`} className={`tabular-nums ${c.failed > 0 ? 'font-semibold text-red-800' : ''}`}>{c.failed}</Td>,
            <Td key={`pending-${span}`} className="tabular-nums">{c.pending}</Td>,
          ])}
        </tr>
      ))}
    </DataTable>
  );
}
