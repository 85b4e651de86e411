'use client';
// The patient's questionnaires page: what their doctor asked them to answer today, the questionnaires they
// can take on demand, and their results per questionnaire (score trend, band, change) with a way to
// retract a result entered by mistake (it stays in the history).
import Link from 'next/link';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '@/components/patient/confirm-dialog';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorMessage } from '@/components/ui/states';
import type { ResponseAnswer } from '@/lib/data/questionnaires';
import type { ScheduleAnswer } from '@/lib/data/questionnaires-schedules';
import type { QuestionnaireDefinition } from '@/lib/questionnaires/definition';
import { apiFetch } from '@/lib/query/api';
import { answeredOn, bandLabel, changeText } from './format';
import { dueQueryKey, responsesQueryKey } from './query';
import { ScoreTrend } from './score-trend';
import { formatDay } from '@/components/patient/trends/periods';

const ENDPOINT = '/api/v1/users/me/questionnaires/responses';
export type ResponsesAnswer = { responses: ResponseAnswer[]; latest: ResponseAnswer[] };
export type DueAnswer = { due: ScheduleAnswer[]; schedules: ScheduleAnswer[] };

const linkClass = 'text-teal-800 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export function QuestionnairesView({ definitions, timeZone }: { definitions: QuestionnaireDefinition[]; timeZone: string }) {
  const qc = useQueryClient();
  const t = useTranslations('questionnaires');
  const locale = useLocale() as Locale;
  const on = (iso: string) => answeredOn(iso, timeZone, locale);
  const responses = useQuery({ queryKey: responsesQueryKey(ENDPOINT), queryFn: () => apiFetch<ResponsesAnswer>(ENDPOINT) });
  const due = useQuery({ queryKey: dueQueryKey, queryFn: () => apiFetch<DueAnswer>('/api/v1/users/me/questionnaires/due') });
  const [retracting, setRetracting] = useState<ResponseAnswer | null>(null);
  const retract = useMutation({
    mutationFn: (id: string) => apiFetch<ResponseAnswer>(`${ENDPOINT}/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      setRetracting(null);
      await qc.invalidateQueries({ queryKey: ['questionnaire-responses'] });
      await qc.invalidateQueries({ queryKey: dueQueryKey });
    },
  });
  const titleOf = (code: string) => definitions.find((d) => d.code === code)?.shortTitle ?? code;

  return (
    <div className="space-y-4">
      <Card title={t('view.dueTitle')}>
        {due.error ? (
          <ErrorMessage error={due.error} />
        ) : due.data && due.data.due.length > 0 ? (
          <ul className="space-y-2">
            {due.data.due.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-slate-900">{t('view.asked', { title: titleOf(s.questionnaire), days: s.everyDays })}</span>
                <Link href={`/questionnaires/${s.questionnaire}`} className={linkClass}>{t('view.answerNow', { title: titleOf(s.questionnaire) })}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t('view.nothingDue')}</p>
        )}
        {due.data && due.data.schedules.length > 0 && (
          <p className="mt-2 text-xs text-slate-600">
            {t('view.scheduled', { list: due.data.schedules.map((s) => t('view.scheduleItem', { title: titleOf(s.questionnaire), days: s.everyDays, next: formatDay(s.nextDueOn, 'year', locale) })).join('; ') })}
          </p>
        )}
      </Card>

      <Card title={t('view.takeTitle')}>
        <ul className="space-y-2">
          {definitions.map((d) => (
            <li key={d.code}>
              <Link href={`/questionnaires/${d.code}`} className={linkClass}>{t(`titles.${d.code as 'gad7'}`)}</Link>
              <span className="block text-sm text-slate-600">{t('view.about', { count: d.items.length, about: t(`about.${d.code as 'gad7'}`) })}</span>
            </li>
          ))}
        </ul>
      </Card>

      {responses.error && <ErrorMessage error={responses.error} />}
      {definitions.map((d) => {
        const mine = responses.data?.responses.filter((r) => r.questionnaire === d.code) ?? [];
        if (mine.length === 0) return null;
        return (
          <Card key={d.code} title={t('view.yourResults', { title: d.shortTitle })}>
            <ScoreTrend definition={d} responses={mine} timeZone={timeZone} />
            <ul className="mt-3 divide-y divide-slate-100">
              {mine.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span className="text-slate-900">
                    {t.rich('view.resultLine', { day: on(r.answeredAt), score: r.score, max: r.maxScore, band: bandLabel(locale, d.code, r.band, r.bandLabel).toLocaleLowerCase(intlLocale(locale)), change: changeText(r.change, locale), b: (c) => <strong>{c}</strong> })}
                    {r.supersedesId && <span className="ml-1 text-slate-600">{t('view.corrected')}</span>}
                  </span>
                  <Button variant="secondary" onClick={() => setRetracting(r)} aria-label={t('view.retractLabel', { title: d.shortTitle, day: on(r.answeredAt) })}>
                    {t('view.retract')}
                  </Button>
                </li>
              ))}
            </ul>
          </Card>
        );
      })}
      {retracting && (
        <ConfirmDialog
          title={t('view.retractTitle')}
          confirmLabel={t('view.retract')}
          pending={retract.isPending}
          onConfirm={() => retract.mutate(retracting.id)}
          onCancel={() => {
            setRetracting(null);
            retract.reset();
          }}
        >
          <p>
            {t('view.retractBody', { title: titleOf(retracting.questionnaire), day: on(retracting.answeredAt) })}
          </p>
          {retract.error && <MutationError error={retract.error} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
