'use client';

// Loading, empty and error states, the same everywhere. A client component so the default texts come
// from the reader's messages (`ui`) whether a server or a client component shows them.
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';

export function Loading({ label }: { label?: string }) {
  const t = useTranslations('ui');
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-slate-600">
      <span className="h-3 w-3 animate-spin rounded-full border-2 border-slate-300 border-t-teal-700" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-600">{children}</p>;
}

export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const t = useTranslations('ui');
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {error instanceof Error ? error.message : t('wentWrong')}
      {retry && (
        <button type="button" onClick={retry} className="ml-2 font-medium underline">
          {t('tryAgain')}
        </button>
      )}
    </div>
  );
}
