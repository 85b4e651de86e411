'use client';

import Link from 'next/link';
import { ErrorMessage } from '@/components/ui/states';

export default function DoctorPatientError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold text-slate-900">Patient</h1>
      <ErrorMessage error={new Error('This patient could not be loaded.')} retry={reset} />
      <Link href="/doctor" className="text-sm text-teal-800 underline">Back to your patients</Link>
    </div>
  );
}
