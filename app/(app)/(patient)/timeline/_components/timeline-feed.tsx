'use client';

// The feed: pages of the timeline grouped by local day (the patient's zone), with "load older entries".
import Link from 'next/link';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { UnitPreferences } from '@/lib/format/health';
import type { TimelineItem } from '@/lib/data/timeline';
import { localDigits } from '@/lib/format/health';
import { localDate, localDateTime } from '@/lib/time';
import { formatDay } from '@/components/patient/trends/periods';
import { fetchTimelinePage, TIMELINE_QUERY_KEY } from '../_lib/timeline-query';
import { TimelineEntry } from './timeline-entry';

type Props = { timeZone: string; units: UnitPreferences };

function byDay(items: TimelineItem[], timeZone: string): [string, TimelineItem[]][] {
  const days = new Map<string, TimelineItem[]>();
  for (const item of items) {
    const day = localDate(Date.parse(item.at), timeZone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days];
}


export function TimelineFeed({ timeZone, units }: Props) {
  const t = useTranslations('timeline');
  const locale = useLocale();
  const query = useInfiniteQuery({
    queryKey: TIMELINE_QUERY_KEY,
    queryFn: ({ pageParam }) => fetchTimelinePage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });

  if (query.isPending) return <Loading label={t('loading')} />;
  if (query.isError && !query.data) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;

  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Empty>
        {t.rich('empty', {
          link: (chunks) => (
            <Link href="/entry" className="font-medium text-teal-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </Empty>
    );
  }
  // The wall clock in the patient's zone, as the server renders it too (no browser locale or zone).
  const timeOf = (iso: string) => localDigits(localDateTime(Date.parse(iso), timeZone).slice(11, 16), locale);

  return (
    <div className="space-y-6">
      {byDay(items, timeZone).map(([day, dayItems]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`} className="mb-2 text-sm font-semibold text-slate-700">
            {formatDay(day, 'long', locale)}
          </h2>
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
            {dayItems.map((item) => (
              <TimelineEntry key={`${item.kind}-${item.id}`} item={item} time={timeOf(item.at)} units={units} />
            ))}
          </ol>
        </section>
      ))}
      <div className="flex flex-col items-center gap-2">
        {query.isFetchNextPageError && <ErrorMessage error={query.error} retry={() => void query.fetchNextPage()} />}
        {query.hasNextPage ? (
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? t('loadingOlder') : t('loadOlder')}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">{t('everything')}</p>
        )}
        <p role="status" aria-live="polite" className="sr-only">
          {query.isFetchingNextPage ? t('loadingOlderStatus') : t('shown', { count: items.length, n: localDigits(String(items.length), locale) })}
        </p>
      </div>
    </div>
  );
}
