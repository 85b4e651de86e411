// The inviter's open invitations (address or desk code, role, until when), each with Withdraw.
import { Empty } from '@/components/ui/states';
import type { SentInvitation } from '@/lib/data/invitations';
import { ApiActionButton } from './api-action-button';

const ROLE = { DOCTOR: 'doctor', CAREGIVER: 'caregiver', PATIENT: 'patient' } as const;

export function SentInvitations({ invitations, timeZone }: { invitations: SentInvitation[]; timeZone: string }) {
  if (invitations.length === 0) return <Empty>No invitation is waiting for an answer.</Empty>;
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  return (
    <ul className="divide-y divide-slate-100">
      {invitations.map((inv) => (
        <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="sent-invitation">
          <p className="text-sm break-all text-slate-800">
            {inv.email ?? 'Desk code'} · as {ROLE[inv.role]} · until <time dateTime={inv.expiresAt}>{format.format(new Date(inv.expiresAt))}</time>
          </p>
          <ApiActionButton path={`/api/v1/care-team/invitations/${inv.id}`} method="DELETE" label="Withdraw" variant="danger" ariaLabel={`Withdraw the invitation to ${inv.email ?? 'the desk code'}`} />
        </li>
      ))}
    </ul>
  );
}
