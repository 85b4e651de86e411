// The clinic report page in the AGP report layout, from the report model (lib/report/model.ts) that the
// PDF is drawn from too: header, statistics with targets, time-in-ranges bar, AGP, daily profiles (or
// structured testing for meter-only periods), then medications, latest labs and open emergencies. Prints
// on one page (the print styles hide everything else on the page, the navigation included).
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { localDigits } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { agpSentence, conditionStatusLabel, diabetesTypeLabel, emergencyLabel, emergencyStatusLabel, glucoseText, metricsNote, presetLabel, reportDay, severityLabel } from '@/lib/report/format';
import type { ReportAllergy, ReportCondition, ReportLab, ReportModel } from '@/lib/report/model';
import { localDateTime } from '@/lib/time';
import { AgpChart } from './agp-chart';
import { DailyProfiles } from './daily-profiles';
import { MetricsTable } from './metrics-table';
import { PeriodPicker } from './period-picker';
import { PrintButton } from './print-button';
import { RangesBar } from './ranges-bar';
import { StructuredTable } from './structured-table';

const PRINT_CSS = `@media print {
  @page { size: A4; margin: 8mm; }
  body * { visibility: hidden; }
  .glucose-report, .glucose-report * { visibility: visible; }
  .glucose-report { position: absolute; inset: 0 auto auto 0; width: 100%; zoom: 0.62; }
  .glucose-report section { break-inside: avoid; box-shadow: none; }
}`;

/**
 * The record (issue 19), as the PDF prints it: allergies first, a dangerous one (severe, or of high
 * criticality) marked in words as well as colour; conditions not resolved. Absent for a share's reader.
 */
