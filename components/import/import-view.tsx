'use client';
// Import another system's export (upload progress, then the background import's progress and what became
// of the records) and export one's own data as CSV or a FHIR Bundle.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { typeLabel } from '@/lib/format/health';
import { HEALTH_TYPES, type HealthType } from '@/lib/health';
import { inputClass } from '@/components/patient/styles';
import { importOptions, importsOptions, type ImportJson } from './queries';

const FORMAT_LABELS: Record<ImportJson['format'], string> = { 'apple-health': 'Apple Health', fhir: 'FHIR R4', openmhealth: 'Open mHealth', 'health-connect': 'Health Connect' };
const EXPORT_TYPES = HEALTH_TYPES.filter((t) => t !== 'SLEEP_STATE');

function Progress({ label, value }: { label: string; value: number }) {
  const percent = Math.round(value * 100);
  return (
    <div>
      <div className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span>{percent} %</span>
      </div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-1 h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-teal-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** Sends the file with XMLHttpRequest: fetch cannot report upload progress. */
function upload(form: FormData, onProgress: (fraction: number) => void): Promise<{ id: string }> {
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
    xhr.onerror = () => reject(new Error('the upload was interrupted; check the connection and try again'));
    xhr.send(form);
  });
}

function ImportStatus({ id }: { id: string }) {
  const { data, error, refetch } = useQuery(importOptions(id));
  if (error) return <ErrorMessage error={error} retry={() => void refetch()} />;
  if (!data) return <Loading label="Starting the import…" />;
  return (
    <div className="space-y-2" data-testid="import-status">
      <Progress label={data.status === 'done' ? 'Imported' : data.status === 'queued' ? 'Waiting to start' : 'Importing'} value={data.progress} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {data.status === 'failed' ? `Failed: ${data.error ?? 'unknown error'}. ` : data.status === 'done' ? 'Done. ' : ''}
        {data.accepted.toLocaleString()} new, {data.duplicates.toLocaleString()} already here, {data.rejectedCount.toLocaleString()} rejected.
      </p>
      {data.rejected.length > 0 && (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">Why records were rejected</summary>
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
      setError(new Error('Choose a file to import.'));
      return;
    }
    if (form.get('format') === '') form.delete('format');
    setError(null);
    setCurrent(null);
    setUploadProgress(0);
    try {
      const { id } = await upload(form, setUploadProgress);
      setCurrent(id);
      await queryClient.invalidateQueries({ queryKey: importsOptions.queryKey });
    } catch (err) {
      setError(err as Error);
    } finally {
      setUploadProgress(null);
    }
  }

  return (
    <Card title="Import">
      <form onSubmit={onSubmit} className="space-y-3">
        <p className="text-sm text-slate-600">
          An Apple Health export (<code>export.zip</code> or <code>export.xml</code>), a FHIR R4 Bundle or Observation, Open mHealth data points
          (JSON), or Health Connect&apos;s export (the <code>.zip</code> holding <code>health_connect_export.db</code>). Importing the same file twice adds nothing.
        </p>
        <div>
          <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">File</label>
          <input id={fileId} name="file" type="file" accept=".zip,.xml,.json,.db,application/json,application/zip,text/xml" className={inputClass} />
        </div>
        <div>
          <label htmlFor={formatId} className="block text-sm font-medium text-slate-800">Format</label>
          <select id={formatId} name="format" defaultValue="" className={inputClass}>
            <option value="">Detect from the file</option>
            <option value="apple-health">Apple Health</option>
            <option value="fhir">FHIR R4</option>
            <option value="openmhealth">Open mHealth</option>
            <option value="health-connect">Health Connect</option>
          </select>
        </div>
        <Button type="submit" disabled={uploadProgress !== null}>Import</Button>
        {uploadProgress !== null && <Progress label="Uploading" value={uploadProgress} />}
        {error && <ErrorMessage error={error} />}
        {current && <ImportStatus id={current} />}
      </form>
    </Card>
  );
}

function RecentImports() {
  const { data, error, isPending, refetch } = useQuery(importsOptions);
  return (
    <Card title="Recent imports">
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorMessage error={error} retry={() => void refetch()} />
      ) : data.imports.length === 0 ? (
        <Empty>No imports yet.</Empty>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {data.imports.map((i) => (
            <li key={i.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {FORMAT_LABELS[i.format]} · {new Date(i.createdAt).toLocaleString()}
              </span>
              <span className="text-slate-700">
                {i.status === 'done' ? `${i.accepted.toLocaleString()} new, ${i.duplicates.toLocaleString()} already here, ${i.rejectedCount.toLocaleString()} rejected` : i.status === 'failed' ? `Failed: ${i.error ?? ''}` : `${i.status === 'queued' ? 'Waiting' : 'Importing'} · ${Math.round(i.progress * 100)} %`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ExportCard({ today }: { today: string }) {
  const [types, setTypes] = useState<HealthType[]>(['STEPS', 'HEART_RATE', 'BLOOD_GLUCOSE', 'WEIGHT']);
  const [format, setFormat] = useState('csv-samples');
  const [from, setFrom] = useState(() => new Date(Date.parse(today) - 29 * 86_400_000).toISOString().slice(0, 10));
  const [to, setTo] = useState(today);
  const ids = { format: useId(), from: useId(), to: useId() };
  const [fileFormat, kind] = format === 'fhir' ? ['fhir', 'samples'] : ['csv', format === 'csv-daily' ? 'daily' : 'samples'];
  const href = `/api/v1/users/me/export?${new URLSearchParams({ format: fileFormat, kind, types: types.join(','), from, to })}`;
  const invalid = types.length === 0 ? 'Choose at least one type.' : from > to ? 'The start date is after the end date.' : null;
  return (
    <Card title="Export">
      <div className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor={ids.format} className="block text-sm font-medium text-slate-800">Format</label>
            <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value)} className={inputClass}>
              <option value="csv-samples">CSV, every sample</option>
              <option value="csv-daily">CSV, daily summaries</option>
              <option value="fhir">FHIR R4 Bundle (JSON)</option>
            </select>
          </div>
          <div>
            <label htmlFor={ids.from} className="block text-sm font-medium text-slate-800">From</label>
            <input id={ids.from} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} className={inputClass} />
          </div>
          <div>
            <label htmlFor={ids.to} className="block text-sm font-medium text-slate-800">To</label>
            <input id={ids.to} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} className={inputClass} />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Types</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-3">
            {EXPORT_TYPES.map((t) => (
              <label key={t} className="flex items-center gap-2">
                <input type="checkbox" checked={types.includes(t)} onChange={(e) => setTypes(e.target.checked ? [...types, t] : types.filter((x) => x !== t))} />
                {typeLabel(t)}
              </label>
            ))}
          </div>
        </fieldset>
        {invalid ? (
          <p role="alert" className="text-sm text-red-800">{invalid}</p>
        ) : (
          <a href={href} download className="inline-block rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2">
            Download
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
