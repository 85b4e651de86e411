'use client';
// Retention, archive, restore, integrity and partition runs (retention_runs), with rows touched per table.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { FilterBar, SelectFilter, useFilters } from './filters';
import { humanize } from './labels';
import { ListBody } from './list-states';
import { runsOptions, type Filters } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

const KINDS = ['RETENTION', 'ARCHIVE', 'RESTORE', 'INTEGRITY', 'PARTITIONS'].map((k) => [k, humanize(k)] as const);
const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'].map((s) => [s, humanize(s)] as const);
const STATUS_TONE = { SUCCEEDED: 'green', FAILED: 'red', RUNNING: 'amber' } as const;

export function MaintenanceRuns({ initial, polling }: { initial: Filters; polling: boolean }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...runsOptions(filters.applied), placeholderData: keepPreviousData, refetchInterval: polling ? 3000 : false });
  const runs = query.data?.pages.flatMap((p) => p.runs) ?? [];
  const format = useFormatInstant();
  return (
    <Card title="Maintenance runs">
      <FilterBar label="Filter maintenance runs" filters={filters} applyButton={false}>
        <SelectFilter filters={filters} name="kind" label="Kind" options={KINDS} />
        <SelectFilter filters={filters} name="status" label="Status" options={STATUSES} />
      </FilterBar>
      <ListBody query={query} count={runs.length} what="maintenance runs" filtered={filters.isFiltered}>
        <DataTable caption="Maintenance runs" head={<><Th>Kind</Th><Th>Status</Th><Th>Started</Th><Th>Finished</Th><Th>Rows touched</Th><Th>Error</Th></>}>
          {runs.map((run) => (
            <tr key={run.id}>
              <Td className="font-medium">{humanize(run.kind)}</Td>
              <Td><Badge tone={STATUS_TONE[run.status]}>{run.status.toLowerCase()}</Badge></Td>
              <Td className="whitespace-nowrap">{format(run.startedAt)}</Td>
              <Td className="whitespace-nowrap">{format(run.finishedAt, run.status === 'RUNNING' ? 'Running' : '—')}</Td>
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
