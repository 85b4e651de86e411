'use client';
// /admin/audit: who did what, when, with which outcome; filtered, newest first, in pages.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { ListBody } from './list-states';
import { auditOptions, type AuditPage, type Filters } from './queries';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant, useTimeZone } from './time-zone';

type Entry = AuditPage['entries'][number];
const OUTCOME_TONE = { SUCCESS: 'green', DENIED: 'amber', FAILURE: 'red' } as const;

function actorText(entry: Entry): string {
  if (entry.actor.email) return entry.actor.email;
  if (entry.actor.userId) return `user ${entry.actor.userId.slice(0, 8)}`;
  if (entry.actor.deviceId) return `device ${entry.actor.deviceId.slice(0, 8)}`;
  return 'system';
}

export function AuditView({ initial }: { initial: Filters }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...auditOptions(filters.applied), placeholderData: keepPreviousData });
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  const format = useFormatInstant();
  const timeZone = useTimeZone();

  return (
    <Card title="Entries">
      <FilterBar label="Filter the audit log" filters={filters}>
        <TextFilter filters={filters} name="actor" label="Actor (e-mail or id)" />
        <TextFilter filters={filters} name="action" label="Action starts with" placeholder="e.g. POST /api/v1/admin or auth." />
        <SelectFilter filters={filters} name="outcome" label="Outcome" options={[['SUCCESS', 'Success'], ['DENIED', 'Denied'], ['FAILURE', 'Failure']]} />
        <TextFilter filters={filters} name="from" label="From (UTC day)" type="date" />
        <TextFilter filters={filters} name="to" label="To (UTC day)" type="date" />
      </FilterBar>
      <ListBody query={query} count={entries.length} what="audit entries" filtered={filters.isFiltered}>
        <DataTable
          caption={`Audit log entries, times in ${timeZone}`}
          head={
            <>
              <Th>When</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Patient</Th>
              <Th>Outcome</Th>
              <Th>IP</Th>
            </>
          }
        >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap tabular-nums">{format(entry.occurredAt)}</Td>
              <Td>{actorText(entry)}</Td>
              <Td className="font-mono text-xs">{entry.action}</Td>
              <Td>{entry.target ? `${entry.target.type ?? ''} ${entry.target.id ?? ''}`.trim() : '—'}</Td>
              <Td>{entry.patient ? (entry.patient.email ?? entry.patient.id.slice(0, 8)) : '—'}</Td>
              <Td><Badge tone={OUTCOME_TONE[entry.outcome]}>{entry.outcome.toLowerCase()}</Badge></Td>
              <Td className="font-mono text-xs">{entry.ip ?? '—'}</Td>
            </tr>
          ))}
        </DataTable>
      </ListBody>
    </Card>
  );
}
