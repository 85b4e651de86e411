'use client';

// This page failed to render (the database may be unreachable): say so, and offer to try again.
import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('notificationCenter');
  return <ErrorMessage error={new Error(t('pageFailed'))} retry={retry} />;
}
