// The patient's active insights (read-only for carers: reading them here records no view).
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import type { OverviewInsight } from '@/lib/data/patient-overview';

const SEVERITY: Record<OverviewInsight['severity'], { label: string; className: string }> = {
  HIGH: { label: 'High', className: 'bg-red-100 text-red-900' },
  MEDIUM: { label: 'Medium', className: 'bg-amber-100 text-amber-900' },
  LOW: { label: 'Low', className: 'bg-slate-100 text-slate-800' },
  INFO: { label: 'Info', className: 'bg-teal-50 text-teal-900' },
};

export function InsightsCard({ insights }: { insights: OverviewInsight[] }) {
  return (
    <Card title="Insights">
      {insights.length === 0 ? (
        <Empty>No active insights.</Empty>
      ) : (
        <ul className="space-y-3">
          {insights.map((i) => (
            <li key={i.id}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{i.title}</span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${SEVERITY[i.severity].className}`}>
                  <span className="sr-only">Severity: </span>{SEVERITY[i.severity].label}
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
