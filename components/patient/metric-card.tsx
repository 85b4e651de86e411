// One "today at a glance" card: the value, the change and what it is compared with, a two-week
// sparkline, and the sources that contributed.
'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { Sparkline } from '@/components/charts/sparkline';
import { Card } from '@/components/ui/card';
import type { CardModel } from '@/components/patient/dashboard/cards';
import { linkClass } from './styles';

const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

export function MetricCard({ card }: { card: CardModel }) {
  const t = useTranslations('dashboard');
  return (
    <Card
      title={card.title}
      action={
        <Link href={`/trends/${card.trendType}`} className={`text-sm ${linkClass}`}>
          {t.rich('trend', { title: card.title.toLowerCase(), hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </Link>
      }
      className="flex flex-col"
    >
      <div data-testid={`metric-${card.id}`} className="flex flex-1 flex-col">
        {card.value ? (
          <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="metric-value">
            {card.value}
          </p>
        ) : (
          <p className="text-base font-medium text-slate-700">{card.empty}</p>
        )}
        {card.context && <p className="mt-0.5 text-sm text-slate-600">{card.context}</p>}
        {card.change && (
          <p className="mt-2 text-sm font-medium text-slate-800">
            <span aria-hidden="true" className="mr-1">{ARROWS[card.change.direction]}</span>
            {card.change.text}
          </p>
        )}
        {card.basis && <p className="mt-1 text-xs text-slate-600">{card.basis}</p>}
        {card.spark.length >= 2 && (
          <div className="mt-3">
            <Sparkline values={card.spark} decimals={card.sparkDecimals} label={card.sparkLabel} />
          </div>
        )}
        <div className="mt-auto pt-3 text-xs text-slate-600">
          {card.sources ? (
            <p>
              {t.rich('sources', { of: card.sources.of, text: card.sources.text, b: (chunks) => <span className="font-semibold text-slate-700">{chunks}</span> })}
            </p>
          ) : (
            !card.hasData && (
              <Link href="/devices" className={linkClass}>
                {t('connect')}
              </Link>
            )
          )}
        </div>
      </div>
    </Card>
  );
}
