// Query keys and fetchers of the push settings: the server's VAPID key (a 404 when push is off on this
// server) and the person's subscribed browsers.
import { queryOptions } from '@tanstack/react-query';
import { ApiRequestError, apiFetch } from '@/lib/query/api';

export type PushSubscriptionJson = { id: string; label: string | null; createdAt: string; lastSuccessAt: string | null };

/** The public-key route answers 404 (PUSH_NOT_CONFIGURED) only when Web Push is off on this server. */
export const isPushOff = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

export const pushPublicKeyOptions = queryOptions({
  queryKey: ['push', 'public-key'] as const,
  queryFn: () => apiFetch<{ publicKey: string }>('/api/v1/push/public-key'),
  retry: (failures, error) => !isPushOff(error) && failures < 1,
  staleTime: Infinity,
});

export const pushSubscriptionsOptions = queryOptions({
  queryKey: ['me', 'push-subscriptions'] as const,
  queryFn: () => apiFetch<{ subscriptions: PushSubscriptionJson[] }>('/api/v1/users/me/push-subscriptions'),
});
