'use client';
// Answering a questionnaire, one question at a time: the published stem, the item, its options as a
// native radio group (arrow keys move and choose, Enter goes on, Back returns), progress "2 of 7", then
// the result in plain words (a screen, not a diagnosis) with the subscales when the definition has them.
import Link from 'next/link';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { intlLocale, LANGUAGE_NAMES, type Locale } from '@/lib/i18n/locales';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import type { ResponseAnswer } from '@/lib/data/questionnaires';
import type { QuestionnaireDefinition } from '@/lib/questionnaires/definition';
import { apiFetch } from '@/lib/query/api';
import { bandLabel, resultText, subscaleTitle } from './format';

export function TakeQuestionnaire({ definition }: { definition: QuestionnaireDefinition }) {
  const qc = useQueryClient();
  const t = useTranslations('questionnaires');
  const locale = useLocale() as Locale;
  // The instrument's own wording (stem, items, options) is shown as published: in English unless the
  // definition includes the published translation of the reader's language (none does yet).
  const englishItems = locale !== 'en';
  const itemLang = englishItems ? 'en' : undefined;
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<(number | undefined)[]>(() => definition.items.map(() => undefined));
  const group = useRef<HTMLFieldSetElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const total = definition.items.length;
  const item = definition.items[index]!;
  const chosen = answers[index];
  const submit = useMutation({
    mutationFn: () => apiFetch<ResponseAnswer>('/api/v1/users/me/questionnaires/responses', { json: { questionnaire: definition.code, answers } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['questionnaire-responses'] }).then(() => qc.invalidateQueries({ queryKey: ['questionnaires-due'] })),
  });

  // Keep the keyboard where the answer is: after Next or Back, that question's chosen (or first) option
  // gets the focus (not on arrival: the page's heading and links come first).
  const moved = useRef(false);
  useEffect(() => {
    if (submit.data || !moved.current) return;
    const radio = group.current?.querySelector<HTMLInputElement>('input:checked') ?? group.current?.querySelector<HTMLInputElement>('input');
    radio?.focus();
  }, [index, submit.data]);
  useEffect(() => {
    if (submit.data) resultHeading.current?.focus();
  }, [submit.data]);

  const next = () => {
    if (chosen === undefined || submit.isPending) return;
    moved.current = true;
    if (index < total - 1) setIndex(index + 1);
    else submit.mutate();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      next();
    }
  };

  if (submit.data) {
    const r = submit.data;
    return (
      <section aria-labelledby="result-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="result-heading" ref={resultHeading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
          {t('take.resultTitle', { title: definition.shortTitle })}
        </h2>
        <p className="text-slate-900">
          {t.rich('take.score', { score: r.score, max: r.maxScore, band: bandLabel(locale, definition.code, r.band, r.bandLabel).toLocaleLowerCase(intlLocale(locale)), b: (c) => <strong>{c}</strong> })}
        </p>
        <p className="text-slate-800">{resultText(locale, definition.code, r.band, r.summary)}</p>
        {r.subscales.length > 0 && (
          <ul className="list-disc pl-5 text-sm text-slate-800">
            {r.subscales.map((s) => (
              <li key={s.code}>
                {t(s.positive ? 'take.subscalePositive' : 'take.subscaleNegative', { title: subscaleTitle(locale, definition.code, s.code, s.title), score: s.score, max: s.max })}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-slate-700">{t('take.careTeamSees')}</p>
        <Link href="/questionnaires" className="inline-block text-teal-800 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
          {t('take.backToList')}
        </Link>
      </section>
    );
  }

  return (
    <form
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        next();
      }}
    >
      <p className="text-sm font-medium text-slate-700" aria-live="polite">
        {t('take.progress', { index: index + 1, total })}
      </p>
      <div className="h-2 w-full rounded bg-slate-100" aria-hidden="true">
        <div className="h-2 rounded bg-teal-700" style={{ width: `${((index + 1) / total) * 100}%` }} />
      </div>
      {englishItems && (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-200" data-testid="translation-note">
          {t('take.englishItems', { title: definition.shortTitle, language: LANGUAGE_NAMES[locale] })}
        </p>
      )}
      <p className="text-slate-800" lang={itemLang}>{definition.stem}</p>
      <fieldset ref={group} onKeyDown={onKeyDown} className="space-y-2">
        <legend className="mb-2 text-lg font-semibold text-slate-900" lang={itemLang}>{item.text}</legend>
        {definition.options.map((o) => (
          <label key={o.value} lang={itemLang} className="flex cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 text-slate-900 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50">
            <input
              type="radio"
              name={`item-${item.id}`}
              value={o.value}
              checked={chosen === o.value}
              onChange={() => setAnswers((a) => a.map((v, i) => (i === index ? o.value : v)))}
              className="h-4 w-4 accent-teal-700"
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      {submit.error && <MutationError error={submit.error} />}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            moved.current = true;
            setIndex(index - 1);
          }}
          disabled={index === 0}
        >
          {t('take.back')}
        </Button>
        <Button type="submit" disabled={chosen === undefined || submit.isPending}>
          {index < total - 1 ? t('take.next') : submit.isPending ? t('take.saving') : t('take.seeResult')}
        </Button>
      </div>
      <p className="text-xs text-slate-600" lang="en">
        {t('take.source', { title: definition.shortTitle, source: definition.source, copyright: definition.copyright })}
      </p>
    </form>
  );
}
