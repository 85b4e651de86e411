'use client';

// How notifications reach the person: channels per kind (in the app always), quiet hours, values in
// messages outside the app, the caregivers' daily digest and a patient's escalation timings. Saves the
// whole form at once; the server names any field it refuses.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { InputField } from '@/components/entry/fields';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { NotificationPreferences } from '@/lib/data/notification-preferences';
import type { NotificationChannel } from '@/lib/generated/prisma/enums';
import { type NotificationCategory, NOTIFICATION_CATEGORIES } from '@/lib/notify/preferences';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { useTranslations } from 'use-intl';

// Labels: settings.notifications.categories.<category>, .channels.<channel>, .escalation.<field>.
const CHANNELS: NotificationChannel[] = ['EMAIL', 'PUSH'];
const ESCALATION_FIELDS = ['escalateAfterMinutes', 'escalateAgainAfterMinutes', 'recheckAfterMinutes'] as const;

/** The server's reason for each refused field (English: the API's words), under a translated lead. */
function fieldErrors(error: unknown, lead: (reason: string) => string): Record<string, string> {
  if (!(error instanceof ApiRequestError) || !Array.isArray(error.details)) return {};
  return Object.fromEntries((error.details as { field?: string; reason?: string }[]).flatMap((d) => (d.field && d.reason ? [[d.field, lead(d.reason)]] : [])));
}

export function NotificationPreferencesForm({ initial, role }: { initial: NotificationPreferences; role: string }) {
  const t = useTranslations('settings.notifications');
  const account = useTranslations('account');
  const [channels, setChannels] = useState(initial.channels);
  const [quietOn, setQuietOn] = useState(initial.quietHours !== null);
  const [quiet, setQuiet] = useState(initial.quietHours ?? { start: '22:00', end: '07:00' });
  const [values, setValues] = useState(initial.valuesInMessages);
  const [digest, setDigest] = useState(initial.caregiverDigest);
  const [escalation, setEscalation] = useState(initial.escalation);
  const save = useMutation({ mutationFn: (body: object) => apiFetch<NotificationPreferences>('/api/v1/users/me/notification-preferences', { method: 'PATCH', json: body }) });
  const errors = save.isError ? fieldErrors(save.error, (reason) => account('fieldReason', { reason })) : {};

  const toggle = (category: NotificationCategory, channel: NotificationChannel, on: boolean) =>
    setChannels({ ...channels, [category]: on ? [...channels[category], channel] : channels[category].filter((c) => c !== channel) });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      channels,
      quietHours: quietOn ? quiet : null,
      valuesInMessages: values,
      ...(role === 'CAREGIVER' ? { caregiverDigest: digest } : {}),
      ...(escalation ? { escalation } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="notifications-heading">
      <Card title={<span id="notifications-heading">{t('title')}</span>}>
        <div className="space-y-5 text-sm text-slate-800">
          <fieldset>
            <legend className="font-medium text-slate-900">{t('howEach')}</legend>
            {!initial.available.email && <p className="mt-1 text-xs text-amber-800">{t('verifyFirst')}</p>}
            {initial.available.pushBrowsers === 0 && <p className="mt-1 text-xs text-slate-600">{t('pushOnceOn')}</p>}
            <table className="mt-2 w-full text-left">
              <thead>
                <tr className="text-xs text-slate-600">
                  <th scope="col" className="py-1 font-medium">{t('kind')}</th>
                  {CHANNELS.map((c) => <th key={c} scope="col" className="py-1 font-medium">{t(`channels.${c}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {NOTIFICATION_CATEGORIES.map((category) => (
                  <tr key={category} className="border-t border-slate-100">
                    <th scope="row" className="py-2 font-normal">{t(`categories.${category}`)}</th>
                    {CHANNELS.map((c) => (
                      <td key={c} className="py-2">
                        <input
                          type="checkbox"
                          aria-label={t(`by.${c}`, { category: t(`categories.${category}`) })}
                          checked={channels[category].includes(c)}
                          onChange={(e) => toggle(category, c, e.target.checked)}
                          className="h-4 w-4 accent-teal-700"
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>

          <fieldset className="space-y-2">
            <legend className="font-medium text-slate-900">{t('quietHours')}</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={quietOn} onChange={(e) => setQuietOn(e.target.checked)} className="h-4 w-4 accent-teal-700" />
              {t('quietHold')}
            </label>
            {quietOn && (
              <div className="grid max-w-xs grid-cols-2 gap-3">
                <InputField name="quietStart" type="time" label={t('from')} value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} error={errors['quietHours.start']} />
                <InputField name="quietEnd" type="time" label={t('until')} value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} error={errors['quietHours.end']} />
              </div>
            )}
          </fieldset>

          <label className="flex items-start gap-2">
            <input type="checkbox" checked={values} onChange={(e) => setValues(e.target.checked)} className="mt-0.5 h-4 w-4 accent-teal-700" />
            <span>
              {t('values')}
              <span className="block text-xs text-slate-600">{t('valuesOff')}</span>
            </span>
          </label>

          {role === 'CAREGIVER' && (
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={digest} onChange={(e) => setDigest(e.target.checked)} className="h-4 w-4 accent-teal-700" />
              {t('digest')}
            </label>
          )}

          {escalation && (
            <fieldset className="space-y-2">
              <legend className="font-medium text-slate-900">{t('escalationTitle')}</legend>
              <div className="grid gap-3 sm:grid-cols-3">
                {ESCALATION_FIELDS.map((key) => (
                  <InputField key={key} name={key} type="number" min={1} label={t(`escalation.${key}`)} value={escalation[key]}
                    onChange={(e) => setEscalation({ ...escalation, [key]: Number(e.target.value) })} error={errors[`escalation.${key}`]} />
                ))}
              </div>
            </fieldset>
          )}

          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={save.isPending}>{save.isPending ? t('saving') : t('save')}</Button>
            <p role="status" aria-live="polite" className="text-sm text-slate-700">{save.isSuccess ? t('saved') : ''}</p>
          </div>
          {save.isError && <p role="alert" className="text-sm font-medium text-red-800">{Object.keys(errors).length > 0 ? t('someNotSaved') : t('notSavedReason', { reason: save.error.message })}</p>}
        </div>
      </Card>
    </form>
  );
}
