// One triage group: its heading with the count, then a row per patient (name linking to the detail,
// the reason worded from its codes in the reader's language and glucose unit, a CGM wearer's time in
// range, CV and wear (a figure that raised a flag in bold), a 14-day sparkline, last sync and last
// review). Stacks on phone widths.
'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { Sparkline } from '@/components/charts/sparkline';
import type { TriageCgm, TriageGroup, TriageRow } from '@/lib/data/triage';
import { numberLocale, type UnitPreferences } from '@/lib/format/health';
import { triageReasonText, triageSparkLabel } from '@/lib/format/triage-reason';
import type { Locale } from '@/lib/i18n/locales';
import { formatWhen } from './format';

const ACCENTS: Record<TriageGroup, string> = {
  emergency: 'border-l-red-600',
  'glucose-very-low': 'border-l-red-500',
  'glucose-low': 'border-l-orange-500',
  'bp-crisis': 'border-l-red-500',
  'glucose-very-high': 'border-l-orange-500',
  'glucose-high': 'border-l-amber-500',
  'glucose-variability': 'border-l-amber-500',
  'cgm-wear': 'border-l-slate-500',
  'missed-doses': 'border-l-amber-500',
  'rhr-rising': 'border-l-amber-500',
  'sleep-deficit': 'border-l-indigo-500',
  'activity-drop': 'border-l-amber-400',
  'no-data': 'border-l-slate-400',
  'on-target': 'border-l-teal-600',
};

/** A percentage to 0.1 in the reader's digits: "64.1 %". */
const pct = (v: number, locale: Locale) => `${v.toLocaleString(numberLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

function CgmFigures({ cgm }: { cgm: TriageCgm }) {
  const t = useTranslations('doctor.triage');
  const locale = useLocale();
  const flagged = (...flags: TriageCgm['flags']) => (flags.some((f) => cgm.flags.includes(f)) ? 'font-semibold text-slate-900' : '');
  return (
    <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-700" data-testid="triage-cgm">
      <span className={flagged('target', 'below', 'veryLow', 'low', 'above', 'veryHigh', 'high')}>{t('timeInRange', { value: pct(cgm.timeInRange, locale) })}</span>
      <span className={flagged('cv')}>{t('cv', { value: pct(cgm.cv, locale) })}</span>
      <span className={flagged('wear')}>{t('cgmWorn', { value: pct(cgm.activePercent, locale) })}</span>
    </p>
  );
}

export function TriageGroupSection({ group, rows, units, timeZone, today }: {
  group: { id: TriageGroup; label: string; count: number };
  rows: TriageRow[];
  units: UnitPreferences;
  timeZone: string;
  today: string;
}) {
  const t = useTranslations('doctor.triage');
  const locale = useLocale();
  const headingId = `triage-${group.id}`;
  return (
    <section aria-labelledby={headingId} data-testid={`triage-group-${group.id}`}>
      <h2 id={headingId} className="mb-2 text-lg font-semibold text-slate-900">
        {group.label} <span className="text-base font-normal text-slate-600">{t('count', { count: group.count })}</span>
      </h2>
      <ul className="space-y-2">
        {rows.map((row) => (
          <li
            key={row.patientId}
            className={`grid items-center gap-3 rounded-lg border border-l-4 border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[minmax(0,1fr)_7rem_12rem] ${ACCENTS[group.id]}`}
          >
            <div className="min-w-0">
              <Link
                href={`/doctor/patients/${row.patientId}`}
                className="font-semibold text-teal-800 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
              >
                {row.name}
              </Link>
              <p className="mt-0.5 text-sm text-slate-700">{triageReasonText(row.reasonData, units, locale)}</p>
              {row.cgm && <CgmFigures cgm={row.cgm} />}
            </div>
            <Sparkline values={row.sparkline.values} label={triageSparkLabel(row.sparkline.type, row.sparkline.days, locale)} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-700">
              <dt className="font-medium">{t('lastSync')}</dt>
              <dd>{formatWhen(row.lastSyncAt, timeZone, today, undefined, locale)}</dd>
              <dt className="font-medium">{t('lastReviewed')}</dt>
              <dd>{formatWhen(row.lastReviewedAt, timeZone, today, undefined, locale)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
