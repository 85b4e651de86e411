'use client';

// The patient turns a caregiver's permissions on and off; each change applies from the carer's next request.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { apiFetch } from '@/lib/query/api';

type Permissions = { view: boolean; logData: boolean; receiveAlerts: boolean };
const KEYS = ['view', 'logData', 'receiveAlerts'] as const;

export function PermissionToggles({ linkId, name, permissions }: { linkId: string; name: string; permissions: Permissions }) {
  const router = useRouter();
  const t = useTranslations('careTeam');
  const [current, setCurrent] = useState(permissions);
  const [error, setError] = useState<unknown>(null);
  async function change(key: keyof Permissions, value: boolean) {
    setError(null);
    try {
      const saved = await apiFetch<{ permissions: Permissions }>(`/api/v1/care-team/${linkId}`, { method: 'PATCH', json: { permissions: { [key]: value } } });
      setCurrent(saved.permissions);
      router.refresh();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <fieldset className="mt-2 flex flex-wrap gap-4 text-sm text-slate-800">
      <legend className="sr-only">{t('memberMay', { name })}</legend>
      {KEYS.map((key) => (
        <label key={key} className="inline-flex items-center gap-2">
          <input type="checkbox" checked={current[key]} onChange={(e) => void change(key, e.target.checked)} />
          {t(`memberPermissions.${key}.yes`)}
        </label>
      ))}
      {error !== null && <MutationError error={error} />}
    </fieldset>
  );
}
