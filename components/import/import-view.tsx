'use client';
// Import another system's export (upload progress, then the background import's progress and what became
// of the records) and export one's own data as CSV or a FHIR Bundle.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { localDigits, numberLocale, typeLabelIn } from '@/lib/format/health';
import type { Locale } from '@/lib/i18n/locales';
import { HEALTH_TYPES, type HealthType } from '@/lib/health';
import { inputClass } from '@/components/patient/styles';
import { importOptions, importsOptions, type ImportJson } from './queries';

const FORMAT_LABELS: Record<ImportJson['format'], string> = { 'apple-health': 'Apple Health', fhir: 'FHIR R4', openmhealth: 'Open mHealth', 'health-connect': 'Health Connect' };
const EXPORT_TYPES = HEALTH_TYPES.filter((t) => t !== 'SLEEP_STATE');
// Counts as the reader writes them (lakh grouping; Bengali and Marathi digits).
const count = (n: number, locale: Locale) => n.toLocaleString(numberLocale(locale));

function Progress({ label, value }: { label: string; value: number }) {
  const locale = useLocale();
  const percent = Math.round(value * 100);
  return (
    <div>
      <div className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span>{localDigits(`${percent} %`, locale)}</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-1 h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-teal-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/**
 * Sends the file with XMLHttpRequest: fetch cannot report upload progress. The API's messages stay
 * English (the contract); `interrupted` is the reader's words for a lost connection.
 */
function upload(form: FormData, onProgress: (fraction: number) => void, interrupted: string): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status === 202) resolve(body as { id: string });
      else {
        const details = (body?.error?.details as { reason: string }[] | undefined)?.map((d) => d.reason).join('; ');
        reject(new Error(details ? `${body.error.message}: ${details}` : (body?.error?.message ?? `upload failed (${xhr.status})`)));
      }
    };
    xhr.onerror = () => reject(new Error(interrupted));
    xhr.send(form);
  });
}

