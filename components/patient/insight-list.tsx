'use client';

// The patient's active insights, each acknowledged ("got it") or dismissed in place.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { apiFetch } from '@/lib/query/api';
import type { InsightJson } from './api-types';
import { formatDay } from '@/app/(app)/(patient)/trends/_lib/periods';
import { insightsOptions } from './queries';

const SEVERITY: Record<InsightJson['severity'], { label: string; className: string }> = {
  HIGH: { label: 'Important', className: 'bg-red-50 text-red-800 ring-red-200' },
  MEDIUM: { label: 'Worth a look', className: 'bg-amber-50 text-amber-900 ring-amber-200' },
  LOW: { label: 'For your information', className: 'bg-slate-100 text-slate-700 ring-slate-200' },
  INFO: { label: 'For your information', className: 'bg-slate-100 text-slate-700 ring-slate-200' },
};

export function InsightList() {
  const insights = useQuery(insightsOptions);
  const qc = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const answer = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'acknowledge' | 'dismiss' }) =>
      apiFetch(`/api/v1/insights/${id}/${action}`, { method: 'POST' }),
    onSuccess: (_data, { id, action }) => {
      // Not refetched: every fetch of the list records a view.
      qc.setQueryData(insightsOptions.queryKey, (old) => old && { insights: old.insights.filter((i) => i.id !== id) });
      setAnnouncement(action === 'acknowledge' ? 'Insight acknowledged.' : 'Insight dismissed.');
      heading.current?.focus();
    },
  });

  return (
    <Card title={<span ref={heading} tabIndex={-1} className="focus:outline-none">Insights</span>}>
      <p className="sr-only" role="status">{announcement}</p>
      {insights.isPending ? (
        <Loading label="Loading insights…" />
      ) : insights.isError ? (
        <ErrorMessage error={insights.error} retry={() => insights.refetch()} />
      ) : insights.data.insights.length === 0 ? (
        <Empty>Nothing needs your attention. Insights appear here when your data shows a trend worth knowing about.</Empty>
      ) : (
        <ul className="space-y-3">
          {insights.data.insights.map((insight) => {
            const severity = SEVERITY[insight.severity];
            return (
              <li key={insight.id} className="rounded-lg border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${severity.className}`}>{severity.label}</span>
                  <h3 className="font-medium text-slate-900">{insight.title}</h3>
                </div>
                <p className="mt-1 text-sm text-slate-700">{insight.body}</p>
                <p className="mt-1 text-xs text-slate-600">
                  Based on {formatDay(insight.windowStart.slice(0, 10), 'short')} – {formatDay(insight.windowEnd.slice(0, 10), 'short')}
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button onClick={() => answer.mutate({ id: insight.id, action: 'acknowledge' })} disabled={answer.isPending}>
                    Got it<span className="sr-only"> — {insight.title}</span>
                  </Button>
                  <Button variant="secondary" onClick={() => answer.mutate({ id: insight.id, action: 'dismiss' })} disabled={answer.isPending}>
                    Dismiss<span className="sr-only"> — {insight.title}</span>
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
