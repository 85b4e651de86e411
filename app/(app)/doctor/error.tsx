'use client';

import { ErrorMessage } from '@/components/ui/states';

export default function DoctorError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Your patients</h1>
      <ErrorMessage error={new Error('The patient list could not be loaded.')} retry={reset} />
      {error.digest && <p className="text-xs text-slate-600">Reference: {error.digest}</p>}
    </div>
  );
}
