'use client';

// What to type into each Nightscout app, app by app: where the settings are, each field with its value
// (copyable), and, for the apps that cannot reach a site yet, why. Then a curl command that uploads one
// reading, to try the address at once.
import { useId, useRef } from 'react';
import { CopyButton } from '@/components/patient/copy-button';
import { clientGuides, curlCommand, SECRET_PLACEHOLDER, type ClientGuide } from './client-instructions';
import { useTranslations } from 'use-intl';

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
  const t = useTranslations('nightscout.instructions');
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`client-${guide.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold text-slate-900">
          {guide.app} <span className="text-sm font-normal text-slate-600">({guide.platform === 'iPhone' ? 'iPhone' : t('android')})</span>
        </h4>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${guide.works ? 'bg-teal-50 text-teal-900 ring-1 ring-teal-200' : 'bg-slate-100 text-slate-800 ring-1 ring-slate-300'}`}>
          {guide.works ? t('works') : t('notYet')}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        <span className="sr-only">{t('where')} </span>
        {guide.where.join(' → ')}
      </p>
      {guide.fields.length > 0 && (
        <div className="mt-2 space-y-3">
          {guide.fields.map((f) => (
            <CopyField key={f.label} label={f.label} value={f.hint ? `<${t(`hints.${f.hint}`)}>` : f.value} copyable={f.copyable} copyLabel={t('copyField', { app: guide.app, field: f.label })} />
          ))}
        </div>
      )}
      <p className="mt-2 text-sm text-slate-700">{t(`notes.${guide.note}`)}</p>
    </li>
  );
}

export function ClientInstructions({ baseUrl, secret, atMs }: { baseUrl: string; secret: string | null; atMs: number }) {
  const t = useTranslations('nightscout.instructions');
  const example = useRef<HTMLPreElement>(null);
  const curl = curlCommand({ baseUrl, secret, atMs });
  return (
    <div className="space-y-4">
      <ul className="grid gap-3 md:grid-cols-2" aria-label={t('listLabel')}>
        {clientGuides({ baseUrl, secret }).map((g) => <GuideCard key={g.id} guide={g} />)}
      </ul>
      <div>
        <h4 className="font-semibold text-slate-900">{t('tryTitle')}</h4>
        <p className="mt-1 text-sm text-slate-700">
          {t('try')}{secret ? '' : ` ${t('tryPlaceholder', { placeholder: SECRET_PLACEHOLDER })}`}
        </p>
        <pre ref={example} tabIndex={0} aria-label={t('example')} className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-500">
          <code>{curl}</code>
        </pre>
        <div className="mt-2"><CopyButton value={curl} label={t('copyCommand')} fallbackTarget={() => example.current} /></div>
      </div>
    </div>
  );
}
