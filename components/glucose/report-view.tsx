// The clinic report page in the AGP report layout, from the report model (lib/report/model.ts) that the
// PDF is drawn from too: header, statistics with targets, time-in-ranges bar, AGP, daily profiles (or
// structured testing for meter-only periods), then medications, latest labs and open emergencies. Prints
// on one page (the print styles hide everything else on the page, the navigation included).
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { agpSentence, DIABETES_TYPE_LABELS, EMERGENCY_LABELS, EMERGENCY_STATUS, glucoseText, PRESET_LABELS, reportDay } from '@/lib/report/format';
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
function RecordSlot({ allergies, conditions }: { allergies?: ReportAllergy[]; conditions?: ReportCondition[] }) {
  const none = <span className="text-slate-600">None recorded.</span>;
  return (
    <Card title="Allergies and conditions">
      <dl className="space-y-1 text-sm">
        {allergies && (
          <div>
            <dt className="inline font-medium text-slate-900">Allergies: </dt>
            <dd className="inline">
              {allergies.length === 0 ? none : allergies.map((a, i) => (
                <span key={`${a.substance}-${i}`} className={a.dangerous ? 'font-semibold text-red-900' : 'text-slate-800'}>
                  {i > 0 && '; '}
                  {a.dangerous && 'Dangerous: '}
                  {a.substance}
                  {(a.severity || a.reaction) && ` (${[a.severity, a.reaction].filter(Boolean).join(', ')})`}
                </span>
              ))}
            </dd>
          </div>
        )}
        {conditions && (
          <div>
            <dt className="inline font-medium text-slate-900">Conditions: </dt>
            <dd className="inline text-slate-800">
              {conditions.length === 0 ? none : conditions.map((c) => `${c.label}${c.code ? ` (${c.code})` : ''}${c.status !== 'active' ? `, ${c.status}` : ''}`).join('; ')}
            </dd>
          </div>
        )}
      </dl>
    </Card>
  );
}

/** The latest labs (the latest HbA1c with the GMI beside it); nothing at all when absent (a share's reader). */
export function LabsSlot({ labs }: { labs?: ReportLab[] }) {
  if (!labs) return null;
  return (
    <Card title="Latest labs">
      {labs.length === 0 ? <p className="text-sm text-slate-600">None recorded.</p> : (
        <ul className="space-y-1 text-sm">
          {labs.map((l) => (
            <li key={`${l.label}-${l.takenOn}`}>
              <span className="text-slate-800">{l.label}</span>: <span className="font-semibold">{l.value}</span>
              {l.flag && <span className="text-red-800"> ({l.flag})</span>} <span className="text-slate-600">{reportDay(l.takenOn)}</span>
              {l.note && <span className="block text-xs text-slate-600">{l.note}</span>}
            </li>
          ))}
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
  const printed = localDateTime(Date.parse(m.printedAt), m.patient.timeZone).slice(0, 10);
  return (
    <div className="glucose-report space-y-4">
      <style>{PRINT_CSS}</style>
      {breadcrumb}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold text-slate-900">
            {m.source === 'cgm' ? 'AGP report' : 'Glucose report (meter readings)'}: {m.patient.name}
          </h1>
          <p className="text-sm text-slate-700">
            {reportDay(m.period.from)} – {reportDay(m.period.to)} ({m.period.days} days) · printed {reportDay(printed)} ·
            source {m.source === 'cgm' ? 'CGM' : 'meter'} · days in {m.patient.timeZone.replace(/_/g, ' ')}
          </p>
          {m.profile && (m.profile.diabetesType || m.profile.targetHba1c) && (
            <p className="text-sm text-slate-700">
              {m.profile.diabetesType && `${DIABETES_TYPE_LABELS[m.profile.diabetesType]} diabetes`}
              {m.profile.diagnosisYear && `, diagnosed ${m.profile.diagnosisYear}`}
              {m.profile.targetHba1c && ` · target HbA1c ${m.profile.targetHba1c} %`}
            </p>
          )}
          <p className="text-sm text-slate-700">Targets: {PRESET_LABELS[m.targets.preset]}</p>
          {m.shareNote && <p className="text-sm text-amber-900">{m.shareNote}</p>}
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <a href={pdfHref} download className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2">
            Download PDF
          </a>
          <PrintButton />
        </div>
      </header>
      <PeriodPicker basePath={basePath} today={today} from={m.period.from} to={m.period.to} />
      {problem && <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 print:hidden">{problem}</p>}
      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        <Card title="Glucose statistics and targets">
          <MetricsTable metrics={m.metrics} periodDays={m.period.days} unit={m.unit} />
        </Card>
        {m.ranges ? (
          <Card title="Time in ranges">
            <RangesBar ranges={m.ranges} targets={m.targets} unit={m.unit} />
          </Card>
        ) : (
          <Card title="Structured testing">
            <StructuredTable metrics={m.metrics} unit={m.unit} />
          </Card>
        )}
      </div>
      {m.ranges && m.metrics.note && <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">{m.metrics.note}</p>}
      {m.agp && (
        <Card title="Ambulatory glucose profile (AGP)">
          <p className="mb-2 text-sm text-slate-700">{agpSentence(m)}</p>
          <AgpChart slots={m.agp} low={m.targets.low} high={m.targets.high} unit={m.unit} summary={agpSentence(m)} />
          <p className="mt-1 text-xs text-slate-600">
            Dark line: median; dark band: 25–75 %; light band: 5–95 %; green: target range. Gaps: quarter-hours without readings.
          </p>
        </Card>
      )}
      <Card title={m.source === 'cgm' ? 'Daily glucose profiles' : 'Daily readings'}>
        <DailyProfiles days={m.daily} low={m.targets.low} high={m.targets.high} unit={m.unit} />
      </Card>
      {(m.allergies || m.conditions) && <RecordSlot allergies={m.allergies} conditions={m.conditions} />}
      <div className="grid gap-4 lg:grid-cols-3 print:grid-cols-3">
        {m.medications && (
          <Card title="Medications">
            {m.medications.length === 0 ? <p className="text-sm text-slate-600">None recorded.</p> : (
              <ul className="space-y-1 text-sm">
                {m.medications.map((x) => (
                  <li key={`${x.name}-${x.startedOn}`}>
                    <span className="font-medium text-slate-900">{x.name}</span>{x.dosage && ` ${x.dosage}`}
                    {x.times.length > 0 && <span className="text-slate-600"> · {x.times.join(', ')}</span>}
                    {x.endedOn && <span className="text-slate-600"> · ended {reportDay(x.endedOn)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        <LabsSlot labs={m.labs} />
        {m.emergencies && (
          <Card title="Open emergencies">
            {m.emergencies.length === 0 ? <p className="text-sm text-slate-600">None open.</p> : (
              <ul className="space-y-1 text-sm">
                {m.emergencies.map((e) => (
                  <li key={e.detectedAt + e.kind} className="text-red-900">
                    {EMERGENCY_LABELS[e.kind]} ({EMERGENCY_STATUS[e.status]}), {localDateTime(Date.parse(e.detectedAt), m.patient.timeZone).slice(0, 16).replace('T', ' ')}
                    {e.details.mgdl !== undefined && `: ${glucoseText(e.details.mgdl, m.unit)}`}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
