// TanStack Query: one client per browser session, and one per server request for prefetching
// (server components prefetch, the client hydrates: no loading flash, no double fetch).
import { QueryClient, defaultShouldDehydrateQuery, isServer } from '@tanstack/react-query';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true },
      // Offline a mutation runs (and fails, saying so) instead of waiting silently for the network; the
      // patient's entries and doses are queued by their own mutations (lib/offline/send.ts).
      mutations: { networkMode: 'always' },
      dehydrate: { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === 'pending' },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
