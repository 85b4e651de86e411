'use client';

// Shown once, right after a device is registered: its id and token, and how to sync with them. The
// token cannot be shown again (only its hash is stored).
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { RegisteredDevice } from './api-types';
import { CopyButton } from './copy-button';
import { curlExample, sampleBody } from './device-labels';
import { useTranslations } from 'use-intl';

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500';

export function TokenPanel({ device, registeredAtMs, onDone }: { device: RegisteredDevice; registeredAtMs: number; onDone: () => void }) {
  const t = useTranslations('devices.token');
  const heading = useRef<HTMLHeadingElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const example = useRef<HTMLPreElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const curl = curlExample({ origin: globalThis.location.origin, deviceId: device.id, token: device.token, body: sampleBody(device.type, registeredAtMs) });

  return (
    <section aria-labelledby="token-heading" className="rounded-xl border-2 border-amber-300 bg-amber-50 p-4" data-testid="token-panel">
      <h2 id="token-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        {t('title', { name: device.name })}
      </h2>
      <p className="mt-1 text-sm text-slate-800">
        {t('onlyNow')}
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="new-device-id" className="block text-sm font-medium text-slate-900">{t('deviceId')}</label>
          <input id="new-device-id" readOnly value={device.id} className={field} onFocus={(e) => e.currentTarget.select()} />
          <div className="mt-2"><CopyButton value={device.id} label={t('copyDeviceId')} /></div>
        </div>
        <div>
          <label htmlFor="new-device-token" className="block text-sm font-medium text-slate-900">{t('token')}</label>
          <input id="new-device-token" ref={tokenInput} readOnly value={device.token} className={field} onFocus={(e) => e.currentTarget.select()} />
          <div className="mt-2"><CopyButton value={device.token} label={t('copyToken')} fallbackTarget={() => tokenInput.current} /></div>
        </div>
      </div>
      <h3 className="mt-5 font-semibold text-slate-900">{t('howTitle')}</h3>
      <p className="mt-1 text-sm text-slate-800">
        {t('how', { max: 5000 })}
      </p>
      <pre ref={example} tabIndex={0} aria-label={t('example')} className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500">
        <code>{curl}</code>
      </pre>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <CopyButton value={curl} label={t('copyExample')} fallbackTarget={() => example.current} />
        <Button onClick={onDone}>{t('saved')}</Button>
      </div>
    </section>
  );
}
