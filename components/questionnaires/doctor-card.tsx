'use client';
// The questionnaires card of the doctor's patient page: the latest score of each questionnaire with its
// band, subscales and change since the time before, the patient's schedules (stop one), and a form to
// schedule one ("GAD-7 every 14 days"). The API refuses the schedule to anyone but a linked doctor.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { formatDay } from '@/components/patient/trends/periods';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorMessage } from '@/components/ui/states';
import type { ScheduleAnswer } from '@/lib/data/questionnaires-schedules';
import type { QuestionnaireDefinition } from '@/lib/questionnaires/definition';
import { apiFetch } from '@/lib/query/api';
import { answeredOn, bandLabel, changeText, subscaleTitle } from './format';
import { responsesQueryKey, schedulesQueryKey } from './query';
import type { ResponsesAnswer } from './questionnaires-view';

const inputClass = 'rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

export function QuestionnairesCard({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const qc = useQueryClient();
  const t = useTranslations('questionnaires.doctor');
  const locale = useLocale() as Locale;
  const on = (iso: string) => answeredOn(iso, timeZone, locale);
  const base = `/api/v1/patients/${patientId}/questionnaires`;
  const definitions = useQuery({ queryKey: ['questionnaire-definitions'], queryFn: () => apiFetch<{ questionnaires: QuestionnaireDefinition[] }>('/api/v1/questionnaires'), staleTime: Infinity });
  const responses = useQuery({ queryKey: responsesQueryKey(`${base}/responses`), queryFn: () => apiFetch<ResponsesAnswer>(`${base}/responses`) });
  const schedules = useQuery({ queryKey: schedulesQueryKey(patientId), queryFn: () => apiFetch<{ schedules: ScheduleAnswer[] }>(`${base}/schedules`) });
  const [questionnaire, setQuestionnaire] = useState('gad7');
  const [everyDays, setEveryDays] = useState('14');
  const refresh = () => qc.invalidateQueries({ queryKey: schedulesQueryKey(patientId) });
  const schedule = useMutation({ mutationFn: () => apiFetch(`${base}/schedules`, { json: { questionnaire, everyDays: Number(everyDays) } }), onSuccess: refresh });
  const stop = useMutation({ mutationFn: (id: string) => apiFetch(`${base}/schedules/${id}`, { method: 'DELETE' }), onSuccess: refresh });
  const list = definitions.data?.questionnaires ?? [];
  const active = schedules.data?.schedules.filter((s) => s.stoppedAt === null) ?? [];

  return (
    <Card title={t('title')}>
      {responses.error && <ErrorMessage error={responses.error} />}
      {responses.data && responses.data.latest.length === 0 && <p className="text-sm text-slate-700">{t('none')}</p>}
      <ul className="space-y-2">
        {responses.data?.latest.map((r) => (
          <li key={r.id} className="text-sm text-slate-900">
            {t.rich('latest', { title: r.title, score: r.score, max: r.maxScore, band: bandLabel(locale, r.questionnaire, r.band, r.bandLabel).toLocaleLowerCase(intlLocale(locale)), change: changeText(r.change, locale), day: on(r.answeredAt), b: (c) => <strong>{c}</strong> })}
            {r.subscales.length > 0 && (
              <span className="block text-slate-700">
                {r.subscales.map((s) => t(s.positive ? 'subscalePositive' : 'subscale', { title: subscaleTitle(locale, r.questionnaire, s.code, s.title), score: s.score, max: s.max })).join('; ')}
              </span>
            )}
            <span className="block text-xs text-slate-600">
              {t('earlier', { list: responses.data.responses.filter((o) => o.questionnaire === r.questionnaire && o.id !== r.id).slice(0, 5).map((o) => t('earlierItem', { score: o.score, day: on(o.answeredAt) })).join(', ') || t('earlierNone') })}
            </span>
          </li>
        ))}
      </ul>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('schedules')}</h3>
      {schedules.error && <ErrorMessage error={schedules.error} />}
      {active.length === 0 ? (
        <p className="text-sm text-slate-700">{t('noSchedules')}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {active.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 text-slate-900">
              {t(s.due ? 'scheduleDue' : 'schedule', { title: s.title, days: s.everyDays, next: formatDay(s.nextDueOn, 'year', locale) })}
              <Button variant="secondary" onClick={() => stop.mutate(s.id)} disabled={stop.isPending} aria-label={t('stopLabel', { title: s.title })}>
                {t('stop')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          schedule.mutate();
        }}
      >
        <label className="text-sm text-slate-800">
          {t('questionnaire')}
          <select value={questionnaire} onChange={(e) => setQuestionnaire(e.target.value)} className={`ml-1 ${inputClass}`}>
            {list.map((d) => <option key={d.code} value={d.code}>{d.shortTitle}</option>)}
          </select>
        </label>
        <label className="text-sm text-slate-800">
          {t('every')}
          <input type="number" min={1} max={365} value={everyDays} onChange={(e) => setEveryDays(e.target.value)} className={`mx-1 w-16 ${inputClass}`} />
          {t('days', { count: Number(everyDays) || 0 })}
        </label>
        <Button type="submit" disabled={schedule.isPending}>{t('submit')}</Button>
      </form>
      {schedule.error && <MutationError error={schedule.error} />}
      {stop.error && <MutationError error={stop.error} />}
    </Card>
  );
}
