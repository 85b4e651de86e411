// Query keys and fetchers of the notification center: the bell's count and the list's pages. Everything
// under ['notifications'] is refreshed together after a change (mark read, acknowledge).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { NotificationPage } from '@/lib/data/notification-center';
import type { NotificationCategory } from '@/lib/notify/preferences';
import { apiFetch } from '@/lib/query/api';

export type UnreadCount = { unread: number; emergencies: number };
export type ListFilter = { category: NotificationCategory | null; unreadOnly: boolean };

export const POLL_MS = 30_000;
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export const unreadCountOptions = queryOptions({
  queryKey: [...NOTIFICATIONS_KEY, 'unread-count'] as const,
  queryFn: () => apiFetch<UnreadCount>('/api/v1/notifications/unread-count'),
  refetchInterval: POLL_MS,
  refetchOnWindowFocus: true,
  staleTime: 0,
});

export function notificationsOptions(filter: ListFilter) {
  return infiniteQueryOptions({
    queryKey: [...NOTIFICATIONS_KEY, 'list', filter.category ?? 'all', filter.unreadOnly] as const,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams();
      if (filter.category) search.set('category', filter.category);
      if (filter.unreadOnly) search.set('unread', 'true');
      if (pageParam) search.set('before', pageParam);
      return apiFetch<NotificationPage>(`/api/v1/notifications${search.size ? `?${search}` : ''}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    // Not polled itself (each read of another patient's alert is audited): the center refetches it
    // when the bell's polled count changes.
    refetchOnWindowFocus: true,
  });
}
