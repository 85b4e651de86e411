'use client';

import { useTranslations } from 'use-intl';
import { PageError } from '@/components/patient/page-error';

export default function TrendsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('trends');
  return <PageError title={t('title')} error={error} reset={reset} />;
}
