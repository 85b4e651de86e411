'use client';

import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function CaregiverError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('caregiver');
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <ErrorMessage error={new Error(t('loadFailed'))} retry={reset} />
    </div>
  );
}
