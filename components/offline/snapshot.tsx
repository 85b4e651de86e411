'use client';

// Snapshots of what a page showed online (its TanStack queries, dehydrated), sealed with the patient's key
// in IndexedDB (lib/offline/vault.ts), never in the service worker's caches; and the offline shell's way
// of showing one: its queries hydrated into a client of its own that never refetches them by itself,
// under a banner that says how old the data is. A snapshot is taken only when every query of the page
// loaded; its time is the OLDEST of their fetch times (never a fresher picture than the data).
import { dehydrate, hydrate, QueryClient, QueryClientProvider, useQueryClient, type DehydratedState, type QueryKey } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { Empty, Loading } from '@/components/ui/states';
import { loadSnapshot, saveSnapshot, type Snapshot } from '@/lib/offline/vault';
import { useNowToTheMinute, useOfflineUser } from './offline-context';

export type QuerySnapshot<P> = { state: DehydratedState; props: P };

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));

/**
 * Keeps the snapshot `name` of the queries whose keys start with one of `prefixes`, with `props` (what
 * the page rendered them with), saved a second after they last changed. No prefixes: only `props`.
 */
export function useSaveSnapshot<P>(name: string, prefixes: readonly QueryKey[], props: P, enabled = true) {
  const queryClient = useQueryClient();
  const userId = useOfflineUser();
  // Compared by value: callers build these afresh on every render.
  const what = JSON.stringify({ prefixes, props });
  useEffect(() => {
    if (!userId || !enabled) return;
    const { prefixes: keys, props: shown } = JSON.parse(what) as { prefixes: QueryKey[]; props: P };
    const matches = (key: QueryKey) => keys.some((prefix) => startsWith(key, prefix));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const queries = queryClient.getQueryCache().findAll({ predicate: (q) => matches(q.queryKey) });
        if (keys.length > 0 && (queries.length === 0 || queries.some((q) => q.state.status !== 'success'))) return;
        const state = dehydrate(queryClient, { shouldDehydrateQuery: (q) => matches(q.queryKey) && q.state.status === 'success' });
        const takenAt = queries.length > 0 ? Math.min(...queries.map((q) => q.state.dataUpdatedAt)) : Date.now();
        void saveSnapshot(userId, name, { data: { state, props: shown }, takenAt }).catch(() => undefined);
      }, 1000);
    };
    save();
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && matches(event.query.queryKey)) save();
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [queryClient, userId, name, what, enabled]);
}

/** A client holding the snapshot's data as it was: nothing refetched on mount, focus or reconnect. */
function clientOf(state: DehydratedState): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnMount: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { networkMode: 'always' },
    },
  });
  hydrate(client, state);
  return client;
}

/** "Last synced 3 hours ago", and the moment, above what the snapshot shows. */
export function SnapshotAge({ takenAt }: { takenAt: number }) {
  const t = useTranslations('offline.shell');
  const format = useFormatter();
  const now = useNowToTheMinute();
  return (
    <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="snapshot-age">
      <p className="font-semibold">{t('lastSynced', { age: format.relativeTime(takenAt, Math.max(now, takenAt)) })}</p>
      <p>{t('asOf', { time: format.dateTime(new Date(takenAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
    </div>
  );
}

type FromSnapshotProps<P> = { name: string; showAge?: boolean; fallback?: P; children: (props: P) => ReactNode };

/**
 * The snapshot `name` of the patient, shown by `children` with its data as it was, under its age; with
 * none, `children(fallback)` when there is a fallback, else a note to open the page once online.
 */
export function FromSnapshot<P>({ name, showAge = true, fallback, children }: FromSnapshotProps<P>) {
  const userId = useOfflineUser();
  const t = useTranslations('offline.shell');
  const [snapshot, setSnapshot] = useState<Snapshot<QuerySnapshot<P>> | null | undefined>(undefined);
  useEffect(() => {
    if (userId) void loadSnapshot<QuerySnapshot<P>>(userId, name).then(setSnapshot, () => setSnapshot(null));
  }, [userId, name]);
  const client = useMemo(() => (snapshot ? clientOf(snapshot.data.state) : null), [snapshot]);
  if (snapshot === undefined) return <Loading label={t('loading')} />;
  if (!snapshot || !client) return fallback === undefined ? <Empty>{t('noSnapshot')}</Empty> : children(fallback);
  return (
    <QueryClientProvider client={client}>
      {showAge && <SnapshotAge takenAt={snapshot.takenAt} />}
      {children(snapshot.data.props)}
    </QueryClientProvider>
  );
}
