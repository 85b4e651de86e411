// A read-only view of one share: per shared type, a summary and a chart of its daily values (weekly
// past 92 days) within the share's dates. Server-rendered from the share's own scope, so nothing
// beyond its types and days can reach the page.
import { TrendChart } from '@/components/charts/trend-chart';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/states';
import { findAggregates } from '@/lib/data/aggregates';
import { shareScope, type ActiveShare } from '@/lib/data/shares';
import { displayUnit, formatValue, toDisplay, typeLabel, type UnitPreferences } from '@/lib/format/health';
import { getHealthType, type HealthType } from '@/lib/health';

type Point = { periodStart: string; value: number; min: number | null; max: number | null };

const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

function summary(type: HealthType, points: Point[], units: UnitPreferences, per: string): string {
  if (points.length === 0) return 'No data in this period.';
  const values = points.map((p) => p.value);
  const fmt = (v: number) => formatValue(type, v, units);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (getHealthType(type).aggregation === 'SUM') {
    return `${fmt(values.reduce((a, b) => a + b, 0))} in total; ${fmt(mean)} per ${per} on average (${values.length} ${per}s with data).`;
  }
  return `Average ${fmt(mean)}, lowest ${fmt(Math.min(...values))}, highest ${fmt(Math.max(...values))} (${values.length} ${per}s with data).`;
}

export async function SharedDataView({ share, units }: { share: ActiveShare; units: UnitPreferences }) {
  const weekly = dayCount(share.fromDay, share.toDay) > 92;
  const data = (await findAggregates(shareScope(share), { types: share.types, period: weekly ? 'WEEK' : 'DAY', fromDay: share.fromDay, toDay: share.toDay })) as Record<string, Point[]>;
  const per = weekly ? 'week' : 'day';
  return (
    <div className="space-y-4">
      {share.types.map((type) => {
        const points = data[type] ?? [];
        const label = typeLabel(type);
        return (
          <Card key={type} title={label}>
            <p className="mb-3 text-sm text-slate-700">{summary(type, points, units, per)}</p>
            {points.length === 0 ? (
              <Empty>No {label.toLowerCase()} readings between {share.fromDay} and {share.toDay}.</Empty>
            ) : (
              <TrendChart
                title={`${label} per ${per}`}
                unitLabel={displayUnit(type, units).label}
                band={getHealthType(type).aggregation === 'AVERAGE'}
                points={points.map((p) => ({
                  label: p.periodStart.slice(0, 10),
                  value: toDisplay(type, p.value, units),
                  min: p.min == null ? null : toDisplay(type, p.min, units),
                  max: p.max == null ? null : toDisplay(type, p.max, units),
                }))}
              />
            )}
          </Card>
        );
      })}
    </div>
  );
}

/** "Steps, Heart rate · 1 Oct 2026 – 10 Oct 2026 · until 22 Nov 2026, 14:00" */
export function ShareScopeText({ share }: { share: Pick<ActiveShare, 'types' | 'fromDay' | 'toDay' | 'expiresAt'> }) {
  return (
    <p className="text-sm text-slate-700">
      {share.types.map(typeLabel).join(', ')} from <time dateTime={share.fromDay}>{share.fromDay}</time> to{' '}
      <time dateTime={share.toDay}>{share.toDay}</time>. Access ends <time dateTime={share.expiresAt}>{share.expiresAt.slice(0, 16).replace('T', ' ')} UTC</time>.
    </p>
  );
}
