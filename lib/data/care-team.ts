// The patient's care team as access actually works (lib/data/access.ts, notifications): a link grants
// something only while it is active, the carer's account is enabled and their role matches the link.
// Doctors always see the data and receive alerts (at once or in a daily digest) and cannot log data;
// caregivers have exactly the permissions on their link.
import { prisma } from '../db/client';
import { maybeDisplayName } from './profile-fields';
import { decryptEmail } from './user-email';

export type Permissions = { view: boolean; logData: boolean; receiveAlerts: boolean };
export type CareTeamMember = {
  id: string; // the care relationship
  name: string;
  email: string;
  since: string;
  permissions: Permissions;
  alertDelivery: 'immediate' | 'daily_digest' | null; // doctors only
};
export type CareTeam = { doctors: CareTeamMember[]; caregivers: CareTeamMember[] };

export async function findCareTeam(patientId: string): Promise<CareTeam> {
  const links = await prisma.careRelationship.findMany({
    where: { patientId, revokedAt: null, carer: { disabledAt: null } },
    select: {
      id: true,
      kind: true,
      canView: true,
      canLogData: true,
      canReceiveAlerts: true,
      alertDelivery: true,
      createdAt: true,
      carerId: true,
      carer: { select: { emailCiphertext: true, role: true, profile: { select: { displayName: true } } } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const team: CareTeam = { doctors: [], caregivers: [] };
  for (const link of links) {
    if (link.carer.role !== link.kind) continue; // such a link grants nothing (access.ts checks the role)
    const doctor = link.kind === 'DOCTOR';
    const email = await decryptEmail(link.carerId, link.carer.emailCiphertext);
    const member: CareTeamMember = {
      id: link.id,
      name: (await maybeDisplayName(link.carerId, link.carer.profile?.displayName ?? null)) || email,
      email,
      since: link.createdAt.toISOString(),
      permissions: doctor ? { view: true, logData: false, receiveAlerts: true } : { view: link.canView, logData: link.canLogData, receiveAlerts: link.canReceiveAlerts },
      alertDelivery: doctor ? (link.alertDelivery === 'DAILY_DIGEST' ? 'daily_digest' : 'immediate') : null,
    };
    (doctor ? team.doctors : team.caregivers).push(member);
  }
  return team;
}
