'use client';

// Error state of "Shared with you" and of one received share: what failed and a retry.
import Link from 'next/link';
import { ErrorMessage } from '@/components/ui/states';

export default function SharedWithMeError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Shared with you</h1>
      <ErrorMessage error={new Error('The shared data could not be loaded.')} retry={reset} />
      <Link href="/shared-with-me" className="text-sm text-teal-800 underline">Back to shares</Link>
    </div>
  );
}
