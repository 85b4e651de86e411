'use client';

import { ErrorMessage } from '@/components/ui/states';

export default function CaregiverError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">People you care for</h1>
      <ErrorMessage error={new Error('This page could not be loaded.')} retry={reset} />
    </div>
  );
}
