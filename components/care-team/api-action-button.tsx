'use client';

// One call to the app's API behind a button (withdraw an invitation, end a link, accept or decline),
// then a fresh render of the page, or a move to `then`. Errors show under the button.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';

type Props = { path: string; method: 'POST' | 'DELETE'; label: string; variant?: 'primary' | 'secondary' | 'danger'; confirm?: string; then?: string; ariaLabel?: string };

export function ApiActionButton({ path, method, label, variant = 'secondary', confirm, then, ariaLabel }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    if (confirm && !window.confirm(confirm)) return;
    setPending(true);
    setError(null);
    try {
      await apiFetch(path, { method });
      if (then) router.push(then);
      else router.refresh();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }
  return (
    <span className="inline-flex flex-col gap-1">
      <Button variant={variant} disabled={pending} onClick={() => void run()} aria-label={ariaLabel}>
        {label}
      </Button>
      {error !== null && <MutationError error={error} />}
    </span>
  );
}
