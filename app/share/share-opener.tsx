'use client';

// Opens a /share#code link: reads the code from the fragment (which the browser never sent anywhere),
// takes it out of the address bar and the history entry at once, posts it once to /share/exchange and
// goes on to the viewer, whose grant cookie the answer set. Without the code, or when the exchange
// refuses it, the visitor reads why; a failure of the network can be retried (the code is kept in
// memory only).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import type { LinkOutcome } from './link-texts';
import { EXCHANGE_PATH, GRANT_PATH } from './paths';

type State = 'opening' | LinkOutcome | 'failed';

export function ShareOpener() {
  const code = useRef<string | null>(null);
  const [state, setState] = useState<State>('opening');
  const t = useTranslations('sharing');

  const open = useCallback(async () => {
    setState('opening');
    try {
      const res = await fetch(EXCHANGE_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: code.current }),
        credentials: 'same-origin',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      if (res.ok) return window.location.replace(GRANT_PATH);
      setState(res.status === 429 ? 'limited' : res.status === 404 || res.status === 422 ? 'unavailable' : 'failed');
    } catch {
      setState('failed');
    }
  }, []);

  useEffect(() => {
    if (code.current !== null) return; // once per page load (React may run an effect twice in development)
    code.current = window.location.hash.slice(1);
    window.history.replaceState(window.history.state, '', window.location.pathname);
    if (code.current === '') setState('unavailable');
    else void open();
  }, [open]);

  if (state === 'opening') {
    return (
      <div role="status">
        <h1 className="text-2xl font-semibold text-slate-900">{t('viewer.opening')}</h1>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t(`outcomes.${state}.heading`)}</h1>
      <p className="text-slate-700">{t(`outcomes.${state}.body`)}</p>
      {state === 'failed' && <Button onClick={() => void open()}>{t('tryAgain')}</Button>}
    </div>
  );
}