function RecordSlot({ allergies, conditions, locale }: { allergies?: ReportAllergy[]; conditions?: ReportCondition[]; locale: Locale }) {
  const t = translator(locale, 'report');
  const none = <span className="text-slate-600">{t('noneRecorded')}</span>;
  const allergiesLabel = `${t('allergies')} `;
  const conditionsLabel = `${t('conditions')} `;
  return (
    <Card title={t('record')}>
      <dl className="space-y-1 text-sm">
        {allergies && (
          <div>
            <dt className="inline font-medium text-slate-900">{allergiesLabel}</dt>
            <dd className="inline">
              {allergies.length === 0 ? none : allergies.map((a, i) => (
                <span key={`${a.substance}-${i}`} className={a.dangerous ? 'font-semibold text-red-900' : 'text-slate-800'}>
                  {i > 0 && '; '}
                  {a.dangerous && `${t('dangerous')} `}
                  {a.substance}
                  {(a.severity || a.reaction) && ` (${[a.severity && severityLabel(a.severity, locale), a.reaction].filter(Boolean).join(', ')})`}
                </span>
              ))}
            </dd>
          </div>
        )}
        {conditions && (
          <div>
            <dt className="inline font-medium text-slate-900">{conditionsLabel}</dt>
            <dd className="inline text-slate-800">
              {conditions.length === 0 ? none : conditions.map((c) => `${c.label}${c.code ? ` (${c.code})` : ''}${c.status !== 'active' ? `, ${conditionStatusLabel(c.status, locale)}` : ''}`).join('; ')}
            </dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

/** The latest labs (the latest HbA1c with the GMI beside it); nothing at all when absent (a share's reader). */
export function LabsSlot({ labs, locale }: { labs?: ReportLab[]; locale: Locale }) {
  if (!labs) return null;
  const t = translator(locale, 'report');
  return (
    <Card title={t('labs')}>
      {labs.length === 0 ? <p className="text-sm text-slate-600">{t('noneRecorded')}</p> : (
        <ul className="space-y-1 text-sm">
          {labs.map((l) => {
            const flag = l.flag ? ` (${l.flag})` : null;
            return (
            <li key={`${l.label}-${l.takenOn}`}>
              <span className="text-slate-800">{l.label}</span>: <span className="font-semibold">{l.value}</span>
              {flag && <span className="text-red-800">{flag}</span>} <span className="text-slate-600">{reportDay(l.takenOn, locale)}</span>
              {l.note && <span className="block text-xs text-slate-600">{l.note}</span>}
            </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

export function GlucoseReportView({ model, basePath, pdfHref, today, problem, breadcrumb }: {
  model: ReportModel;
  basePath: string;
  pdfHref: string;
  today: string;
  problem?: string | null;
  breadcrumb?: ReactNode;
}) {
  const m = model;
  const locale = m.locale;
  const t = translator(locale, 'report');
  const day = (d: string) => reportDay(d, locale);
  const printed = localDateTime(Date.parse(m.printedAt), m.patient.timeZone).slice(0, 10);
  const note = metricsNote(m.metrics, locale);
  const agpText = m.agp ? agpSentence(m, locale) : '';
  const profile = m.profile && (m.profile.diabetesType || m.profile.targetHba1c)
    ? [
      [m.profile.diabetesType && t('diabetes', { type: diabetesTypeLabel(m.profile.diabetesType, locale) }), m.profile.diagnosisYear && t('diagnosed', { year: localDigits(String(m.profile.diagnosisYear), locale) })].filter(Boolean).join(', '),
      m.profile.targetHba1c ? t('targetHba1c', { value: localDigits(String(m.profile.targetHba1c), locale) }) : '',
    ].filter(Boolean).join(' · ')
    : null;
  return (
    <div className="glucose-report space-y-4">
      <style>{PRINT_CSS}</style>
      {breadcrumb}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold text-slate-900">
            {t(m.source === 'cgm' ? 'headingCgm' : 'headingMeter', { name: m.patient.name })}
          </h1>
          <p className="text-sm text-slate-700">
            {t('subtitle', { from: day(m.period.from), to: day(m.period.to), days: m.period.days, printed: day(printed), source: t(m.source === 'cgm' ? 'sourceCgm' : 'sourceMeter'), zone: m.patient.timeZone.replace(/_/g, ' ') })}
          </p>
          {profile && <p className="text-sm text-slate-700">{profile}</p>}
          <p className="text-sm text-slate-700">{t('targets', { preset: presetLabel(m.targets.preset, locale) })}</p>
          {m.shareNote && <p className="text-sm text-amber-900">{m.shareNote}</p>}
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a href={pdfHref} download className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2">
            {t('downloadPdf')}
          </a>
          <PrintButton label={t('print')} />
        </div>
      </header>
      <PeriodPicker basePath={basePath} today={today} from={m.period.from} to={m.period.to} locale={locale} />
      {problem && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 print:hidden">{problem}</p>}
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        <Card title={t('statistics')}>
          <MetricsTable metrics={m.metrics} periodDays={m.period.days} unit={m.unit} locale={locale} />
        </Card>
        {m.ranges ? (
          <Card title={t('timeInRanges')}>
            <RangesBar ranges={m.ranges} targets={m.targets} unit={m.unit} locale={locale} />
          </Card>
        ) : (
          <Card title={t('structured')}>
            <StructuredTable metrics={m.metrics} unit={m.unit} locale={locale} />
          </Card>
        )}
      </div>
      {m.ranges && note && <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">{note}</p>}
      {m.agp && (
        <Card title={t('agp')}>
          <p className="mb-2 text-sm text-slate-700">{agpText}</p>
          <AgpChart slots={m.agp} low={m.targets.low} high={m.targets.high} unit={m.unit} summary={agpText} label={t('agpAria', { summary: agpText })} />
          <p className="mt-1 text-xs text-slate-600">{t('agpLegend')}</p>
        </Card>
      )}
      <Card title={t(m.source === 'cgm' ? 'dailyCgm' : 'dailyMeter')}>
        <DailyProfiles days={m.daily} low={m.targets.low} high={m.targets.high} unit={m.unit} locale={locale} />
      </Card>
      {(m.allergies || m.conditions) && <RecordSlot allergies={m.allergies} conditions={m.conditions} locale={locale} />}
      <div className="grid gap-4 lg:grid-cols-3 print:grid-cols-3">
        {m.medications && (
          <Card title={t('medications')}>
            {m.medications.length === 0 ? <p className="text-sm text-slate-600">{t('noneRecorded')}</p> : (
              <ul className="space-y-1 text-sm">
                {m.medications.map((x) => {
                  const times = ` · ${x.times.map((time) => localDigits(time, locale)).join(', ')}`;
                  const ended = x.endedOn ? ` · ${t('ended', { day: day(x.endedOn) })}` : null;
                  return (
                  <li key={`${x.name}-${x.startedOn}`}>
                    <span className="font-medium text-slate-900">{x.name}</span>{x.dosage && ` ${x.dosage}`}
                    {x.times.length > 0 && <span className="text-slate-600">{times}</span>}
                    {ended && <span className="text-slate-600">{ended}</span>}
                  </li>
                  );
                })}
              </ul>
            )}
          </Card>
        )}
        <LabsSlot labs={m.labs} locale={locale} />
        {m.emergencies && (
          <Card title={t('emergencies')}>
            {m.emergencies.length === 0 ? <p className="text-sm text-slate-600">{t('noneOpen')}</p> : (
              <ul className="space-y-1 text-sm">
                {m.emergencies.map((e) => {
                  const at = localDigits(localDateTime(Date.parse(e.detectedAt), m.patient.timeZone).slice(0, 16).replace('T', ' '), locale);
                  const text = `${emergencyLabel(e.kind, locale)} (${emergencyStatusLabel(e.status, locale)}), ${at}${e.details.mgdl !== undefined ? `: ${glucoseText(e.details.mgdl, m.unit, locale)}` : ''}`;
                  return <li key={e.detectedAt + e.kind} className="text-red-900">{text}</li>;
                })}
              </ul>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
