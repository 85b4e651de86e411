'use client';

import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function DoctorError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('doctor');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('home.title')}</h1>
      <ErrorMessage error={new Error(t('home.loadFailed'))} retry={reset} />
      {error.digest && <p className="text-xs text-slate-600">{t('home.reference', { digest: error.digest })}</p>}
    </div>
  );
}
