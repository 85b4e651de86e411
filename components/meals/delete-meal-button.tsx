'use client';

// Deletes one meal (and its photo) after a confirmation, then refreshes the server-rendered list.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';

export function DeleteMealButton({ endpoint, label }: { endpoint: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(`Delete this meal (${label}) and its photo?`)) return;
    setPending(true);
    setProblem(null);
    try {
      await apiFetch(endpoint, { method: 'DELETE' });
      router.refresh();
    } catch {
      setProblem('Not deleted. Try again.');
    } finally {
      setPending(false);
    }
  }
  return (
    <div>
      <Button type="button" variant="danger" disabled={pending} onClick={remove} aria-label={`Delete meal: ${label}`}>
        {pending ? 'Deleting…' : 'Delete'}
      </Button>
      {problem && <p role="alert" className="mt-1 text-xs text-red-700">{problem}</p>}
    </div>
  );
}
