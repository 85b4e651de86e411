'use client';
// The states every admin list shares: loading, error (with retry), empty (filtered or not), "load more".
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';

type AnyList = Pick<UseInfiniteQueryResult, 'isPending' | 'isError' | 'error' | 'refetch' | 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage' | 'isFetching' | 'isPlaceholderData'>;

/** Which list: its loading and empty texts are admin.lists.<list>.*. */
export type ListName = 'users' | 'devices' | 'shares' | 'audit' | 'runs';

/** Renders the table, or the state in place of it. */
export function ListBody({ query, count, list, filtered, children }: { query: AnyList; count: number; list: ListName; filtered: boolean; children: ReactNode }) {
  const t = useTranslations('admin');
  if (query.isPending) return <Loading label={t(`lists.${list}.loading`)} />;
  if (query.isError && count === 0) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  if (count === 0) return <Empty>{filtered ? t(`lists.${list}.noMatch`) : t(`lists.${list}.none`)}</Empty>;
  return (
    <>
      {query.isError && <ErrorMessage error={query.error} retry={() => void query.refetch()} />}
      <div aria-busy={query.isFetching} className={query.isPlaceholderData ? 'opacity-60' : undefined}>{children}</div>
      {query.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

/** A polite live region for the outcome of an action ("Device revoked."). */
export function ActionStatus({ message }: { message: { text: string; error?: boolean } | null }) {
  return (
    <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.error ? 'text-red-800' : 'text-emerald-800'}`}>
      {message?.text}
    </p>
  );
}
