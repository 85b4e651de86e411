'use client';
// The patient's record beyond measurements (issue 19): conditions, allergies (severe or high-criticality
// ones first, marked so they are not missed) and emergency contacts, each with a form to add one and, per
// item, to correct or remove it. On the patient's /record page (their own endpoints) and as a card on the
// doctor's patient page (/patients/{id}/…; the API refuses writes to anyone but the patient or a linked
// doctor). `base` is the endpoints' prefix: /api/v1/users/me or /api/v1/patients/{id}.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { Card } from '@/components/ui/card';
import type { AllergyAnswer } from '@/lib/data/allergies';
import { apiFetch } from '@/lib/query/api';
import { bodyOf, detailsOf, SECTIONS, titleOf, valuesOf, type FieldOption, type RecordItem, type SectionKind } from './fields';
import { recordQueryKey } from './query';

const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';
const button = 'rounded-md px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60';

type RecordT = ReturnType<typeof useTranslations<'record'>>;

// An option's text: a code system's own name, else the value's message ('' reads as a dash).
const optionLabel = (o: FieldOption, t: RecordT) => ('name' in o ? o.name : o.value === '' ? '—' : t(`values.${o.value}`));

function ItemForm({ kind, endpoint, item, onDone }: { kind: SectionKind; endpoint: string; item: RecordItem | null; onDone: () => void }) {
  const t = useTranslations('record');
  const tu = useTranslations('ui');
  const qc = useQueryClient();
  const section = SECTIONS[kind];
  // The API names fields as the form does: an error about one reads with the field's label.
  const labels = Object.fromEntries(section.fields.map((f) => [f.name, t(`fields.${f.name}`)]));
  const id = useId();
  const [values, setValues] = useState(() => valuesOf(section.fields, item));
  const save = useMutation({
    mutationFn: () => apiFetch(item ? `${endpoint}/${item.id}` : endpoint, { method: item ? 'PATCH' : 'POST', json: bodyOf(section.fields, values, item !== null) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: recordQueryKey(endpoint) });
      if (!item) setValues(valuesOf(section.fields, null));
      onDone();
    },
  });
  return (
    <form className="grid gap-3 sm:grid-cols-3" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      {section.fields.map((f) => (
        <label key={f.name} htmlFor={`${id}-${f.name}`} className="text-sm text-slate-700">
          {f.required ? t(`fields.${f.name}`) : t('optional', { label: t(`fields.${f.name}`) })}
          {f.kind === 'select' ? (
            <select id={`${id}-${f.name}`} className={input} value={values[f.name] || (f.options?.[0]?.value ?? '')} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
              {f.options?.map((o) => <option key={o.value} value={o.value}>{optionLabel(o, t)}</option>)}
            </select>
          ) : (
            <input
              id={`${id}-${f.name}`} className={input} required={f.required} maxLength={f.maxLength} placeholder={f.hint && t(`hints.${f.hint}`)}
              type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : f.kind === 'tel' ? 'tel' : 'text'} min={f.kind === 'number' ? 1 : undefined}
              value={values[f.name] ?? ''} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          )}
        </label>
      ))}
      <div className="flex items-end gap-2">
        <button type="submit" disabled={save.isPending} className={`${button} bg-teal-700 text-white hover:bg-teal-800`}>{save.isPending ? t('saving') : item ? t('save') : t(`sections.${section.listKey}.addButton`)}</button>
        {item && <button type="button" onClick={onDone} className={`${button} border border-slate-300 text-slate-800`}>{tu('cancel')}</button>}
      </div>
      {save.isError && <div className="sm:col-span-3"><MutationError error={save.error} labels={labels} /></div>}
    </form>
  );
}

function Item({ kind, endpoint, item, canEdit }: { kind: SectionKind; endpoint: string; item: RecordItem; canEdit: boolean }) {
  const t = useTranslations('record');
  const locale = useLocale();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch(`${endpoint}/${item.id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: recordQueryKey(endpoint) }),
  });
  const dangerous = kind === 'allergies' && (item as AllergyAnswer).dangerous;
  const title = titleOf(kind, item);
  if (editing) return <li className="py-2"><ItemForm kind={kind} endpoint={endpoint} item={item} onDone={() => setEditing(false)} /></li>;
  return (
    <li className={`flex flex-wrap items-start justify-between gap-2 py-2 ${dangerous ? 'rounded-md border-l-4 border-rose-700 bg-rose-50 pl-2' : ''}`}>
      <div className="text-sm">
        {dangerous && <span className="mr-2 rounded bg-rose-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t('dangerous')}</span>}
        <span className="font-medium text-slate-900">{title}</span>
        <span className="block text-slate-700">{detailsOf(kind, item, locale)}</span>
      </div>
      {canEdit && (
        <div className="flex gap-2">
          <button type="button" onClick={() => setEditing(true)} className={`${button} border border-slate-300 text-slate-800`} aria-label={t('editLabel', { title })}>{t('edit')}</button>
          <button type="button" disabled={remove.isPending} onClick={() => { if (window.confirm(t('confirmRemove', { title }))) remove.mutate(); }} className={`${button} border border-rose-300 text-rose-800`} aria-label={t('removeLabel', { title })}>{t('remove')}</button>
        </div>
      )}
      {remove.isError && <div className="w-full"><MutationError error={remove.error} /></div>}
    </li>
  );
}

function Section({ kind, base, canEdit }: { kind: SectionKind; base: string; canEdit: boolean }) {
  const t = useTranslations('record');
  const tu = useTranslations('ui');
  const section = SECTIONS[kind];
  const ns = `sections.${section.listKey}` as const;
  const endpoint = `${base}/${kind}`;
  const query = useQuery({ queryKey: recordQueryKey(endpoint), queryFn: () => apiFetch<Record<string, RecordItem[]>>(endpoint) });
  const items = query.data?.[section.listKey] ?? [];
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{t(`${ns}.title`)}</h3>
      {query.isPending && <p className="text-sm text-slate-600">{tu('loading')}</p>}
      {query.isError && <p className="text-sm text-rose-800">{t(`${ns}.loadFailed`)}</p>}
      {query.data && items.length === 0 && <p className="text-sm text-slate-600">{t(`${ns}.empty`)}</p>}
      {items.length > 0 && <ul className="divide-y divide-slate-100">{items.map((item) => <Item key={item.id} kind={kind} endpoint={endpoint} item={item} canEdit={canEdit} />)}</ul>}
      {canEdit && query.data && (
        <details className="mt-2 rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">{t(`${ns}.add`)}</summary>
          <div className="mt-3"><ItemForm kind={kind} endpoint={endpoint} item={null} onDone={() => {}} /></div>
        </details>
      )}
    </div>
  );
}

export function RecordView({ base, canEdit, title }: { base: string; canEdit: boolean; title?: string }) {
  const t = useTranslations('record');
  return (
    <Card title={title ?? t('defaultTitle')}>
      <div className="space-y-5">
        <Section kind="allergies" base={base} canEdit={canEdit} />
        <Section kind="conditions" base={base} canEdit={canEdit} />
        <Section kind="emergency-contacts" base={base} canEdit={canEdit} />
      </div>
    </Card>
  );
}
