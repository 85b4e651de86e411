'use client';
// Labelled list filters. Text fields apply on Enter or "Apply"; selects apply at once. The applied
// filters are mirrored in the URL (without a server round trip), so a filtered list can be linked.
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { setFilters, type Filters } from './queries';

export function useFilters(initial: Filters) {
  const [draft, setDraft] = useState(initial);
  const [applied, setApplied] = useState(initial);
  function apply(next: Filters = draft) {
    setDraft(next);
    setApplied(next);
    const search = new URLSearchParams(setFilters(next)).toString();
    window.history.replaceState(window.history.state, '', search ? `?${search}` : window.location.pathname);
  }
  return {
    draft,
    applied,
    apply,
    set: (name: string, value: string) => setDraft((d) => ({ ...d, [name]: value })),
    setNow: (name: string, value: string) => apply({ ...draft, [name]: value }),
    reset: () => apply(Object.fromEntries(Object.keys(initial).map((k) => [k, '']))),
    isFiltered: Object.values(setFilters(applied)).length > 0,
  };
}

export type FilterState = ReturnType<typeof useFilters>;

/** `applyButton` is for text filters; selects alone apply as they change. */
export function FilterBar({ label, filters, children, applyButton = true }: { label: string; filters: FilterState; children: ReactNode; applyButton?: boolean }) {
  const t = useTranslations('admin.common');
  return (
    <form
      role="search"
      aria-label={label}
      className="mb-4 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        filters.apply();
      }}
    >
      {children}
      <div className="flex gap-2">
        {applyButton && <Button type="submit">{t('apply')}</Button>}
        <Button variant="secondary" onClick={filters.reset}>{t('reset')}</Button>
      </div>
    </form>
  );
}

const FIELD = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500';

export function TextFilter({ filters, name, label, type = 'search', placeholder }: { filters: FilterState; name: string; label: string; type?: 'search' | 'date'; placeholder?: string }) {
  return (
    <label className="block min-w-40 flex-1 text-sm font-medium text-slate-800 sm:flex-none">
      {label}
      <input type={type} name={name} value={filters.draft[name] ?? ''} placeholder={placeholder} onChange={(e) => filters.set(name, e.target.value)} className={FIELD} />
    </label>
  );
}

export function SelectFilter({ filters, name, label, options, all }: { filters: FilterState; name: string; label: string; options: readonly (readonly [string, string])[]; all?: string }) {
  const t = useTranslations('admin.common');
  return (
    <label className="block min-w-32 text-sm font-medium text-slate-800">
      {label}
      <select name={name} value={filters.draft[name] ?? ''} onChange={(e) => filters.setNow(name, e.target.value)} className={FIELD}>
        <option value="">{all ?? t('all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </label>
  );
}
