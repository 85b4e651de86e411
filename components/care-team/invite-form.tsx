'use client';

// Invite someone into a care team by e-mail: a patient invites a doctor or caregiver (choosing a
// caregiver's permissions), a doctor a patient. The invitee gets an e-mail with the link. The address is
// checked here first, so the message is in the reader's language (the browser's own would be in the
// browser's); the API checks again, by the same schema.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { invitationInputSchema } from '@/lib/api/invitations';
import { apiFetch } from '@/lib/query/api';

type Role = 'DOCTOR' | 'CAREGIVER' | 'PATIENT';
const PERMISSIONS = ['view', 'logData', 'receiveAlerts'] as const;

export function InviteForm({ roles }: { roles: Role[] }) {
  const router = useRouter();
  const t = useTranslations('careTeam.invite');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const [permissions, setPermissions] = useState({ view: true, logData: false, receiveAlerts: false });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const address = email.trim();
    if (!invitationInputSchema.shape.email.safeParse(address).success) { // the API's own rule
      setInvalid(address === '' ? t('emailMissing') : t('emailInvalid'));
      return;
    }
    setInvalid(null);
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/v1/care-team/invitations', { json: { email: address, role, ...(role === 'CAREGIVER' ? { permissions } : {}) } });
      setSentTo(address);
      setEmail('');
      router.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3" aria-label={t('formLabel')}>
      <div className="flex flex-wrap gap-3">
        <label className="flex min-w-60 flex-1 flex-col text-sm font-medium text-slate-800">
          {t('email')}
          <input
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={invalid !== null}
            aria-describedby={invalid ? 'invite-email-error' : undefined}
            className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 font-normal"
          />
        </label>
        {roles.length > 1 && (
          <label className="flex flex-col text-sm font-medium text-slate-800">
            {t('inviteAs')}
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 font-normal">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {invalid && <p id="invite-email-error" className="text-sm text-red-700">{invalid}</p>}
      {role === 'CAREGIVER' && (
        <fieldset className="flex flex-wrap gap-4 text-sm text-slate-800">
          <legend className="mb-1 font-medium">{t('permissionsLegend')}</legend>
          {PERMISSIONS.map((key) => (
            <label key={key} className="inline-flex items-center gap-2">
              <input type="checkbox" checked={permissions[key]} onChange={(e) => setPermissions({ ...permissions, [key]: e.target.checked })} />
              {t(`permissions.${key}`)}
            </label>
          ))}
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {t('send')}
      </Button>
      {sentTo && <p role="status" className="text-sm text-teal-800">{t('sentTo', { email: sentTo })}</p>}
      {error !== null && <MutationError error={error} />}
    </form>
  );
}
