'use client';

// Today so far for a patient the caregiver may view: the day's aggregates of the everyday types. The
// day is not over, so each value says what part it is (steps so far, a night that may still be going
// on) and none is compared with whole days.
import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { summaryOptions } from '@/components/doctor/queries';
import { Card } from '@/components/ui/card';
import { Empty, ErrorMessage, Loading } from '@/components/ui/states';
import { formatValue, typeLabelIn, type UnitPreferences } from '@/lib/format/health';
import type { HealthType } from '@/lib/health';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

const TYPES: HealthType[] = ['STEPS', 'RESTING_HEART_RATE', 'SLEEP_STATE', 'BLOOD_GLUCOSE', 'BLOOD_PRESSURE_SYSTOLIC', 'BLOOD_PRESSURE_DIASTOLIC', 'WEIGHT'];

/**
 * What part of a running day each value is, in the reader's language. The type's name comes from
 * `types.names` (the message holds only "{type} so far"), so this namespace names no health type.
 */
export function todayLabel(type: HealthType, locale: Locale = 'en'): string {
  const t = translator(locale, 'caregiver');
  const name = typeLabelIn(type, locale);
  if (type === 'STEPS') return t('today.soFar', { type: name });
  if (type === 'SLEEP_STATE') return t('today.sleep', { type: name });
  if (type === 'WEIGHT') return t('today.latest', { type: name });
  return t('today.average', { type: name });
}

export function TodaySummary({ patientId, today, units }: { patientId: string; today: string; units: UnitPreferences }) {
  const { data, error, isPending, refetch } = useQuery(summaryOptions(patientId, today));
  const t = useTranslations('caregiver.today');
  const locale = useLocale();
  const shown = TYPES.filter((type) => data?.types[type] !== undefined);
  return (
    <Card title={t('title')}>
      {isPending ? (
        <Loading label={t('loading')} />
      ) : error ? (
        <ErrorMessage error={error} retry={() => void refetch()} />
      ) : shown.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {shown.map((type) => (
            <div key={type} className="rounded-md bg-slate-50 p-2">
              <dt className="text-xs text-slate-700">{todayLabel(type, locale)}</dt>
              <dd className="text-base font-semibold text-slate-900">{formatValue(type, data.types[type]!, units, locale)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
