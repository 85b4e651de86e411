'use client';

import { useTranslations } from 'use-intl';
import { PageError } from '@/components/patient/page-error';

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('dashboard');
  return <PageError title={t('pageTitle')} error={error} reset={reset} />;
}
