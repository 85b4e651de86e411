'use client';

// This page failed to render (the database may be unreachable): say so, and offer to try again.
import { ErrorMessage } from '@/components/ui/states';

export default function PageError({ retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={new Error('Your notifications could not be loaded. Please try again in a moment.')} retry={retry} />;
}
