'use client';

// Shown once, right after a link share is made: the link with its access code (after `#`, so it never
// reaches a server's logs). Only a fingerprint of the code is stored, so it cannot be shown again.
import { useEffect, useRef } from 'react';
import { useTranslations } from 'use-intl';
import { CopyButton } from '@/components/patient/copy-button';
import { Button } from '@/components/ui/button';

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500';

export function ShareLinkPanel({ path, onDone }: { path: string; onDone: () => void }) {
  const t = useTranslations('sharing.link');
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const link = new URL(path, globalThis.location.origin).toString();
  return (
    <section aria-labelledby="share-link-heading" className="rounded-xl border-2 border-amber-300 bg-amber-50 p-4" data-testid="share-link-panel">
      <h3 id="share-link-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
        {t('heading')}
      </h3>
      <p className="mt-1 text-sm text-slate-800">
        {t('body')}
      </p>
      <label htmlFor="share-link" className="mt-3 block text-sm font-medium text-slate-900">{t('label')}</label>
      <input id="share-link" ref={input} readOnly value={link} className={field} onFocus={(e) => e.currentTarget.select()} />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <CopyButton value={link} label={t('copy')} fallbackTarget={() => input.current} />
        <Button onClick={onDone}>{t('done')}</Button>
      </div>
    </section>
  );
}
