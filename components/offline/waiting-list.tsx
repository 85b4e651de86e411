'use client';

// What the patient logged that has not reached the server yet ("Waiting to sync (n)"), and what the server
// refused, with its reason, until the patient dismisses it: a refused reading is never dropped silently.
// Shown on "Log data" and the dose log, online and in the offline shell; nothing when both lists are empty.
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { describeEntry, describeMeal, type EntryDescription } from '@/components/entry/entry-body';
import type { MealTypeName } from '@/lib/pipeline/meal-patterns';
import type { QueuedItem } from '@/lib/offline/items';
import type { QueueStatus } from '@/lib/offline/queue';
import { useOfflineQueue, useOnline, useQueueState } from './offline-context';

type OfflineT = ReturnType<typeof useTranslations<'offline'>>;

/** One line for an item, in the reader's language. */
export function useDescribeItem(): (item: QueuedItem) => string {
  const t = useTranslations('offline');
  const locale = useLocale();
  return (item) => {
    if (item.type === 'dose') {
      const { name = '', dose = '' } = item.medication ?? {};
      return item.body.status === 'skipped' ? t('dose.skipped', { name, dose }) : t('dose.taken', { name, dose });
    }
    // The body the entry or meal form built (components/entry/entry-body.ts, meal-form.tsx).
    if (item.type === 'meal') return describeMeal(item.body as { mealType: MealTypeName; carbsGrams?: number }, locale);
    return describeEntry(item.body as EntryDescription, locale);
  };
}

function statusText(t: OfflineT, online: boolean, status: QueueStatus): string | null {
  if (!online || status === 'offline') return t('status.offline');
  if (status === 'idle') return null;
  return t(`status.${status}`);
}

export function WaitingList() {
  const queue = useOfflineQueue();
  const { waiting, refused, status } = useQueueState(queue);
  const online = useOnline();
  const t = useTranslations('offline');
  const format = useFormatter();
  const describe = useDescribeItem();
  if (!queue || (waiting.length === 0 && refused.length === 0)) return null;
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' });
  const itemTime = (item: QueuedItem) => Date.parse(String(item.body.at ?? item.body.eatenAt ?? item.body.takenAt ?? '')) || item.queuedAt;
  const state = statusText(t, online, status);

  return (
    <div className="space-y-3">
      {waiting.length > 0 && (
        <section aria-labelledby="offline-waiting" className="rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid="waiting-to-sync">
          <h2 id="offline-waiting" className="text-base font-semibold text-amber-950">
            {t('waitingTitle', { count: waiting.length })}
          </h2>
          <p className="mt-1 text-sm text-amber-950">{t('waitingIntro')}</p>
          <p role="status" aria-live="polite" className="mt-1 text-sm font-medium text-amber-950 empty:hidden">
            {state}
          </p>
          <ul className="mt-2 divide-y divide-amber-200 text-sm text-slate-900">
            {waiting.map(({ recordId, item }) => (
              <li key={recordId} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <span>{describe(item)}</span>
                <span className="text-slate-700">{t('loggedAt', { time: when(itemTime(item)) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {refused.length > 0 && (
        <section aria-labelledby="offline-refused" role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4" data-testid="refused-items">
          <h2 id="offline-refused" className="text-base font-semibold text-red-900">
            {t('refusedTitle', { count: refused.length })}
          </h2>
          <p className="mt-1 text-sm text-red-900">{t('refusedIntro')}</p>
          <ul className="mt-2 divide-y divide-red-200 text-sm text-slate-900">
            {refused.map((r) => (
              <li key={r.recordId} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span>
                  {describe(r.item)} <span className="text-slate-700">{t('loggedAt', { time: when(itemTime(r.item)) })}</span>
                  <span className="block text-red-900">{t('refusedReason', { reason: r.reason })}</span>
                </span>
                <button
                  type="button"
                  onClick={() => void queue.dismiss(r.recordId)}
                  aria-label={t('dismissLabel', { what: describe(r.item) })}
                  className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-medium text-red-900 hover:bg-red-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600"
                >
                  {t('dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
