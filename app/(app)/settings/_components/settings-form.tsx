'use client';

// The settings form: sends only what changed. A new time zone recalculates every day of the history in the
// background, which the success message says.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { InputField, SelectField } from '@/components/entry/fields';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Settings, Units } from '@/lib/data/settings';
import { ApiRequestError, apiFetch } from '@/lib/query/api';
import { useTranslations } from 'use-intl';

// Each unit's label is settings.form.unitNames.<key>, each option's settings.form.unitOptions.<option key>
// (mg/dL and mmol/L are written the same in every language).
const UNIT_FIELDS = [
  { key: 'glucose', options: [['mg/dL', 'mgdl'], ['mmol/L', 'mmoll']] },
  { key: 'weight', options: [['kg', 'kg'], ['lb', 'lb']] },
  { key: 'distance', options: [['km', 'km'], ['mi', 'mi']] },
  { key: 'temperature', options: [['°C', 'c'], ['°F', 'f']] },
] as const satisfies readonly { key: keyof Units; options: readonly (readonly [string, string])[] }[];

type Patch = { displayName?: string; timeZone?: string; units?: Partial<Units> };

function changes(saved: Settings, name: string, zone: string, units: Units): Patch {
  const patch: Patch = {};
  if (name.trim() !== saved.displayName) patch.displayName = name;
  if (zone !== saved.timeZone) patch.timeZone = zone;
  const changedUnits = UNIT_FIELDS.filter(({ key }) => units[key] !== saved.units[key]).map(({ key }) => [key, units[key]]);
  if (changedUnits.length > 0) patch.units = Object.fromEntries(changedUnits);
  return patch;
}

/** The server's reason for each refused field (English: the API's words), under a translated lead. */
function fieldErrors(error: unknown, lead: (reason: string) => string): Record<string, string> {
  if (!(error instanceof ApiRequestError) || !Array.isArray(error.details)) return {};
  return Object.fromEntries((error.details as { field?: string; reason?: string }[]).flatMap((d) => (d.field && d.reason ? [[d.field, lead(d.reason)]] : [])));
}

const noSubscription = () => () => {};

export function SettingsForm({ initial, zoneGroups }: { initial: Settings; zoneGroups: [string, string[]][] }) {
  const router = useRouter();
  const t = useTranslations('settings.form');
  const account = useTranslations('account');
  const [saved, setSaved] = useState(initial);
  const [name, setName] = useState(initial.displayName);
  const [zone, setZone] = useState(initial.timeZone);
  const [units, setUnits] = useState<Units>(initial.units);
  const [message, setMessage] = useState<string | null>(null);
  // Until React has hydrated, a submit would be the browser's own GET with the values in the URL.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const mutation = useMutation({ mutationFn: (patch: Patch) => apiFetch<Settings>('/api/v1/users/me/settings', { method: 'PATCH', json: patch }) });
  const errors = mutation.isError ? fieldErrors(mutation.error, (reason) => account('fieldReason', { reason })) : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch = changes(saved, name, zone, units);
    if (Object.keys(patch).length === 0) {
      setMessage(t('unchanged'));
      return;
    }
    setMessage(null);
    mutation.mutate(patch, {
      onSuccess: (next) => {
        setSaved(next);
        setName(next.displayName);
        setMessage(
          patch.timeZone ? t('savedZone', { zone: next.timeZone.replace(/_/g, ' ') }) : t('saved'),
        );
        router.refresh(); // the header shows the display name
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Card title={t('profile')}>
        <InputField name="displayName" label={t('displayName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="name" error={errors.displayName} />
      </Card>

      <Card title={t('timeZone')}>
        <SelectField
          name="timeZone"
          label={t('yourTimeZone')}
          hint={t('timeZoneHint')}
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          error={errors.timeZone}
        >
          {zoneGroups.map(([region, zones]) => (
            <optgroup key={region} label={region}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      </Card>

      <Card title={t('units')}>
        <div className="grid gap-4 sm:grid-cols-2">
          {UNIT_FIELDS.map(({ key, options }) => (
            <fieldset key={key}>
              <legend className="text-sm font-medium text-slate-800">{t(`unitNames.${key}`)}</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {options.map(([value, option]) => (
                  <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-600">
                    <input type="radio" name={`units.${key}`} value={value} checked={units[key] === value} onChange={() => setUnits({ ...units, [key]: value } as Units)} className="accent-teal-700" />
                    {t(`unitOptions.${option}`)}
                  </label>
                ))}
              </div>
              {errors[`units.${key}`] && <p className="mt-1 text-sm text-red-700">{errors[`units.${key}`]}</p>}
            </fieldset>
          ))}
        </div>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!hydrated || mutation.isPending}>
          {mutation.isPending ? t('saving') : t('save')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm text-teal-900 empty:hidden">
        {message}
      </div>
      <div role="alert" className="empty:hidden">
        {mutation.isError && (
          <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {Object.keys(errors).length > 0 ? t('notSavedFields') : t('notSavedReason', { reason: mutation.error.message })}
          </p>
        )}
      </div>
    </form>
  );
}
