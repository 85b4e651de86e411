'use client';

// Search by name, one group at a time (radio chips with counts), and the sort order.
import { useLocale, useTranslations } from 'use-intl';
import type { TriageGroup, TriageQuery } from '@/lib/data/triage';
import { numberLocale } from '@/lib/format/health';

type Sort = Pick<TriageQuery, 'sort' | 'order'>;

const SORTS: Sort[] = [
  { sort: 'name', order: 'asc' },
  { sort: 'name', order: 'desc' },
  { sort: 'lastSync', order: 'asc' },
  { sort: 'lastSync', order: 'desc' },
  { sort: 'lastReviewed', order: 'asc' },
  { sort: 'lastReviewed', order: 'desc' },
];

const chip =
  'inline-flex min-h-9 cursor-pointer items-center gap-1 rounded-full border px-3 py-1 text-sm has-[:checked]:border-teal-700 has-[:checked]:bg-teal-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-600 has-[:focus-visible]:ring-offset-2';

export function TriageFilters(props: {
  search: string;
  onSearch: (value: string) => void;
  group: TriageGroup | undefined;
  onGroup: (group: TriageGroup | undefined) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  groups: { id: TriageGroup; label: string; count: number }[];
  total: number;
}) {
  const t = useTranslations('doctor.triage');
  const locale = useLocale();
  const options = [{ id: undefined, label: t('all'), count: props.total }, ...props.groups];
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="triage-search" className="block text-sm font-medium text-slate-800">{t('search')}</label>
          <input
            id="triage-search"
            type="search"
            value={props.search}
            onChange={(e) => props.onSearch(e.target.value)}
            maxLength={100}
            autoComplete="off"
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
          />
        </div>
        <div>
          <label htmlFor="triage-sort" className="block text-sm font-medium text-slate-800">{t('sortLabel')}</label>
          <select
            id="triage-sort"
            value={`${props.sort.sort}:${props.sort.order}`}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(':') as [Sort['sort'], Sort['order']];
              props.onSort({ sort, order });
            }}
            className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 sm:w-auto"
          >
            {SORTS.map((s) => <option key={`${s.sort}:${s.order}`} value={`${s.sort}:${s.order}`}>{t(`sorts.${s.sort}.${s.order}`)}</option>)}
          </select>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('group')}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {options.map((o) => (
            <label key={o.id ?? 'all'} className={`${chip} ${o.count === 0 && o.id ? 'border-slate-200 text-slate-600' : 'border-slate-300 text-slate-800'}`}>
              <input
                type="radio"
                name="triage-group"
                value={o.id ?? ''}
                checked={props.group === o.id}
                onChange={() => props.onGroup(o.id)}
                className="sr-only"
              />
              {o.label} <span aria-hidden="true">·</span> <span>{o.count.toLocaleString(numberLocale(locale))}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
