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

const UNIT_FIELDS: { key: keyof Units; label: string; options: [string, string][] }[] = [
  { key: 'glucose', label: 'Blood glucose', options: [['mg/dL', 'mg/dL'], ['mmol/L', 'mmol/L']] },
  { key: 'weight', label: 'Weight', options: [['kg', 'Kilograms (kg)'], ['lb', 'Pounds (lb)']] },
  { key: 'distance', label: 'Distance', options: [['km', 'Kilometres (km)'], ['mi', 'Miles (mi)']] },
  { key: 'temperature', label: 'Temperature', options: [['°C', 'Celsius (°C)'], ['°F', 'Fahrenheit (°F)']] },
];

type Patch = { displayName?: string; timeZone?: string; units?: Partial<Units> };

function changes(saved: Settings, name: string, zone: string, units: Units): Patch {
  const patch: Patch = {};
  if (name.trim() !== saved.displayName) patch.displayName = name;
  if (zone !== saved.timeZone) patch.timeZone = zone;
  const changedUnits = UNIT_FIELDS.filter(({ key }) => units[key] !== saved.units[key]).map(({ key }) => [key, units[key]]);
  if (changedUnits.length > 0) patch.units = Object.fromEntries(changedUnits);
  return patch;
}

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || !Array.isArray(error.details)) return {};
  return Object.fromEntries(
    (error.details as { field?: string; reason?: string }[]).flatMap((d) => (d.field && d.reason ? [[d.field, d.reason.charAt(0).toUpperCase() + d.reason.slice(1) + '.']] : [])),
  );
}

const noSubscription = () => () => {};

export function SettingsForm({ initial, zoneGroups }: { initial: Settings; zoneGroups: [string, string[]][] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [name, setName] = useState(initial.displayName);
  const [zone, setZone] = useState(initial.timeZone);
  const [units, setUnits] = useState<Units>(initial.units);
  const [message, setMessage] = useState<string | null>(null);
  // Until React has hydrated, a submit would be the browser's own GET with the values in the URL.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const mutation = useMutation({ mutationFn: (patch: Patch) => apiFetch<Settings>('/api/v1/users/me/settings', { method: 'PATCH', json: patch }) });
  const errors = mutation.isError ? fieldErrors(mutation.error) : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch = changes(saved, name, zone, units);
    if (Object.keys(patch).length === 0) {
      setMessage('Nothing has changed.');
      return;
    }
    setMessage(null);
    mutation.mutate(patch, {
      onSuccess: (next) => {
        setSaved(next);
        setName(next.displayName);
        setMessage(
          patch.timeZone
            ? `Saved. Your days are being recalculated for ${next.timeZone.replace(/_/g, ' ')}; charts update within a minute or two.`
            : 'Saved.',
        );
        router.refresh(); // the header shows the display name
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Card title="Profile">
        <InputField name="displayName" label="Display name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="name" error={errors.displayName} />
      </Card>

      <Card title="Time zone">
        <SelectField
          name="timeZone"
          label="Your time zone"
          hint="Your days, weeks and months start at midnight here. Changing it recalculates your whole history."
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

      <Card title="Units">
        <div className="grid gap-4 sm:grid-cols-2">
          {UNIT_FIELDS.map(({ key, label, options }) => (
            <fieldset key={key}>
              <legend className="text-sm font-medium text-slate-800">{label}</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {options.map(([value, text]) => (
                  <label key={value} className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-600">
                    <input type="radio" name={`units.${key}`} value={value} checked={units[key] === value} onChange={() => setUnits({ ...units, [key]: value } as Units)} className="accent-teal-700" />
                    {text}
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
          {mutation.isPending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm text-teal-900 empty:hidden">
        {message}
      </div>
      <div role="alert" className="empty:hidden">
        {mutation.isError && (
          <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            Not saved: {Object.keys(errors).length > 0 ? 'please check the marked fields.' : mutation.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
