'use client';

// Settings → Notifications on this browser (Web Push): the toggle for this browser, and every browser of
// the person's that receives notifications, each with Remove (a lost phone, an old laptop). For any role.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch } from '@/lib/query/api';
import { unsubscribeThisBrowser, type Saved } from './push-client';
import { PushToggle } from './push-toggle';
import { isPushOff, pushPublicKeyOptions, pushSubscriptionsOptions, type PushSubscriptionJson } from './queries';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function BrowserItem({ s, isThis, onRemoved }: { s: PushSubscriptionJson; isThis: boolean; onRemoved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = s.label ?? 'A browser';
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
        {isThis && <span className="ml-1 text-slate-600">(this browser)</span>}
        <span className="block text-slate-600">
          Added {day(s.createdAt)} · {s.lastSuccessAt ? `last notified ${day(s.lastSuccessAt)}` : 'not notified yet'}
        </span>
      </span>
      <span className="flex flex-col items-end gap-1">
        <Button variant="danger" onClick={() => void remove()} disabled={busy} aria-label={`Remove ${name}${isThis ? ' (this browser)' : ''}`}>
          Remove
        </Button>
        {error !== null && <ErrorMessage error={error} />}
      </span>
    </li>
  );
}

export function PushSettings() {
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
    <Card title="Notifications on this browser">
      <div className="space-y-4 text-sm">
        <PushToggle key={checks} onChange={onChange} />
        {!(key.isError && isPushOff(key.error)) && (
          <div className="space-y-1">
            <h3 className="font-medium text-slate-900">Your browsers that receive notifications</h3>
            {list.isPending ? (
              <Loading label="Loading your browsers…" />
            ) : list.isError ? (
              <ErrorMessage error={list.error} retry={() => list.refetch()} />
            ) : subscriptions.length === 0 ? (
              <Empty>None yet.</Empty>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Your browsers that receive notifications">
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
