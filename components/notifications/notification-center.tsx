'use client';

// The notification center (/notifications): every role's notifications, newest first, filtered by
// category and unread, with mark read, mark all read and (emergencies) acknowledge. Messages outside
// the app link to /notifications#n-<id>: that item is scrolled to, focused and highlighted.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { CenterNotification } from '@/lib/data/notification-center';
import { numberLocale } from '@/lib/format/health';
import type { Role } from '@/lib/generated/prisma/enums';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@/lib/notify/preferences';
import { apiFetch } from '@/lib/query/api';
import { NotificationItem } from './notification-item';
import { NOTIFICATIONS_KEY, notificationsOptions, unreadCountOptions, type ListFilter } from './queries';

/** The id named by the address's fragment (#n-<id>), if any. */
function targetId(): string | null {
  const match = /^#n-([0-9a-f-]{36})$/i.exec(window.location.hash);
  return match ? match[1]!.toLowerCase() : null;
}

/** `today`: the reader's local day when the page was rendered (times read "today 09:32"). */
export function NotificationCenter({ role, timeZone, today }: { role: Role; timeZone: string; today: string }) {
  const qc = useQueryClient();
  const t = useTranslations('notificationCenter');
  const locale = useLocale();
  const [filter, setFilter] = useState<ListFilter>({ category: null, unreadOnly: false });
  const [announcement, setAnnouncement] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const query = useInfiniteQuery(notificationsOptions(filter));
  const items = query.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unread = query.data?.pages[0]?.unread ?? 0;

  // The bell polls the count; when it changes (a new alert, one read elsewhere), the list is refetched.
  const count = useQuery({ ...unreadCountOptions, refetchInterval: false }).data;
  const seen = useRef<string | null>(null);
  const { refetch } = query;
  useEffect(() => {
    if (!count) return;
    const key = `${count.unread}/${count.emergencies}`;
    if (seen.current !== null && seen.current !== key) void refetch();
    seen.current = key;
  }, [count, refetch]);

  useEffect(() => {
    const read = () => setTarget(targetId());
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  const targetShown = target !== null && items.some((n) => n.id === target);
  // A linked notification further down: load older pages for it, a few at most.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const pagesLoaded = query.data?.pages.length ?? 0;
  useEffect(() => {
    if (target && query.isSuccess && !targetShown && hasNextPage && !isFetchingNextPage && pagesLoaded < 5) void fetchNextPage();
  }, [target, query.isSuccess, targetShown, hasNextPage, isFetchingNextPage, pagesLoaded, fetchNextPage]);
  useEffect(() => {
    if (!target || !targetShown) return;
    const element = document.getElementById(`n-${target}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [target, targetShown]);

  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const markRead = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => refresh(),
  });
  const markAll = useMutation({
    mutationFn: () => {
      // Only what this page has shown: one that arrived since stays unread until it is seen.
      const search = new URLSearchParams();
      const newest = items[0]?.sentAt;
      if (newest) search.set('through', newest);
      if (filter.category) search.set('category', filter.category);
      return apiFetch<{ marked: number }>(`/api/v1/notifications/read-all?${search}`, { method: 'POST' });
    },
    onSuccess: ({ marked }) => {
      setAnnouncement(t('markedRead', { count: marked }));
      return refresh();
    },
  });
  const acknowledge = useMutation({
    mutationFn: async (n: CenterNotification) => {
      await apiFetch(`/api/v1/emergencies/${n.emergencyEventId}/acknowledge`, { method: 'POST' });
      if (!n.read) await apiFetch(`/api/v1/notifications/${n.id}/read`, { method: 'POST' });
    },
    onSuccess: () => {
      setAnnouncement(t('acknowledgedDone'));
      return refresh();
    },
  });
  const busy = markRead.isPending || markAll.isPending || acknowledge.isPending;
  const failed = markRead.error ?? markAll.error ?? acknowledge.error;
  const filtered = filter.category !== null || filter.unreadOnly;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form aria-label={t('filterLabel')} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
          <label className="flex flex-col text-sm text-slate-800">
            <span className="font-medium">{t('category')}</span>
            <select
              value={filter.category ?? ''}
              onChange={(e) => setFilter({ ...filter, category: (e.target.value || null) as NotificationCategory | null })}
              className="mt-1 min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
            >
              <option value="">{t('allCategories')}</option>
              {NOTIFICATION_CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
            </select>
          </label>
          <label className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={filter.unreadOnly} onChange={(e) => setFilter({ ...filter, unreadOnly: e.target.checked })} className="h-4 w-4" />
            {t('unreadOnly')}
          </label>
        </form>
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-800" data-testid="unread-total">{unread === 0 ? t('allRead') : t('unreadTotal', { count: unread.toLocaleString(numberLocale(locale)) })}</p>
          <Button variant="secondary" onClick={() => markAll.mutate()} disabled={busy || unread === 0 || items.length === 0}>
            {t('markAllRead')}
          </Button>
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">{announcement}</p>
      {failed && <ErrorMessage error={failed} />}
      {target && query.isSuccess && !targetShown && !query.hasNextPage && (
        <p className="text-sm text-slate-700">{filtered ? t('targetMissingFiltered') : t('targetMissing')}</p>
      )}
      {query.isPending ? (
        <Loading label={t('loading')} />
      ) : query.isError && items.length === 0 ? (
        <ErrorMessage error={new Error(t('loadFailed'))} retry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{filtered ? t('emptyFiltered') : t('empty')}</Empty>
      ) : (
        <ul className="space-y-3" aria-label={t('listLabel')}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              role={role}
              timeZone={timeZone}
              today={today}
              highlighted={n.id === target}
              actions={{ markRead: (id) => markRead.mutate(id), acknowledge: (item) => acknowledge.mutate(item), busy }}
            />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? t('loadingMore') : t('showOlder')}
        </Button>
      )}
    </div>
  );
}
