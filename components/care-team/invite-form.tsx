'use client';

// Invite someone into a care team by e-mail: a patient invites a doctor or caregiver (choosing a
// caregiver's permissions), a doctor a patient. The invitee gets an e-mail with the link.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { MutationError } from '@/components/patient/mutation-error';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/query/api';

type Role = 'DOCTOR' | 'CAREGIVER' | 'PATIENT';
const LABELS: Record<Role, string> = { DOCTOR: 'Doctor', CAREGIVER: 'Caregiver', PATIENT: 'Patient' };
const PERMISSIONS = [
  ['view', 'May see my health data'],
  ['logData', 'May log data for me'],
  ['receiveAlerts', 'Receives my alerts'],
] as const;

export function InviteForm({ roles }: { roles: Role[] }) {
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const [permissions, setPermissions] = useState({ view: true, logData: false, receiveAlerts: false });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await apiFetch('/api/v1/care-team/invitations', { json: { email, role, ...(role === 'CAREGIVER' ? { permissions } : {}) } });
      setSentTo(email);
      setEmail('');
      router.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Invite to the care team">
      <div className="flex flex-wrap gap-3">
        <label className="flex min-w-60 flex-1 flex-col text-sm font-medium text-slate-800">
          E-mail address
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 font-normal" />
        </label>
        {roles.length > 1 && (
          <label className="flex flex-col text-sm font-medium text-slate-800">
            Invite as
            <select value={role} onChange={(e) => setRole(e.target.value as Role)} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 font-normal">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {role === 'CAREGIVER' && (
        <fieldset className="flex flex-wrap gap-4 text-sm text-slate-800">
          <legend className="mb-1 font-medium">What the caregiver may do</legend>
          {PERMISSIONS.map(([key, label]) => (
            <label key={key} className="inline-flex items-center gap-2">
              <input type="checkbox" checked={permissions[key]} onChange={(e) => setPermissions({ ...permissions, [key]: e.target.checked })} />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        Send invitation
      </Button>
      {sentTo && <p role="status" className="text-sm text-teal-800">Invitation sent to {sentTo}.</p>}
      {error !== null && <MutationError error={error} />}
    </form>
  );
}
