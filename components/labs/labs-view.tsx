'use client';
// A patient's lab results (issue 18): the latest of each lab with its flag, a trend chart per code with
// the reference range shaded and out-of-range results marked, every HbA1c beside the GMI of the 90 days
// before it (or why there is none), the full list, and a form to enter a result. Used on the patient's
// labs page (/users/me/labs) and as a card on the doctor's patient page (/patients/{id}/labs).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { localDigits } from '@/lib/format/health';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MutationError } from '@/components/patient/mutation-error';
import { Card } from '@/components/ui/card';
import type { LabAnswer } from '@/lib/data/labs';
import { apiFetch } from '@/lib/query/api';
import { describeRange, formatLabValue, gmiCoverageNote, labName, labUnitLabel } from './format';
import { labsQueryKey } from './query';

type KnownLab = { key: string; name: string; code: string; unit: string; units: string[]; standardRange: { low: number | null; high: number | null } };
export type LabsResponse = { results: LabAnswer[]; labs: KnownLab[] };

// Lab names: a known lab's in the reader's language, else the source's (labName); the API's reason
// without a GMI is English, worded here from its numbers.
function Flag({ flag }: { flag: LabAnswer['flag'] }) {
  const t = useTranslations('labs.flag');
  if (!flag) return <span className="text-slate-500">{t('inRange')}</span>;
  return <span className="rounded bg-rose-50 px-1.5 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-200">{t(flag)}</span>;
}

function dateIn(iso: string, timeZone: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : intlLocale(locale), { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

function GmiNote({ result }: { result: LabAnswer }) {
  const t = useTranslations('labs.gmi');
  const locale = useLocale() as Locale;
  if (!result.gmi) return null;
  if (result.gmi.gmi === null) return <span className="block text-xs text-slate-600">{t('none', { reason: gmiCoverageNote(result.gmi, locale) })}</span>;
  return (
    <span className="block text-xs text-slate-700">
      {t('value', { gmi: localDigits(String(result.gmi.gmi), locale), days: result.gmi.coveredDays, mean: localDigits(String(result.gmi.meanMgdl), locale) })}
    </span>
  );
}

function TrendChart({ results, timeZone }: { results: LabAnswer[]; timeZone: string }) {
  const t = useTranslations('labs');
  const locale = useLocale() as Locale;
  const points = [...results].reverse().map((r) => ({ t: Date.parse(r.effectiveAt), value: r.value, flag: r.flag }));
  const range = results[0]?.referenceRange ?? null;
  const unit = labUnitLabel(results[0]?.unit ?? '');
  return (
    <div className="h-48 w-full" role="img" aria-label={t(range ? 'chartLabelRange' : 'chartLabel', { name: results[0] ? labName(results[0], locale) : t('results'), count: points.length, range: range ? (describeRange(range, results[0]!.unit, locale) ?? '') : '' })}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => dateIn(new Date(ms).toISOString(), timeZone, locale)} fontSize={11} />
          <YAxis fontSize={11} width={44} domain={['auto', 'auto']} />
          {range && <ReferenceArea y1={range.low ?? undefined} y2={range.high ?? undefined} fill="#14b8a6" fillOpacity={0.08} ifOverflow="extendDomain" />}
          <Tooltip labelFormatter={(ms) => dateIn(new Date(Number(ms)).toISOString(), timeZone, locale)} formatter={(v) => [`${localDigits(String(v), locale)} ${unit}`, results[0] ? labName(results[0], locale) : '']} />
          <Line
            dataKey="value"
            stroke="#0f766e"
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index?: number }) => {
              const flagged = points[props.index ?? 0]?.flag;
              return <circle key={props.index} cx={props.cx} cy={props.cy} r={flagged ? 5 : 3} fill={flagged ? '#be123c' : '#0f766e'} stroke="white" strokeWidth={1} />;
            }}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function EntryForm({ endpoint, labs }: { endpoint: string; labs: KnownLab[] }) {
  const t = useTranslations('labs.form');
  const locale = useLocale() as Locale;
  const qc = useQueryClient();
  const [key, setKey] = useState(labs[0]?.key ?? '');
  const lab = labs.find((l) => l.key === key);
  const [unit, setUnit] = useState('');
  const [value, setValue] = useState('');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      apiFetch<LabAnswer>(endpoint, {
        json: { code: lab?.code, value: Number(value), unit: unit || lab?.unit, effectiveAt: at ? new Date(at).toISOString() : '', ...(note.trim() ? { note } : {}) },
      }),
    onSuccess: () => {
      setValue('');
      setNote('');
      void qc.invalidateQueries({ queryKey: labsQueryKey(endpoint) });
    },
  });
  const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';
  return (
    <form
      className="grid gap-3 sm:grid-cols-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label className="text-sm text-slate-700 sm:col-span-2">
        {t('test')}
        <select className={input} value={key} onChange={(e) => { setKey(e.target.value); setUnit(''); }}>
          {labs.map((l) => <option key={l.key} value={l.key}>{labName({ lab: l.key, display: l.name }, locale)} ({l.code})</option>)}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        {t('value')}
        <input className={input} inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value.replace(',', '.'))} />
      </label>
      <label className="text-sm text-slate-700">
        {t('unit')}
        <select className={input} value={unit || lab?.unit} onChange={(e) => setUnit(e.target.value)}>
          {(lab?.units ?? []).map((u) => <option key={u} value={u}>{labUnitLabel(u) || u}</option>)}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        {t('takenAt')}
        <input className={input} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
      </label>
      <label className="text-sm text-slate-700 sm:col-span-4">
        {t('note')}
        <input className={input} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="flex items-end">
        <button type="submit" disabled={save.isPending} className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60">
          {save.isPending ? t('saving') : t('submit')}
        </button>
      </div>
      {save.isError && <div className="sm:col-span-5"><MutationError error={save.error} /></div>}
    </form>
  );
}

