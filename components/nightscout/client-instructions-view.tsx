'use client';

// What to type into each Nightscout app, app by app: where the settings are, each field with its value
// (copyable), and, for the apps that cannot reach a site yet, why. Then a curl command that uploads one
// reading, to try the address at once.
import { useId, useRef } from 'react';
import { CopyButton } from '@/components/patient/copy-button';
import { clientGuides, curlCommand, type ClientGuide } from './client-instructions';

// Long addresses wrap (a textarea sized to its content) rather than hide their end in a one-line input.
export const monoField =
  'mt-1 block w-full resize-none break-all rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 field-sizing-content focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500';

/** A read-only value with its label and a copy button. */
export function CopyField({ label, value, copyLabel, copyable = true }: { label: string; value: string; copyLabel: string; copyable?: boolean }) {
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">{label}</label>
      <textarea id={id} ref={input} readOnly rows={1} value={value} spellCheck={false} className={monoField} onFocus={(e) => e.currentTarget.select()} />
      {copyable && <div className="mt-2"><CopyButton value={value} label={copyLabel} fallbackTarget={() => input.current} /></div>}
    </div>
  );
}

function GuideCard({ guide }: { guide: ClientGuide }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`client-${guide.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold text-slate-900">
          {guide.app} <span className="text-sm font-normal text-slate-600">({guide.platform})</span>
        </h4>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${guide.works ? 'bg-teal-50 text-teal-900 ring-1 ring-teal-200' : 'bg-slate-100 text-slate-800 ring-1 ring-slate-300'}`}>
          {guide.works ? 'Works' : 'Not yet'}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        <span className="sr-only">Where: </span>
        {guide.where.join(' → ')}
      </p>
      {guide.fields.length > 0 && (
        <div className="mt-2 space-y-3">
          {guide.fields.map((f) => (
            <CopyField key={f.label} label={f.label} value={f.value} copyable={f.copyable} copyLabel={`Copy ${guide.app} ${f.label}`} />
          ))}
        </div>
      )}
      <p className="mt-2 text-sm text-slate-700">{guide.note}</p>
    </li>
  );
}

export function ClientInstructions({ baseUrl, secret, atMs }: { baseUrl: string; secret: string | null; atMs: number }) {
  const example = useRef<HTMLPreElement>(null);
  const curl = curlCommand({ baseUrl, secret, atMs });
  return (
    <div className="space-y-4">
      <ul className="grid gap-3 md:grid-cols-2" aria-label="What to type into each app">
        {clientGuides({ baseUrl, secret }).map((g) => <GuideCard key={g.id} guide={g} />)}
      </ul>
      <div>
        <h4 className="font-semibold text-slate-900">Try it from a computer</h4>
        <p className="mt-1 text-sm text-slate-700">
          This uploads one reading of 112 mg/dL, timed when this page showed it, as the apps do. It is kept like any
          reading, from a source named “curl”.{secret ? '' : ' Put the API secret in place of <API secret>.'}
        </p>
        <pre ref={example} tabIndex={0} aria-label="Example upload request" className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500">
          <code>{curl}</code>
        </pre>
        <div className="mt-2"><CopyButton value={curl} label="Copy the command" fallbackTarget={() => example.current} /></div>
      </div>
    </div>
  );
}
