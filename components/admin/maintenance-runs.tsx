'use client';
// Retention, archive, restore, integrity and partition runs (retention_runs), with rows touched per table.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { FilterBar, SelectFilter, useFilters } from './filters';
import { ListBody } from './list-states';
import { runsOptions, type Filters } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

const KINDS = ['RETENTION', 'ARCHIVE', 'RESTORE', 'INTEGRITY', 'PARTITIONS'] as const;
const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
const STATUS_TONE = { SUCCEEDED: 'green', FAILED: 'red', RUNNING: 'amber' } as const;

export function MaintenanceRuns({ initial, polling }: { initial: Filters; polling: boolean }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...runsOptions(filters.applied), placeholderData: keepPreviousData, refetchInterval: polling ? 3000 : false });
  const runs = query.data?.pages.flatMap((p) => p.runs) ?? [];
  const format = useFormatInstant();
  const t = useTranslations('admin.maintenance');
  return (
    <Card title={t('title')}>
      <FilterBar label={t('filter')} filters={filters} applyButton={false}>
        <SelectFilter filters={filters} name="kind" label={t('columns.kind')} options={KINDS.map((k) => [k, t(`kinds.${k}`)] as const)} />
        <SelectFilter filters={filters} name="status" label={t('columns.status')} options={STATUSES.map((s) => [s, t(`statuses.${s}`)] as const)} />
      </FilterBar>
      <ListBody query={query} count={runs.length} list="runs" filtered={filters.isFiltered}>
        <DataTable caption={t('title')} head={<><Th>{t('columns.kind')}</Th><Th>{t('columns.status')}</Th><Th>{t('columns.started')}</Th><Th>{t('columns.finished')}</Th><Th>{t('columns.rows')}</Th><Th>{t('columns.error')}</Th></>}>
          {runs.map((run) => (
            <tr key={run.id}>
              <Td className="font-medium">{t(`kinds.${run.kind}`)}</Td>
              <Td><Badge tone={STATUS_TONE[run.status]}>{t(`statusesLower.${run.status}`)}</Badge></Td>
              <Td className="whitespace-nowrap">{format(run.startedAt)}</Td>
              <Td className="whitespace-nowrap">{format(run.finishedAt, run.status === 'RUNNING' ? t('statuses.RUNNING') : '—')}</Td>
              <Td>
                {Object.keys(run.counts).length === 0 ? '—' : (
                  <ul className="text-xs">
                    {Object.entries(run.counts).map(([table, n]) => <li key={table}><span className="font-mono">{table}</span>: {n}</li>)}
                  </ul>
                )}
              </Td>
              <Td className="max-w-xs text-red-800">{run.error ?? '—'}</Td>
            </tr>
          ))}
        </DataTable>
      </ListBody>
    </Card>
  );
}
