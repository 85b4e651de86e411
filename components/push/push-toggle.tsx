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

export type BrowserState = 'checking' | 'unsupported' | 'blocked' | 'on' | 'off';

type Props = {
  /** This browser's subscription as the server keeps it (null: none), after each change. */
  onChange: (saved: Saved | null) => void;
};

const STATE_TEXT: Record<Exclude<BrowserState, 'checking'>, string> = {
  unsupported: 'This browser cannot show notifications from Pulse. On an iPhone or iPad, add Pulse to the Home Screen and open it from there.',
  blocked: 'Notifications are blocked for this site in your browser’s settings. Allow them there, then turn them on here.',
  on: 'On: alerts reach this browser even when Pulse is closed.',
  off: 'Off: this browser shows alerts only while Pulse is open.',
};

export function PushToggle({ onChange }: Props) {
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

  if (key.isPending) return <Loading label="Checking notifications…" />;
  if (key.isError) {
    return isPushOff(key.error) ? (
      <p className="text-sm text-slate-700" data-testid="push-off">
        Notifications outside the app are not available on this server: its administrator has not set up Web Push. Alerts still appear in Pulse
        and by e-mail.
      </p>
    ) : (
      <ErrorMessage error={key.error} retry={() => key.refetch()} />
    );
  }
  if (state === 'checking') return <Loading label="Checking this browser…" />;
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-slate-700" data-testid="push-state" data-state={state}>
        {STATE_TEXT[state]}
      </p>
      {state === 'off' && (
        <Button onClick={() => void turnOn()} disabled={busy}>
          Turn on notifications on this browser
        </Button>
      )}
      {state === 'on' && (
        <Button variant="secondary" onClick={() => void turnOff()} disabled={busy}>
          Turn off notifications on this browser
        </Button>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </div>
  );
}
