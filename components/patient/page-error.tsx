'use client';

// The error state of a patient page (a route segment's error boundary): what failed and a retry.
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';

export function PageError({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('patientPages');
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
      <h1 className="text-lg font-semibold">{t('couldNotLoad', { title })}</h1>
      <p className="mt-1 text-sm">{error.digest ? t('wentWrongRef', { digest: error.digest }) : t('wentWrong')}</p>
      <Button className="mt-3" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </div>
  );
}
