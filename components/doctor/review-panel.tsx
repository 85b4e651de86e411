'use client';

// "Mark as reviewed": records the review on this doctor's link and shows when it last happened.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/states';
import type { PatientOverview } from '@/lib/data/patient-overview';
import { apiFetch } from '@/lib/query/api';
import { formatWhen, todayIn } from './format';
import { overviewOptions } from './queries';

export function ReviewPanel({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const qc = useQueryClient();
  const t = useTranslations('doctor.review');
  const locale = useLocale();
  const lastReviewedAt = useQuery(overviewOptions(patientId)).data?.access.lastReviewedAt ?? null;
  const review = useMutation({
    mutationFn: () => apiFetch<{ lastReviewedAt: string }>(`/api/v1/patients/${patientId}/review`, { method: 'POST' }),
    onSuccess: ({ lastReviewedAt: at }) => {
      qc.setQueryData<PatientOverview>(overviewOptions(patientId).queryKey, (old) => old && { ...old, access: { ...old.access, lastReviewedAt: at } });
      void qc.invalidateQueries({ queryKey: ['doctor', 'triage'] });
    },
  });
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
      <p className="text-sm text-slate-800" role="status" aria-live="polite">
        {t.rich('lastReviewed', {
          when: formatWhen(lastReviewedAt, timeZone, todayIn(timeZone), undefined, locale),
          b: (chunks) => <span className="font-medium" data-testid="last-reviewed">{chunks}</span>,
        })}
      </p>
      <Button onClick={() => review.mutate()} disabled={review.isPending}>
        {review.isPending ? t('saving') : t('mark')}
      </Button>
      {review.isError && <ErrorMessage error={review.error} />}
    </div>
  );
}