export function LabsView({ endpoint, timeZone, canEnter, title }: { endpoint: string; timeZone: string; canEnter: boolean; title?: string }) {
  const t = useTranslations('labs');
  const locale = useLocale() as Locale;
  const query = useQuery({ queryKey: labsQueryKey(endpoint), queryFn: () => apiFetch<LabsResponse>(endpoint) });
  const results = useMemo(() => query.data?.results ?? [], [query.data]);
  const byCode = useMemo(() => {
    const groups = new Map<string, LabAnswer[]>();
    for (const r of results) groups.set(`${r.code}|${r.unit}`, [...(groups.get(`${r.code}|${r.unit}`) ?? []), r]);
    return groups;
  }, [results]);
  const [picked, setPicked] = useState<string | null>(null);
  const chartKey = picked && byCode.has(picked) ? picked : ([...byCode.keys()].find((k) => k.startsWith('4548-4|')) ?? [...byCode.keys()][0] ?? null);
  const latest = [...byCode.values()].map((rs) => rs[0]!).filter((r) => r.lab !== null);

  return (
    <Card title={title ?? t('cardTitle')}>
      {query.isPending && <p className="text-sm text-slate-600">{t('loading')}</p>}
      {query.isError && <p className="text-sm text-rose-800">{t('loadFailed')}</p>}
      {query.data && results.length === 0 && <p className="text-sm text-slate-600">{t('empty')}</p>}
      {latest.length > 0 && (
        <ul className="mb-4 grid gap-2 sm:grid-cols-3" aria-label={t('latest')}>
          {latest.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 p-2 text-sm">
              <span className="block text-slate-600">{labName(r, locale)}</span>
              <span className="text-lg font-semibold text-slate-900">{formatLabValue(r.value, r.unit, locale)}</span> <Flag flag={r.flag} />
              <span className="block text-xs text-slate-600">
                {dateIn(r.effectiveAt, timeZone, locale)}
                {r.referenceRange && t(r.rangeSource === 'standard' ? 'rangeStandard' : 'rangeGiven', { range: describeRange(r.referenceRange, r.unit, locale) ?? '' })}
              </span>
              <GmiNote result={r} />
            </li>
          ))}
        </ul>
      )}
      {chartKey && (
        <div className="mb-4">
          <label className="text-sm text-slate-700">
            {t('trendOf')}{' '}
            <select className="rounded-md border border-slate-300 px-2 py-1 text-sm" value={chartKey} onChange={(e) => setPicked(e.target.value)}>
              {[...byCode.entries()].map(([k, rs]) => <option key={k} value={k}>{labName(rs[0]!, locale)} ({labUnitLabel(rs[0]!.unit) || rs[0]!.unit})</option>)}
            </select>
          </label>
          <TrendChart results={byCode.get(chartKey) ?? []} timeZone={timeZone} />
        </div>
      )}
      {results.length > 0 && (
        <div className="mb-4 max-h-96 overflow-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600" tabIndex={0} role="region" aria-label={t('all')}>
          {/* Scrolls on its own: focusable and named, so a keyboard can scroll it (axe scrollable-region-focusable). */}
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t('columns.date')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('columns.test')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('columns.result')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('columns.flag')}</th>
                <th scope="col" className="py-1 font-medium">{t('columns.range')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {results.map((r) => (
                <tr key={r.id}>
                  <td className="py-1 pr-3 whitespace-nowrap">{dateIn(r.effectiveAt, timeZone, locale)}</td>
                  <td className="py-1 pr-3">{labName(r, locale)}{r.note && <span className="block text-xs text-slate-600">{r.note}</span>}<GmiNote result={r} /></td>
                  <td className="py-1 pr-3 whitespace-nowrap">{formatLabValue(r.value, r.unit, locale)}</td>
                  <td className="py-1 pr-3"><Flag flag={r.flag} /></td>
                  <td className="py-1 text-slate-600">{describeRange(r.referenceRange, r.unit, locale) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEnter && query.data && (
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">{t('enter')}</summary>
          <div className="mt-3"><EntryForm endpoint={endpoint} labs={query.data.labs} /></div>
        </details>
      )}
    </Card>
  );
}
