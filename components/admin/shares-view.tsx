'use client';
// /admin/shares: every patient's shares (by link, e-mail or registered recipient), filtered by status
// and patient. Revoking (confirmed) ends the share at once. Health type names come from the server page
// (types.names, a namespace not sent to every page).
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { apiFetch } from '@/lib/query/api';
import { ConfirmDialog, type Confirmation } from './dialog';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { humanize, type AdminT } from './labels';
import { ActionStatus, ListBody } from './list-states';
import { sharesOptions, type Filters, type SharesPage } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

type AdminShare = SharesPage['shares'][number];
const STATUS_TONE = { active: 'green', expired: 'slate', revoked: 'red' } as const;

function recipientText(t: AdminT, share: AdminShare): string {
  if (share.recipient.kind === 'link') return t('shares.anyoneWithLink');
  return share.recipient.email ?? t('shares.unknownRecipient');
}

export function SharesView({ initial, typeNames }: { initial: Filters; typeNames: Record<string, string> }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...sharesOptions(filters.applied), placeholderData: keepPreviousData });
  const shares = query.data?.pages.flatMap((p) => p.shares) ?? [];
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const t = useTranslations('admin');
  const typesText = (share: AdminShare) => share.types.map((type) => typeNames[type] ?? humanize(type)).join(', ');

  const revoke = useMutation({
    mutationFn: (share: AdminShare) => apiFetch<AdminShare>(`/api/v1/admin/shares/${share.id}/revoke`, { method: 'POST' }),
    onSuccess: (share) => {
      setMessage({ text: t('shares.revokedDone', { email: share.patient.email ?? '—', recipient: recipientText(t, share).toLowerCase() }) });
      void qc.invalidateQueries({ queryKey: ['admin', 'shares'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  return (
    <Card title={t('shares.all')}>
      <FilterBar label={t('shares.filter')} filters={filters}>
        <TextFilter filters={filters} name="patient" label={t('shares.search')} />
        <SelectFilter filters={filters} name="status" label={t('shares.columns.status')} options={(['active', 'expired', 'revoked'] as const).map((s) => [s, t(`shares.status.${s}`)] as const)} />
      </FilterBar>
      <ActionStatus message={message} />
      <ListBody query={query} count={shares.length} list="shares" filtered={filters.isFiltered}>
        <DataTable
          caption={t('shares.caption')}
          head={
            <>
              <Th>{t('shares.columns.patient')}</Th>
              <Th>{t('shares.columns.sharedWith')}</Th>
              <Th>{t('shares.columns.data')}</Th>
              <Th>{t('shares.columns.range')}</Th>
              <Th>{t('shares.columns.expires')}</Th>
              <Th>{t('shares.columns.lastUsed')}</Th>
              <Th>{t('shares.columns.status')}</Th>
              <Th><span className="sr-only">{t('common.actions')}</span></Th>
            </>
          }
        >
          {shares.map((share) => (
            <tr key={share.id}>
              <Td className="font-medium">{share.patient.email}</Td>
              <Td>{recipientText(t, share)}</Td>
              <Td>{typesText(share)}</Td>
              <Td className="whitespace-nowrap">{t('shares.rangeValue', { from: share.dataFrom, to: share.dataTo })}</Td>
              <Td className="whitespace-nowrap">{format(share.expiresAt)}</Td>
              <Td className="whitespace-nowrap">{format(share.lastUsedAt, t('common.never'))}</Td>
              <Td>
                <Badge tone={STATUS_TONE[share.status]}>{t(`shares.status.${share.status}`)}</Badge>
              </Td>
              <Td>
                {share.status !== 'revoked' && (
                  <Button
                    variant="danger"
                    aria-label={t('shares.revokeOf', { email: share.patient.email ?? '—' })}
                    onClick={() =>
                      setConfirmation({
                        title: t('shares.revokeTitle'),
                        body: t('shares.revokeBody', { recipient: recipientText(t, share), email: share.patient.email ?? '—', types: typesText(share).toLowerCase() }),
                        confirmLabel: t('shares.revokeConfirm'),
                        onConfirm: () => revoke.mutate(share),
                      })
                    }
                  >
                    {t('shares.revoke')}
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
