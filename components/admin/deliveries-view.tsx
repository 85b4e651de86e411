'use client';
// /admin/deliveries: per channel, how the messages queued in the last 24 h and 7 days stand (sent, failed,
// pending), and the latest failures with their reasons and a Retry that puts one back in its queue. Who a
// message was for shows only as a role and user id: no address, endpoint or content reaches this page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch } from '@/lib/query/api';
import { deliveriesOptions, type DeliveriesOverview, type DeliveryFailureRow } from './deliveries-queries';
import { ROLE_LABEL } from './labels';
import { ActionStatus } from './list-states';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

const CHANNEL_LABEL = { email: 'E-mail', push: 'Web Push' } as const;
type Channel = keyof typeof CHANNEL_LABEL;

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

  const retry = useMutation({
    mutationFn: (f: DeliveryFailureRow) => apiFetch<{ channel: Channel; id: string }>(`/api/v1/admin/deliveries/${f.channel}/${f.id}/retry`, { method: 'POST' }),
    onSuccess: (r) => {
      setMessage({ text: `The ${CHANNEL_LABEL[r.channel].toLowerCase()} message is back in its queue.` });
      void qc.invalidateQueries({ queryKey: ['admin', 'deliveries'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  if (query.isPending) return <Loading label="Loading the deliveries…" />;
  if (query.isError) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  const { channels, failures } = query.data;

  return (
    <div className="space-y-4">
      <Card title="By channel">
        <p className="mb-2 text-sm text-slate-700">The messages queued in each period, as they stand now. Pending: waiting in the queue or being sent.</p>
        <ChannelTable channels={channels} />
      </Card>

      <Card title="Latest failures">
        <ActionStatus message={message} />
        {failures.length === 0 ? (
          <Empty>No failed deliveries.</Empty>
        ) : (
          <DataTable
            caption="Latest failed deliveries, newest first"
            head={<><Th>Channel</Th><Th>Queued</Th><Th>Message</Th><Th>For</Th><Th>Attempts</Th><Th>Reason</Th><Th><span className="sr-only">Actions</span></Th></>}
          >
            {failures.map((f) => (
              <tr key={`${f.channel}-${f.id}`}>
                <Td><Badge tone="red">{CHANNEL_LABEL[f.channel]}</Badge></Td>
                <Td className="whitespace-nowrap">{format(f.queuedAt)}</Td>
                <Td>{whatText(f)}</Td>
                <Td>
                  <span className="block">{ROLE_LABEL[f.role as keyof typeof ROLE_LABEL] ?? f.role}</span>
                  <span className="block font-mono text-xs text-slate-600">{f.userId}</span>
                </Td>
                <Td className="tabular-nums">{f.attempts}</Td>
                <Td className="max-w-md text-red-800">{f.lastError ?? '—'}</Td>
                <Td>
                  <Button
                    variant="secondary"
                    disabled={retry.isPending && retry.variables?.id === f.id}
                    onClick={() => retry.mutate(f)}
                    aria-label={`Retry the ${CHANNEL_LABEL[f.channel].toLowerCase()} message ${f.id}`}
                  >
                    Retry
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
  const rows = Object.entries(channels) as [Channel, DeliveriesOverview['channels'][Channel]][];
  return (
    <DataTable
      caption="Messages per channel and status"
      head={<><Th>Channel</Th><Th>Sent, 24 h</Th><Th>Failed, 24 h</Th><Th>Pending, 24 h</Th><Th>Sent, 7 days</Th><Th>Failed, 7 days</Th><Th>Pending, 7 days</Th></>}
    >
      {rows.map(([channel, s]) => (
        <tr key={channel} data-testid={`channel-${channel}`}>
          <Td className="font-medium">{CHANNEL_LABEL[channel]}</Td>
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
