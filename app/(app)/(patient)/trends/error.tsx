'use client';

import { PageError } from '@/components/patient/page-error';

export default function TrendsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Trends" error={error} reset={reset} />;
}
