'use client';

import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('admin.common');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('administration')}</h1>
      <ErrorMessage error={new Error(t('pageFailed'))} retry={reset} />
      {error.digest && <p className="text-xs text-slate-600">{t('reference', { digest: error.digest })}</p>}
    </div>
  );
}
