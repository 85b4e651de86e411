'use client';

// The error state of a patient page (a route segment's error boundary): what failed and a retry.
import { Button } from '@/components/ui/button';

export function PageError({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
      <h1 className="text-lg font-semibold">{title} could not be loaded</h1>
      <p className="mt-1 text-sm">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ''}. Your data is safe; please try again.
      </p>
      <Button className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
