'use client';

import Link from 'next/link';
import { ErrorMessage } from '@/components/ui/states';

export default function CaredForError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Person you care for</h1>
      <ErrorMessage error={new Error('This page could not be loaded.')} retry={reset} />
      <Link href="/caregiver" className="text-sm text-teal-800 underline">Back to the people you care for</Link>
    </div>
  );
}
