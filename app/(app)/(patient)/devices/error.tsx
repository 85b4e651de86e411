'use client';

import { PageError } from '@/components/patient/page-error';

export default function DevicesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Data sources" error={error} reset={reset} />;
}
