// The invitations waiting for the signed-in person (doctor, caregiver or patient): who invites, as what,
// until when, with accept and decline. Nothing is shown when there are none.
import { Card } from '@/components/ui/card';
import type { ReceivedInvitation } from '@/lib/data/invitations';
import { ApiActionButton } from './api-action-button';

const AS = { DOCTOR: 'as their doctor', CAREGIVER: 'as a caregiver', PATIENT: 'as their patient' } as const;

export function ReceivedInvitations({ invitations, timeZone = 'UTC' }: { invitations: ReceivedInvitation[]; timeZone?: string }) {
  if (invitations.length === 0) return null;
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  return (
    <Card title={`Invitations (${invitations.length})`}>
      <ul className="divide-y divide-slate-100">
        {invitations.map((inv) => (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="received-invitation">
            <p className="text-sm text-slate-800">
              <strong>{inv.from.name}</strong> invites you {AS[inv.role]} · until <time dateTime={inv.expiresAt}>{format.format(new Date(inv.expiresAt))}</time>
            </p>
            <span className="flex gap-2">
              <ApiActionButton path={`/api/v1/invitations/${inv.id}/accept`} method="POST" label="Accept" variant="primary" ariaLabel={`Accept the invitation from ${inv.from.name}`} />
              <ApiActionButton path={`/api/v1/invitations/${inv.id}/decline`} method="POST" label="Decline" ariaLabel={`Decline the invitation from ${inv.from.name}`} />
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
