// The timeline's query: one key for the server prefetch and the client, one way to fetch a page.
import type { TimelinePage } from '@/lib/data/timeline';
import { apiFetch } from '@/lib/query/api';

export const TIMELINE_PAGE_SIZE = 30;
// Under ['timeline'], which the entry forms invalidate after a save.
export const TIMELINE_QUERY_KEY = ['timeline', 'me'] as const;

export function fetchTimelinePage(before: string | null): Promise<TimelinePage> {
  const query = new URLSearchParams({ limit: String(TIMELINE_PAGE_SIZE) });
  if (before) query.set('before', before);
  return apiFetch<TimelinePage>(`/api/v1/users/me/timeline?${query}`);
}
