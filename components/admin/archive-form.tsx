'use client';
// Archive or restore one user's month on demand. Archiving removes the month's raw samples from
// PostgreSQL (after writing them to the archive store), so it asks first.
import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog, type Confirmation } from './dialog';
import { JobProgressText } from './job-progress';
import type { useJobRuns } from './use-job-runs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INPUT = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500 aria-[invalid=true]:border-red-600';

export function ArchiveForm({ jobs }: { jobs: ReturnType<typeof useJobRuns> }) {
  const id = useId();
  const [userId, setUserId] = useState('');
  const [month, setMonth] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const t = useTranslations('admin.archive');

  function submit(event: FormEvent<HTMLFormElement>, action: 'archive' | 'restore') {
    event.preventDefault();
    if (userId && !UUID.test(userId.trim())) return setError(t('badUserId'));
    if (action === 'restore' && (!userId || !month)) return setError(t('restoreNeeds'));
    setError(null);
    const request = { job: action, userId: userId.trim() || undefined, month: month || undefined };
    if (action === 'restore') return jobs.start('restore-form', 'restore', request);
    setConfirmation({
      title: t('confirmTitle'),
      body: t('confirmBody', { month: month || t('everyColdMonth'), who: userId ? 'one' : 'all' }),
      confirmLabel: t('archive'),
      onConfirm: () => jobs.start('archive-form', 'archive', request),
    });
  }

  return (
    <Card title={t('title')}>
      <form className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" onSubmit={(e) => submit(e, ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'restore' ? 'restore' : 'archive')}>
        <div>
          <label htmlFor={`${id}-user`} className="block text-sm font-medium">{t('userId')} <span className="font-normal text-slate-600">{t('userIdHint')}</span></label>
          <input id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} className={INPUT} aria-invalid={error !== null || undefined} aria-describedby={error ? `${id}-error` : undefined} />
        </div>
        <div>
          <label htmlFor={`${id}-month`} className="block text-sm font-medium">{t('month')}</label>
          <input id={`${id}-month`} type="month" value={month} onChange={(e) => setMonth(e.target.value)} className={INPUT} />
        </div>
        <div className="flex gap-2">
          <Button type="submit" variant="danger" name="action" value="archive">{t('archive')}</Button>
          <Button type="submit" variant="secondary" name="action" value="restore">{t('restore')}</Button>
        </div>
      </form>
      {error && <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-800">{error}</p>}
      <div className="mt-2 flex flex-col gap-1">
        <JobProgressText progress={jobs.progress('archive-form')} />
        <JobProgressText progress={jobs.progress('restore-form')} />
      </div>
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Card>
  );
}
