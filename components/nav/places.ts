// The signed-in places of each role, in the desktop header's order, and the few a phone keeps in its
// bottom bar (the rest, with Settings, go behind its Menu). Plain data, shared by the server header and
// the phone's client components.
import type { Role } from '@/lib/generated/prisma/enums';
import type { Messages } from '@/lib/i18n/messages';

export type LinkKey = keyof Messages['nav']['links'];
export type Place = { href: string; key: LinkKey };

const place = (href: string, key: LinkKey): Place => ({ href, key });

export const LINKS: Record<Role, Place[]> = {
  PATIENT: [
    place('/dashboard', 'dashboard'), place('/trends', 'trends'), place('/report', 'report'), place('/timeline', 'timeline'),
    place('/medications', 'medications'), place('/labs', 'labs'), place('/record', 'record'), place('/questionnaires', 'questionnaires'),
    place('/meals', 'meals'), place('/entry', 'entry'), place('/devices', 'devices'), place('/care-team', 'careTeam'),
    place('/import', 'import'), place('/settings', 'settings'),
  ],
  DOCTOR: [place('/doctor', 'patients'), place('/shared-with-me', 'sharedWithMe')],
  CAREGIVER: [place('/caregiver', 'caredFor'), place('/shared-with-me', 'sharedWithMe')],
  ADMIN: [
    place('/admin', 'adminOverview'), place('/admin/users', 'adminUsers'), place('/admin/doctors', 'adminDoctors'),
    place('/admin/devices', 'adminDevices'), place('/admin/shares', 'adminShares'), place('/admin/care-links', 'adminCareLinks'),
    place('/admin/pipeline', 'adminPipeline'), place('/admin/deliveries', 'adminDeliveries'), place('/admin/audit', 'adminAudit'),
  ],
};

// What each role opens most: a patient logs and looks at today, a doctor or carer goes between the
// people they follow, what was shared and their alerts (the notifications, also behind the top bar's
// bell, but named here), an admin between users and the pipeline. Settings is behind every role's Menu
// (the desktop header links it for patients only; the page serves every role).
const BOTTOM: Record<Role, LinkKey[]> = {
  PATIENT: ['dashboard', 'entry', 'trends', 'medications'],
  DOCTOR: ['patients', 'sharedWithMe', 'notifications'],
  CAREGIVER: ['caredFor', 'sharedWithMe', 'notifications'],
  ADMIN: ['adminOverview', 'adminUsers', 'adminPipeline', 'adminAudit'],
};

export function desktopLinks(role: Role, outbox: boolean): Place[] {
  return [...LINKS[role], ...(role === 'ADMIN' && outbox ? [place('/admin/outbox', 'adminOutbox')] : [])];
}

/** The phone's split: the bottom bar's places (in BOTTOM's order) and the Menu's (the header's order). */
export function phonePlaces(role: Role, outbox: boolean): { bottom: Place[]; menu: Place[] } {
  const all = desktopLinks(role, outbox);
  if (!all.some((p) => p.key === 'settings')) all.push(place('/settings', 'settings'));
  if (BOTTOM[role].includes('notifications')) all.push(place('/notifications', 'notifications'));
  const bottom = BOTTOM[role].map((key) => all.find((p) => p.key === key)).filter((p): p is Place => p !== undefined);
  return { bottom, menu: all.filter((p) => !BOTTOM[role].includes(p.key)) };
}

/** The place a path belongs to: the longest href it is or lies below (/admin/users is Users, not Overview). */
export function activeHref(pathname: string | null, places: Place[]): string | null {
  if (!pathname) return null;
  let best: string | null = null;
  for (const { href } of places) {
    if ((pathname === href || pathname.startsWith(`${href}/`)) && href.length > (best?.length ?? 0)) best = href;
  }
  return best;
}
