'use client';

// Deletes one meal (and its photo) after a confirmation, then refreshes the server-rendered list.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';

export function DeleteMealButton({ endpoint, label }: { endpoint: string; label: string }) {
  const router = useRouter();
  const t = useTranslations('meals.delete');
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(t('confirm', { label }))) return;
    setPending(true);
    setProblem(null);
    try {
      await apiFetch(endpoint, { method: 'DELETE' });
      router.refresh();
    } catch {
      setProblem(t('failed'));
    } finally {
      setPending(false);
    }
  }
  return (
    <div>
      <Button type="button" variant="danger" disabled={pending} onClick={remove} aria-label={t('label', { label })}>
        {pending ? t('deleting') : t('delete')}
      </Button>
      {problem && <p role="alert" className="mt-1 text-xs text-red-700">{problem}</p>}
    </div>
  );
}
