'use client';

// The diabetes profile (type, year of diagnosis, target HbA1c, which consensus glucose targets apply),
// shown and, for whoever may edit it, edited in place: the patient on their settings page (PATCH
// /api/v1/users/me/diabetes-profile), their doctor on the patient's page (PATCH /api/v1/patients/{id}/
// diabetes-profile). The API names any field it refuses; nothing changes then.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import type { DiabetesProfile } from '@/lib/data/diabetes-profile';
import { localDigits } from '@/lib/format/health';
import { apiFetch } from '@/lib/query/api';

const TYPES = ['TYPE_1', 'TYPE_2', 'GESTATIONAL', 'PREDIABETES', 'OTHER'] as const;
const PRESETS = ['STANDARD', 'OLDER_HIGH_RISK', 'PREGNANCY_TYPE_1'] as const;
const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900';

export function DiabetesProfileForm({ profile, endpoint, canEdit, idPrefix }: { profile: DiabetesProfile; endpoint: string; canEdit: boolean; idPrefix: string }) {
  const router = useRouter();
  const t = useTranslations('glucose');
  const locale = useLocale();
  const [current, setCurrent] = useState(profile);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  async function save(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body = {
      diabetesType: text('diabetesType') || null,
      diagnosisYear: text('diagnosisYear') ? Number(text('diagnosisYear')) : null,
      targetHba1c: text('targetHba1c') ? Number(text('targetHba1c')) : null,
      targetPreset: text('targetPreset') || 'STANDARD',
    };
    setError(null);
    setSaved(false);
    try {
      setCurrent(await apiFetch<DiabetesProfile>(endpoint, { method: 'PATCH', json: body }));
      setEditing(false);
      setSaved(true);
      startTransition(() => router.refresh()); // the metrics shown beside it follow the new targets
    } catch (e) {
      setError(e);
    }
  }

  if (!editing) {
    return (
      <div className="space-y-2 text-sm">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <div><dt className="text-slate-600">{t('profile.type')}</dt><dd className="font-medium text-slate-900">{current.diabetesType ? t(`types.${current.diabetesType}`) : t('profile.notSet')}</dd></div>
          <div><dt className="text-slate-600">{t('profile.diagnosed')}</dt><dd className="font-medium text-slate-900">{current.diagnosisYear === null ? t('profile.notSet') : localDigits(String(current.diagnosisYear), locale)}</dd></div>
          <div><dt className="text-slate-600">{t('profile.targetHba1c')}</dt><dd className="font-medium text-slate-900">{current.targetHba1c === null ? t('profile.notSet') : t('profile.percent', { value: localDigits(String(current.targetHba1c), locale) })}</dd></div>
          <div><dt className="text-slate-600">{t('profile.targets')}</dt><dd className="font-medium text-slate-900">{t(`presets.${current.targetPreset}`)}</dd></div>
        </dl>
        {saved && <p role="status" className="text-teal-800">{t('profile.saved')}</p>}
        {canEdit && <Button variant="secondary" onClick={() => setEditing(true)}>{t('profile.edit')}</Button>}
      </div>
    );
  }
  return (
    <form action={save} className="grid gap-3 sm:grid-cols-2" aria-label={t('profile.edit')}>
      <label className="text-sm text-slate-700" htmlFor={`${idPrefix}-type`}>{t('profile.type')}
        <select id={`${idPrefix}-type`} name="diabetesType" defaultValue={current.diabetesType ?? ''} className={field}>
          <option value="">{t('profile.notSet')}</option>
          {TYPES.map((type) => <option key={type} value={type}>{t(`types.${type}`)}</option>)}
        </select>
      </label>
      <label className="text-sm text-slate-700" htmlFor={`${idPrefix}-year`}>{t('profile.year')}
        <input id={`${idPrefix}-year`} name="diagnosisYear" type="number" inputMode="numeric" min={1900} max={new Date().getFullYear()} step={1} defaultValue={current.diagnosisYear ?? ''} className={field} />
      </label>
      <label className="text-sm text-slate-700" htmlFor={`${idPrefix}-hba1c`}>{t('profile.hba1cField')}
        <input id={`${idPrefix}-hba1c`} name="targetHba1c" type="number" inputMode="decimal" min={4} max={12} step={0.1} defaultValue={current.targetHba1c ?? ''} className={field} />
      </label>
      <label className="text-sm text-slate-700" htmlFor={`${idPrefix}-preset`}>{t('profile.targets')}
        <select id={`${idPrefix}-preset`} name="targetPreset" defaultValue={current.targetPreset} className={field}>
          {PRESETS.map((p) => <option key={p} value={p}>{t(`presets.${p}`)}</option>)}
        </select>
      </label>
      {error !== null && <div className="sm:col-span-2"><MutationError error={error} /></div>}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>{t('profile.save')}</Button>
        <Button variant="secondary" onClick={() => { setEditing(false); setError(null); }}>{t('profile.cancel')}</Button>
      </div>
    </form>
  );
}
