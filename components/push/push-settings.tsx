'use client';

// Settings → Notifications on this browser (Web Push): the toggle for this browser, and every browser of
// the person's that receives notifications, each with Remove (a lost phone, an old laptop). For any role.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { intlLocale } from '@/lib/i18n/locales';
import { apiFetch } from '@/lib/query/api';
import { useLocale, useTranslations } from 'use-intl';
import { unsubscribeThisBrowser, type Saved } from './push-client';
import { PushToggle } from './push-toggle';
import { isPushOff, pushPublicKeyOptions, pushSubscriptionsOptions, type PushSubscriptionJson } from './queries';

/** A date as the reader's language writes it (in the browser's time zone: where this browser is). */
const day = (iso: string, locale: string) => new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });

function BrowserItem({ s, isThis, onRemoved }: { s: PushSubscriptionJson; isThis: boolean; onRemoved: () => void }) {
  const t = useTranslations('push');
  const locale = intlLocale(useLocale());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = s.label ?? t('aBrowser');
  async function remove() {
    setBusy(true);
    setError(null);
    try {
      // This browser: unsubscribed here too, so it does not register again on the next visit.
      if (isThis) await unsubscribeThisBrowser();
      else await apiFetch(`/api/v1/users/me/push-subscriptions/${s.id}`, { method: 'DELETE' });
      onRemoved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        <span className="font-medium text-slate-900">{name}</span>
        {isThis && <span className="ml-1 text-slate-600">{t('thisBrowser')}</span>}
        <span className="block text-slate-600">
          {t('added', { date: day(s.createdAt, locale) })} · {s.lastSuccessAt ? t('lastNotified', { date: day(s.lastSuccessAt, locale) }) : t('notNotified')}
        </span>
      </span>
      <span className="flex flex-col items-end gap-1">
        <Button variant="danger" onClick={() => void remove()} disabled={busy} aria-label={isThis ? t('removeThis', { name }) : t('removeNamed', { name })}>
          {t('remove')}
        </Button>
        {error !== null && <ErrorMessage error={error} />}
      </span>
    </li>
  );
}

export function PushSettings() {
  const t = useTranslations('push');
  const qc = useQueryClient();
  const key = useQuery(pushPublicKeyOptions);
  const list = useQuery(pushSubscriptionsOptions);
  const [thisBrowser, setThisBrowser] = useState<Saved | null>(null);
  const [checks, setChecks] = useState(0); // a new check of this browser after it was removed from the list
  const refresh = useCallback(() => void qc.invalidateQueries({ queryKey: pushSubscriptionsOptions.queryKey }), [qc]);
  const onChange = useCallback(
    (saved: Saved | null) => {
      setThisBrowser(saved);
      refresh();
    },
    [refresh],
  );
  const subscriptions = list.data?.subscriptions ?? [];

  return (
    <Card title={t('title')}>
      <div className="space-y-4 text-sm">
        <PushToggle key={checks} onChange={onChange} />
        {!(key.isError && isPushOff(key.error)) && (
          <div className="space-y-1">
            <h3 className="font-medium text-slate-900">{t('browsers')}</h3>
            {list.isPending ? (
              <Loading label={t('loadingBrowsers')} />
            ) : list.isError ? (
              <ErrorMessage error={list.error} retry={() => list.refetch()} />
            ) : subscriptions.length === 0 ? (
              <Empty>{t('none')}</Empty>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label={t('browsers')}>
                {subscriptions.map((s) => (
                  <BrowserItem
                    key={s.id}
                    s={s}
                    isThis={s.id === thisBrowser?.id}
                    onRemoved={() => {
                      if (s.id === thisBrowser?.id) setChecks((n) => n + 1);
                      refresh();
                    }}
                  />
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
