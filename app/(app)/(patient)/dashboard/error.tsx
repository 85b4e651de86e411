'use client';

import { PageError } from '@/components/patient/page-error';

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Today" error={error} reset={reset} />;
}
