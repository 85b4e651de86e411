'use client';
// /admin/audit: who did what, when, with which outcome; filtered, newest first, in pages.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { ListBody } from './list-states';
import type { AdminT } from './labels';
import { auditOptions, type AuditPage, type Filters } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant, useTimeZone } from './time-zone';

type Entry = AuditPage['entries'][number];
const OUTCOME_TONE = { SUCCESS: 'green', DENIED: 'amber', FAILURE: 'red' } as const;
const OUTCOMES = ['SUCCESS', 'DENIED', 'FAILURE'] as const;

function actorText(t: AdminT, entry: Entry): string {
  if (entry.actor.email) return entry.actor.email;
  if (entry.actor.userId) return t('audit.actorUser', { id: entry.actor.userId.slice(0, 8) });
  if (entry.actor.deviceId) return t('audit.actorDevice', { id: entry.actor.deviceId.slice(0, 8) });
  return t('audit.actorSystem');
}

export function AuditView({ initial }: { initial: Filters }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...auditOptions(filters.applied), placeholderData: keepPreviousData });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const format = useFormatInstant();
  const timeZone = useTimeZone();
  const t = useTranslations('admin');

  return (
    <Card title={t('audit.entries')}>
      <FilterBar label={t('audit.filter')} filters={filters}>
        <TextFilter filters={filters} name="actor" label={t('audit.actorFilter')} />
        <TextFilter filters={filters} name="action" label={t('audit.actionFilter')} placeholder={t('audit.actionPlaceholder')} />
        <SelectFilter filters={filters} name="outcome" label={t('audit.columns.outcome')} options={OUTCOMES.map((o) => [o, t(`audit.outcomes.${o}`)] as const)} />
        <TextFilter filters={filters} name="from" label={t('audit.from')} type="date" />
        <TextFilter filters={filters} name="to" label={t('audit.to')} type="date" />
      </FilterBar>
      <ListBody query={query} count={entries.length} list="audit" filtered={filters.isFiltered}>
        <DataTable
          caption={t('audit.caption', { timeZone })}
          head={
            <>
              <Th>{t('audit.columns.when')}</Th>
              <Th>{t('audit.columns.actor')}</Th>
              <Th>{t('audit.columns.action')}</Th>
              <Th>{t('audit.columns.target')}</Th>
              <Th>{t('audit.columns.patient')}</Th>
              <Th>{t('audit.columns.outcome')}</Th>
              <Th>{t('audit.columns.ip')}</Th>
            </>
          }
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap tabular-nums">{format(entry.occurredAt)}</Td>
              <Td>{actorText(t, entry)}</Td>
              <Td className="font-mono text-xs">{entry.action}</Td>
              <Td>{entry.target ? `${entry.target.type ?? ''} ${entry.target.id ?? ''}`.trim() : '—'}</Td>
              <Td>{entry.patient ? (entry.patient.email ?? entry.patient.id.slice(0, 8)) : '—'}</Td>
              <Td><Badge tone={OUTCOME_TONE[entry.outcome]}>{t(`audit.outcomesLower.${entry.outcome}`)}</Badge></Td>
              <Td className="font-mono text-xs">{entry.ip ?? '—'}</Td>
            </tr>
          ))}
        </DataTable>
      </ListBody>
    </Card>
  );
}
