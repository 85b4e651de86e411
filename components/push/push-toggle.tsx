'use client';

// "Notifications on this browser": turns Web Push on (permission asked only on the click, then the
// browser subscribes with the server's key and the app keeps the subscription) or off (the app forgets
// it, the browser unsubscribes), and says why it cannot when the browser has no Push API, the person
// blocked notifications for the site, or push is off on the server.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Loading } from '@/components/ui/states';
import { notificationsBlocked, pushSupported, subscribeThisBrowser, syncThisBrowser, unsubscribeThisBrowser, type Saved } from './push-client';
import { isPushOff, pushPublicKeyOptions } from './queries';
import { useTranslations } from 'use-intl';

export type BrowserState = 'checking' | 'unsupported' | 'blocked' | 'on' | 'off';

type Props = {
  /** This browser's subscription as the server keeps it (null: none), after each change. */
  onChange: (saved: Saved | null) => void;
};

// Each state's sentence: push.state.<state>.

export function PushToggle({ onChange }: Props) {
  const t = useTranslations('push');
  const key = useQuery(pushPublicKeyOptions);
  const [state, setState] = useState<BrowserState>('checking');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const publicKey = key.data?.publicKey;

  // What this browser is now (no prompt), and the server told it belongs to whoever is signed in.
  useEffect(() => {
    if (!publicKey) return;
    let cancelled = false;
    const settle = (next: BrowserState, saved: Saved | null = null) => {
      if (cancelled) return;
      setState(next);
      onChange(saved);
    };
    if (!pushSupported()) settle('unsupported');
    else if (notificationsBlocked()) settle('blocked');
    else {
      syncThisBrowser(publicKey)
        .then((saved) => settle(saved ? 'on' : 'off', saved))
        .catch((e: unknown) => {
          settle('off');
          if (!cancelled) setError(e);
        });
    }
    return () => {
      cancelled = true;
    };
  }, [publicKey, onChange]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const turnOn = () =>
    run(async () => {
      const saved = await subscribeThisBrowser(publicKey!);
      setState(saved ? 'on' : notificationsBlocked() ? 'blocked' : 'off');
      onChange(saved);
    });

  const turnOff = () =>
    run(async () => {
      await unsubscribeThisBrowser();
      setState('off');
      onChange(null);
    });

  if (key.isPending) return <Loading label={t('checking')} />;
  if (key.isError) {
    return isPushOff(key.error) ? (
      <p className="text-sm text-slate-700" data-testid="push-off">
        {t('serverOff')}
      </p>
    ) : (
      <ErrorMessage error={key.error} retry={() => key.refetch()} />
    );
  }
  if (state === 'checking') return <Loading label={t('checkingBrowser')} />;
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-slate-700" data-testid="push-state" data-state={state}>
        {t(`state.${state}`)}
      </p>
      {state === 'off' && (
        <Button onClick={() => void turnOn()} disabled={busy}>
          {t('turnOn')}
        </Button>
      )}
      {state === 'on' && (
        <Button variant="secondary" onClick={() => void turnOff()} disabled={busy}>
          {t('turnOff')}
        </Button>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
