'use client';

// The patient's active insights (read-only for carers: reading them here records no view). Their title
// and body are written in English by the pipeline (issue 21, a later slice); the card's own words are translated.
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { OverviewInsight } from '@/lib/data/patient-overview';

const SEVERITY: Record<OverviewInsight['severity'], string> = {
  HIGH: 'bg-red-100 text-red-900',
  MEDIUM: 'bg-amber-100 text-amber-900',
  LOW: 'bg-slate-100 text-slate-800',
  INFO: 'bg-teal-50 text-teal-900',
};

export function InsightsCard({ insights }: { insights: OverviewInsight[] }) {
  const t = useTranslations('doctor.insights');
  return (
    <Card title={t('title')}>
      {insights.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <ul className="space-y-3">
          {insights.map((i) => (
            <li key={i.id}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{i.title}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${SEVERITY[i.severity]}`}>
                  {t.rich('severity', { level: t(`levels.${i.severity}`), sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                </span>
              </p>
              <p className="text-sm text-slate-700">{i.body}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
