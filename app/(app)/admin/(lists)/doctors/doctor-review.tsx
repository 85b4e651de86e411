'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { postJson, problemText } from '@/components/account/account-form';
import { Button } from '@/components/ui/button';

export function DoctorReview({ userId }: { userId: string }) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const t = useTranslations('admin.doctors');

  async function decide(action: 'approve' | 'reject') {
    setPending(true);
    setProblem(null);
    const result = await postJson(`/api/v1/admin/doctors/${userId}/${action}`, action === 'reject' ? { reason } : undefined);
    setPending(false);
    if (result.status === 200) router.refresh();
    else setProblem(result.fields.reason ? t('reasonProblem', { reason: result.fields.reason }) : problemText(result));
  }

  return (
    <div className="mt-3 space-y-2">
      {rejecting && (
        <label className="block text-sm font-medium">
          {t('reason')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} rows={2} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
      )}
      <div className="flex gap-2">
        {!rejecting && (
          <Button onClick={() => decide('approve')} disabled={pending}>
            {t('approve')}
          </Button>
        )}
        <Button variant="danger" onClick={() => (rejecting ? decide('reject') : setRejecting(true))} disabled={pending || (rejecting && !reason.trim())}>
          {rejecting ? t('rejectWithReason') : t('reject')}
        </Button>
        {rejecting && (
          <Button variant="secondary" onClick={() => setRejecting(false)} disabled={pending}>
            {t('cancel')}
          </Button>
        )}
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
