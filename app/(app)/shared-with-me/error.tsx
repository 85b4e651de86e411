'use client';

// Error state of "Shared with you" and of one received share: what failed and a retry.
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { ErrorMessage } from '@/components/ui/states';

export default function SharedWithMeError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('sharing.received');
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <ErrorMessage error={new Error(t('loadFailed'))} retry={reset} />
      <Link href="/shared-with-me" className="text-sm text-teal-800 underline">{t('backToShares')}</Link>
    </div>
  );
}
