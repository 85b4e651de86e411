'use client';

// The patient's active insights, each acknowledged ("got it") or dismissed in place.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch } from '@/lib/query/api';
import type { InsightJson } from './api-types';
import { formatDay } from '@/components/patient/trends/periods';
import { insightsOptions } from './queries';

// The insight's title and body are written in English by lib/format/insight-text (issue 21, a later slice).
const SEVERITY: Record<InsightJson['severity'], string> = {
  HIGH: 'bg-red-50 text-red-800 ring-red-200',
  MEDIUM: 'bg-amber-50 text-amber-900 ring-amber-200',
  LOW: 'bg-slate-100 text-slate-700 ring-slate-200',
  INFO: 'bg-slate-100 text-slate-700 ring-slate-200',
};

export function InsightList() {
  const insights = useQuery(insightsOptions);
  const qc = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const t = useTranslations('dashboard.insights');
  const locale = useLocale();
  const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  const answer = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'acknowledge' | 'dismiss' }) =>
      apiFetch(`/api/v1/insights/${id}/${action}`, { method: 'POST' }),
    onSuccess: (_data, { id, action }) => {
      // Not refetched: every fetch of the list records a view.
      qc.setQueryData(insightsOptions.queryKey, (old) => old && { insights: old.insights.filter((i) => i.id !== id) });
      setAnnouncement(action === 'acknowledge' ? t('acknowledged') : t('dismissed'));
      heading.current?.focus();
    },
  });

  return (
    <Card title={<span ref={heading} tabIndex={-1} className="focus:outline-none">{t('title')}</span>}>
      <p className="sr-only" role="status">{announcement}</p>
      {insights.isPending ? (
        <Loading label={t('loading')} />
      ) : insights.isError ? (
        <ErrorMessage error={insights.error} retry={() => insights.refetch()} />
      ) : insights.data.insights.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="space-y-3">
          {insights.data.insights.map((insight) => {

            return (
              <li key={insight.id} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${SEVERITY[insight.severity]}`}>{t(insight.severity)}</span>
                  <h3 className="font-medium text-slate-900">{insight.title}</h3>
                </div>
                <p className="mt-1 text-sm text-slate-700">{insight.body}</p>
                <p className="mt-1 text-xs text-slate-600">
                  {t('basedOn', { from: formatDay(insight.windowStart.slice(0, 10), 'short', locale), to: formatDay(insight.windowEnd.slice(0, 10), 'short', locale) })}
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button onClick={() => answer.mutate({ id: insight.id, action: 'acknowledge' })} disabled={answer.isPending}>
                    {t.rich('gotIt', { title: insight.title, hidden })}
                  </Button>
                  <Button variant="secondary" onClick={() => answer.mutate({ id: insight.id, action: 'dismiss' })} disabled={answer.isPending}>
                    {t.rich('dismiss', { title: insight.title, hidden })}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {answer.isError && <div className="mt-3"><ErrorMessage error={answer.error} /></div>}
    </Card>
  );
}
