'use client';
// /admin/shares: every patient's shares (by link, e-mail or registered recipient), filtered by status
// and patient. Revoking (confirmed) ends the share at once.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch } from '@/lib/query/api';
import { ConfirmDialog, type Confirmation } from './dialog';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { humanize } from './labels';
import { ActionStatus, ListBody } from './list-states';
import { sharesOptions, type Filters, type SharesPage } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

type AdminShare = SharesPage['shares'][number];
const STATUS_TONE = { active: 'green', expired: 'slate', revoked: 'red' } as const;

function recipientText(share: AdminShare): string {
  if (share.recipient.kind === 'link') return 'Anyone with the link';
  return share.recipient.email ?? 'Unknown recipient';
}

export function SharesView({ initial }: { initial: Filters }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...sharesOptions(filters.applied), placeholderData: keepPreviousData });
  const shares = query.data?.pages.flatMap((p) => p.shares) ?? [];
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);

  const revoke = useMutation({
    mutationFn: (share: AdminShare) => apiFetch<AdminShare>(`/api/v1/admin/shares/${share.id}/revoke`, { method: 'POST' }),
    onSuccess: (share) => {
      setMessage({ text: `The share of ${share.patient.email} with ${recipientText(share).toLowerCase()} is revoked.` });
      void qc.invalidateQueries({ queryKey: ['admin', 'shares'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  return (
    <Card title="All shares">
      <FilterBar label="Filter shares" filters={filters}>
        <TextFilter filters={filters} name="patient" label="Patient e-mail" />
        <SelectFilter filters={filters} name="status" label="Status" options={[['active', 'Active'], ['expired', 'Expired'], ['revoked', 'Revoked']]} />
      </FilterBar>
      <ActionStatus message={message} />
      <ListBody query={query} count={shares.length} what="shares" filtered={filters.isFiltered}>
        <DataTable
          caption="Shares"
          head={
            <>
              <Th>Patient</Th>
              <Th>Shared with</Th>
              <Th>Data</Th>
              <Th>Data from – to</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th><span className="sr-only">Actions</span></Th>
            </>
          }
        >
          {shares.map((share) => (
            <tr key={share.id}>
              <Td className="font-medium">{share.patient.email}</Td>
              <Td>{recipientText(share)}</Td>
              <Td>{share.types.map(humanize).join(', ')}</Td>
              <Td className="whitespace-nowrap">{share.dataFrom} – {share.dataTo}</Td>
              <Td className="whitespace-nowrap">{format(share.expiresAt)}</Td>
              <Td className="whitespace-nowrap">{format(share.lastUsedAt, 'Never')}</Td>
              <Td>
                <Badge tone={STATUS_TONE[share.status]}>{humanize(share.status)}</Badge>
              </Td>
              <Td>
                {share.status !== 'revoked' && (
                  <Button
                    variant="danger"
                    aria-label={`Revoke the share of ${share.patient.email}`}
                    onClick={() =>
                      setConfirmation({
                        title: 'Revoke this share?',
                        body: <>{recipientText(share)} loses access to {share.patient.email}&apos;s {share.types.map(humanize).join(', ').toLowerCase()} at once. This cannot be undone; the patient can share again.</>,
                        confirmLabel: 'Revoke share',
                        onConfirm: () => revoke.mutate(share),
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
