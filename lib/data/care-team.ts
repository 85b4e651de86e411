// The patient's care team as access actually works (lib/data/access.ts, notifications): a link grants
// something only while it is active, the carer's account is enabled and their role matches the link.
// Doctors always see the data and receive alerts (at once or in a daily digest) and cannot log data;
// caregivers have exactly the permissions on their link.
import type { Caller } from '../auth/session';
import { prisma } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { isUuid } from './access';
import { maybeDisplayName, searchableDisplayName } from './profile-fields';
import { decryptEmail } from './user-email';

export type Permissions = { view: boolean; logData: boolean; receiveAlerts: boolean };
export type CareTeamMember = {
  id: string; // the care relationship
  linkId: string; // the same id, under the name the care-team routes use (/api/v1/care-team/{linkId})
  role: 'DOCTOR' | 'CAREGIVER';
  name: string;
  email: string;
  since: string;
  permissions: Permissions;
  alertDelivery: 'immediate' | 'daily_digest' | 'none' | null; // doctors only
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
      linkId: link.id,
      role: link.kind,
      name: (await maybeDisplayName(link.carerId, link.carer.profile?.displayName ?? null)) || email,
      email,
      since: link.createdAt.toISOString(),
      permissions: doctor ? { view: true, logData: false, receiveAlerts: true } : { view: link.canView, logData: link.canLogData, receiveAlerts: link.canReceiveAlerts },
      alertDelivery: doctor ? (({ IMMEDIATE: 'immediate', DAILY_DIGEST: 'daily_digest', NONE: 'none' }) as const)[link.alertDelivery] : null,
    };
    (doctor ? team.doctors : team.caregivers).push(member);
  }
  return team;
}

/**
 * The patient changes what a caregiver may do; takes effect on the next request. A doctor's link has
 * fixed permissions (409); someone else's link, an ended or unknown one, is 404.
 */
export async function changeCaregiverPermissions(patientId: string, linkId: string, change: Partial<Permissions>): Promise<Permissions> {
  if (!isUuid(linkId)) throw notFound('care link');
  const link = await prisma.careRelationship.findFirst({ where: { id: linkId, patientId, revokedAt: null }, select: { kind: true } });
  if (!link) throw notFound('care link');
  if (link.kind !== 'CAREGIVER') {
    throw new ApiError('CONFLICT', "a doctor's permissions are fixed", [{ field: 'permissions', reason: "a doctor's permissions are fixed" }]);
  }
  const saved = await prisma.careRelationship.update({
    where: { id: linkId },
    data: { canView: change.view, canLogData: change.logData, canReceiveAlerts: change.receiveAlerts },
  });
  return { view: saved.canView, logData: saved.canLogData, receiveAlerts: saved.canReceiveAlerts };
}

/**
 * Ends an active link: the patient ends any of theirs, a doctor or caregiver leaves one of theirs, an
 * admin ends any. From the next request on, access.ts finds no link (404). Anything else is 404.
 */
export async function endCareLink(caller: Caller, linkId: string): Promise<void> {
  if (!isUuid(linkId)) throw notFound('care link');
  const whose = caller.role === 'ADMIN' ? {} : { OR: [{ patientId: caller.id }, { carerId: caller.id }] };
  const { count } = await prisma.careRelationship.updateMany({ where: { id: linkId, revokedAt: null, ...whose }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound('care link');
}

export type AdminCareLink = {
  id: string;
  kind: 'DOCTOR' | 'CAREGIVER';
  patient: { id: string; name: string | null };
  carer: { id: string; name: string | null };
  permissions: Permissions;
  createdAt: string;
};

/** Active links, newest first, for the admin console (names only: no addresses, no health data). */
export async function listActiveCareLinks(limit = 200): Promise<AdminCareLink[]> {
  const person = { select: { profile: { select: { displayName: true } } } };
  const links = await prisma.careRelationship.findMany({
    where: { revokedAt: null },
    include: { patient: person, carer: person },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  // A shredded account's name is unreadable: shown as null rather than failing the list.
  const name = (userId: string, user: { profile: { displayName: string } | null }) => searchableDisplayName(userId, user.profile?.displayName ?? null);
  return Promise.all(links.map(async (l) => ({
    id: l.id,
    kind: l.kind,
    patient: { id: l.patientId, name: await name(l.patientId, l.patient) },
    carer: { id: l.carerId, name: await name(l.carerId, l.carer) },
    permissions: l.kind === 'DOCTOR' ? { view: true, logData: false, receiveAlerts: true } : { view: l.canView, logData: l.canLogData, receiveAlerts: l.canReceiveAlerts },
    createdAt: l.createdAt.toISOString(),
  })));
}