function ImportStatus({ id }: { id: string }) {
  const t = useTranslations('importData');
  const locale = useLocale();
  const { data, error, refetch } = useQuery(importOptions(id));
  if (error) return <ErrorMessage error={error} retry={() => void refetch()} />;
  if (!data) return <Loading label={t('starting')} />;
  return (
    <div className="space-y-2" data-testid="import-status">
      <Progress label={data.status === 'done' ? t('imported') : data.status === 'queued' ? t('waitingToStart') : t('importing')} value={data.progress} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {data.status === 'failed' ? `${t('failed', { error: data.error ?? t('unknownError') })} ` : data.status === 'done' ? `${t('done')} ` : ''}
        {t('counts', { accepted: count(data.accepted, locale), duplicates: count(data.duplicates, locale), rejected: count(data.rejectedCount, locale) })}
      </p>
      {data.rejected.length > 0 && (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{t('whyRejected')}</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {data.rejected.slice(0, 20).map((r, i) => (
              <li key={i}>{r.index === undefined ? r.reason : `#${r.index}: ${r.reason}`}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ImportCard() {
  const t = useTranslations('importData');
  const queryClient = useQueryClient();
  const fileId = useId();
  const formatId = useId();
  const [uploadProgress, setUploadProgress] = useState<number | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (!(form.get('file') instanceof File) || (form.get('file') as File).size === 0) {
      setError(new Error(t('chooseFile')));
      return;
    }
    if (form.get('format') === '') form.delete('format');
    setError(null);
    setCurrent(null);
    setUploadProgress(0);
    try {
      const { id } = await upload(form, setUploadProgress, t('interrupted'));
      setCurrent(id);
      await queryClient.invalidateQueries({ queryKey: importsOptions.queryKey });
    } catch (err) {
      setError(err as Error);
    } finally {
      setUploadProgress(null);
    }
  }

  return (
    <Card title={t('importTitle')}>
      <form onSubmit={onSubmit} className="space-y-3">
        <p className="text-sm text-slate-600">{t.rich('importHelp', { code: (chunks) => <code>{chunks}</code> })}</p>
        <div>
          <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">{t('file')}</label>
          <input id={fileId} name="file" type="file" accept=".zip,.xml,.json,.db,application/json,application/zip,text/xml" className={inputClass} />
        </div>
        <div>
          <label htmlFor={formatId} className="block text-sm font-medium text-slate-800">{t('format')}</label>
          <select id={formatId} name="format" defaultValue="" className={inputClass}>
            <option value="">{t('detectFormat')}</option>
            {Object.entries(FORMAT_LABELS).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={uploadProgress !== null}>{t('importButton')}</Button>
        {uploadProgress !== null && <Progress label={t('uploading')} value={uploadProgress} />}
        {error && <ErrorMessage error={error} />}
        {current && <ImportStatus id={current} />}
      </form>
    </Card>
  );
}

function RecentImports() {
  const t = useTranslations('importData');
  const format = useFormatter();
  const locale = useLocale();
  const { data, error, isPending, refetch } = useQuery(importsOptions);
  return (
    <Card title={t('recentTitle')}>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} retry={() => void refetch()} />
      ) : data.imports.length === 0 ? (
        <Empty>{t('noImports')}</Empty>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {data.imports.map((i) => (
            <li key={i.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {FORMAT_LABELS[i.format]} · {format.dateTime(new Date(i.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
              <span className="text-slate-700">
                {i.status === 'done'
                  ? t('countsShort', { accepted: count(i.accepted, locale), duplicates: count(i.duplicates, locale), rejected: count(i.rejectedCount, locale) })
                  : i.status === 'failed'
                    ? t('failedShort', { error: i.error ?? '' })
                    : `${i.status === 'queued' ? t('waiting') : t('importing')} · ${localDigits(`${Math.round(i.progress * 100)} %`, locale)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ExportCard({ today }: { today: string }) {
  const t = useTranslations('importData');
  const locale = useLocale();
  const [types, setTypes] = useState<HealthType[]>(['STEPS', 'HEART_RATE', 'BLOOD_GLUCOSE', 'WEIGHT']);
  const [format, setFormat] = useState('csv-samples');
  const [from, setFrom] = useState(() => new Date(Date.parse(today) - 29 * 86_400_000).toISOString().slice(0, 10));
  const [to, setTo] = useState(today);
  const ids = { format: useId(), from: useId(), to: useId() };
  const [fileFormat, kind] = format === 'fhir' ? ['fhir', 'samples'] : ['csv', format === 'csv-daily' ? 'daily' : 'samples'];
  const href = `/api/v1/users/me/export?${new URLSearchParams({ format: fileFormat, kind, types: types.join(','), from, to })}`;
  const invalid = types.length === 0 ? t('chooseType') : from > to ? t('startAfterEnd') : null;
  return (
    <Card title={t('exportTitle')}>
      <div className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={ids.format} className="block text-sm font-medium text-slate-800">{t('format')}</label>
            <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value)} className={inputClass}>
              <option value="csv-samples">{t('csvSamples')}</option>
              <option value="csv-daily">{t('csvDaily')}</option>
              <option value="fhir">{t('fhirBundle')}</option>
            </select>
          </div>
          <div>
            <label htmlFor={ids.from} className="block text-sm font-medium text-slate-800">{t('from')}</label>
            <input id={ids.from} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} className={inputClass} />
          </div>
          <div>
            <label htmlFor={ids.to} className="block text-sm font-medium text-slate-800">{t('to')}</label>
            <input id={ids.to} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} className={inputClass} />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t('types')}</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-3">
            {EXPORT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2">
                <input type="checkbox" checked={types.includes(type)} onChange={(e) => setTypes(e.target.checked ? [...types, type] : types.filter((x) => x !== type))} />
                {typeLabelIn(type, locale)}
              </label>
            ))}
          </div>
        </fieldset>
        {invalid ? (
          <p role="alert" className="text-sm text-red-800">{invalid}</p>
        ) : (
          <a href={href} download className="inline-block rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2">
            {t('download')}
          </a>
        )}
      </div>
    </Card>
  );
}

export function ImportExportView({ today }: { today: string }) {
  return (
    <div className="space-y-4">
      <ImportCard />
      <RecentImports />
      <ExportCard today={today} />
    </div>
  );
}
