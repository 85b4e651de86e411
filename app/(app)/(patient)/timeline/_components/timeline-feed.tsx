'use client';

// The feed: pages of the timeline grouped by local day (the patient's zone), with "load older entries".
import Link from 'next/link';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import type { UnitPreferences } from '@/lib/format/health';
import type { TimelineItem } from '@/lib/data/timeline';
import { localDate } from '@/lib/time';
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

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayHeading = (day: string) => DAY_FORMAT.format(new Date(`${day}T12:00:00Z`));

export function TimelineFeed({ timeZone, units }: Props) {
  const query = useInfiniteQuery({
    queryKey: TIMELINE_QUERY_KEY,
    queryFn: ({ pageParam }) => fetchTimelinePage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });

  if (query.isPending) return <Loading label="Loading your timeline…" />;
  if (query.isError && !query.data) return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;

  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Empty>
        Nothing here yet. Readings from your devices and anything you{' '}
        <Link href="/entry" className="font-medium text-teal-800 underline">
          log yourself
        </Link>{' '}
        will show up here.
      </Empty>
    );
  }
  const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });

  return (
    <div className="space-y-6">
      {byDay(items, timeZone).map(([day, dayItems]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`} className="mb-2 text-sm font-semibold text-slate-700">
            {dayHeading(day)}
          </h2>
          <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
            {dayItems.map((item) => (
              <TimelineEntry key={`${item.kind}-${item.id}`} item={item} time={timeFormat.format(Date.parse(item.at))} units={units} />
            ))}
          </ol>
        </section>
      ))}
      <div className="flex flex-col items-center gap-2">
        {query.isFetchNextPageError && <ErrorMessage error={query.error} retry={() => void query.fetchNextPage()} />}
        {query.hasNextPage ? (
          <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? 'Loading older entries…' : 'Load older entries'}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">That is everything on your timeline.</p>
        )}
        <p role="status" aria-live="polite" className="sr-only">
          {query.isFetchingNextPage ? 'Loading older entries' : `${items.length} entries shown`}
        </p>
      </div>
    </div>
  );
}
