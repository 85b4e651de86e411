'use client';

// The doctor's triage list: filters (search, group, sort) kept in the URL, and the patients grouped in
// triage order. The first render comes hydrated from the server; later filters fetch the API.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { TriageGroup, TriageQuery } from '@/lib/data/triage';
import { todayIn } from './format';
import { triageOptions, triageSearch } from './queries';
import { TriageFilters } from './triage-filters';
import { TriageGroupSection } from './triage-group';

const SEARCH_DELAY_MS = 250;

export function TriageView({ initial, timeZone }: { initial: TriageQuery; timeZone: string }) {
  const [search, setSearch] = useState(initial.q);
  const [q, setQ] = useState(initial.q);
  const [group, setGroup] = useState<TriageGroup | undefined>(initial.group);
  const [sort, setSort] = useState({ sort: initial.sort, order: initial.order });
  const query: TriageQuery = { q, group, ...sort };
  const searchString = triageSearch(query);

  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  // The filters live in the URL (shareable, kept on reload) without a server round trip.
  useEffect(() => {
    window.history.replaceState(null, '', searchString ? `/doctor?${searchString}` : '/doctor');
  }, [searchString]);

  const { data, error, isPending, isFetching, refetch } = useQuery({ ...triageOptions(query), placeholderData: keepPreviousData });
  const today = todayIn(timeZone);
  const total = data?.groups.reduce((sum, g) => sum + g.count, 0) ?? 0;
  const t = useTranslations('doctor.triage');
  // The API's labels are English: the reader's come from the group's stable code.
  const groups = (data?.groups ?? []).map((g) => ({ ...g, label: t(`groups.${g.id}`) }));

  return (
    <div className="space-y-4">
      <TriageFilters
        search={search}
        onSearch={setSearch}
        group={group}
        onGroup={setGroup}
        sort={sort}
        onSort={setSort}
        groups={groups}
        total={total}
      />
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {isFetching && !isPending ? t('updating') : data ? t('shown', { shown: data.patients.length, total }) : ''}
      </p>
      {isPending ? (
        <Loading label={t('loading')} />
      ) : error && !data ? (
        <ErrorMessage error={error} retry={() => void refetch()} />
      ) : !data || data.patients.length === 0 ? (
        <Empty>{total === 0 && !q ? t('noPatients') : t('noMatch')}</Empty>
      ) : (
        groups
          .filter((g) => data.patients.some((p) => p.group === g.id))
          .map((g) => (
            <TriageGroupSection
              key={g.id}
              group={g}
              rows={data.patients.filter((p) => p.group === g.id)}
              units={data.units}
              timeZone={timeZone}
              today={today}
            />
          ))
      )}
      {error && data && <ErrorMessage error={error} retry={() => void refetch()} />}
    </div>
  );
}
