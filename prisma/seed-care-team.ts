// The demo's care teams, formed the way people form them (issue 15): an invitation by e-mail or a doctor's
// desk code, accepted by the invitee through lib/data/invitations.ts, so the demo shows what the product
// does (the invitation mails are in the development outbox) and never a team the product could not make.
import type { Role } from '../lib/generated/prisma/enums';
import type { Permissions } from '../lib/data/care-team';
import { acceptInvitation, createDeskCode, createInvitation, redeemDeskCode } from '../lib/data/invitations';

type Account = { id: string; role: Role };

/** `from` invites `to` (by address) as a doctor or caregiver; `to` accepts. */
export async function joinByInvitation(from: Account, to: Account & { email: string }, permissions?: Permissions): Promise<void> {
  const role = to.role as 'DOCTOR' | 'CAREGIVER' | 'PATIENT';
  const { id } = await createInvitation(from, { email: to.email, role, permissions });
  await acceptInvitation(to, id);
}

/** A patient at the doctor's desk types the doctor's code, then accepts. */
export async function joinByDeskCode(doctor: Account, patient: Account): Promise<void> {
  const { code } = await createDeskCode(doctor);
  const { id } = await redeemDeskCode(patient, code);
  await acceptInvitation(patient, id);
}
