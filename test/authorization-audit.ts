// What the audit row of every route must name as its subject: the resource type and id, and the patient
// whose data it is (test/audit-subjects.test.ts calls each route and reads the row). Keyed like
// ROUTE_POLICY; a route the app serves through route() without an entry here fails the walk.
import type { World } from './authorization-policy';

export type SubjectRule =
  /** The resource a URL param names: the same subject whoever calls, allowed or denied. */
  | { of: 'param'; type: string; id: (w: World) => string; patient: (w: World) => string | null }
  /** The caller's own account and data: users/<caller>, patient = the caller when a patient. */
  | { of: 'caller'; always?: boolean }
  /** A resource the request creates: <type>/<id in the answer> (none when refused), owned by the caller. */
  | { of: 'created'; type: string; patient?: 'created' }
  /** The device whose token the request carries (phone bridges: their URL names no device); none without one. */
  | { of: 'token-device' }
  /** Nobody's data (admin lists and jobs, plumbing). */
  | { of: 'nobody' };

const B = (w: World) => w.B.id;
const A = (w: World) => w.A.id;

export const AUDIT_SUBJECTS: Record<string, SubjectRule> = {
  'GET /api/v1/users/me': { of: 'caller' },
  'GET /api/v1/users/me/settings': { of: 'caller' },
  'PATCH /api/v1/users/me/settings': { of: 'caller' },
  'GET /api/v1/users/me/glucose/metrics': { of: 'caller' },
  'GET /api/v1/users/me/glucose/agp': { of: 'caller' },
  'GET /api/v1/users/me/glucose/report.pdf': { of: 'caller' },
  'GET /api/v1/users/me/diabetes-profile': { of: 'caller' },
  'PATCH /api/v1/users/me/diabetes-profile': { of: 'caller' },
  'GET /api/v1/users/me/labs': { of: 'caller' },
  'POST /api/v1/users/me/labs': { of: 'caller' },
  'GET /api/v1/users/me/notification-preferences': { of: 'caller' },
  'PATCH /api/v1/users/me/notification-preferences': { of: 'caller' },
  'GET /api/v1/users/me/samples': { of: 'caller' },
  'GET /api/v1/users/me/aggregates': { of: 'caller' },
  'GET /api/v1/users/me/summary': { of: 'caller' },
  'GET /api/v1/users/me/timeline': { of: 'caller' },
  'GET /api/v1/users/me/insights': { of: 'caller' },
  'GET /api/v1/users/me/care-team': { of: 'caller' },
  'POST /api/v1/users/me/entries': { of: 'caller' },
  // A download of all one's data is recorded even though it is one's own.
  'GET /api/v1/users/me/export': { of: 'caller', always: true },
  'GET /api/v1/devices': { of: 'caller' },
  'POST /api/v1/devices': { of: 'created', type: 'devices' },
  'GET /api/v1/notifications': { of: 'caller' },
  'GET /api/v1/notifications/unread-count': { of: 'caller' },
  'POST /api/v1/notifications/read-all': { of: 'caller' },
  'GET /api/v1/emergencies': { of: 'caller' },
  'GET /api/v1/doctor/patients': { of: 'caller' },
  'GET /api/v1/caregiver/patients': { of: 'caller' },
  'GET /api/v1/imports': { of: 'caller' },
  'POST /api/v1/imports': { of: 'created', type: 'imports' },
  'GET /api/v1/imports/[id]': { of: 'param', type: 'imports', id: (w) => w.B.importId, patient: B },
  'GET /api/v1/shares': { of: 'caller' },
  'POST /api/v1/shares': { of: 'created', type: 'share_tokens' },
  'DELETE /api/v1/shares/[id]': { of: 'param', type: 'share_tokens', id: (w) => w.B.shareId, patient: B },

  'PATCH /api/v1/devices/[id]': { of: 'param', type: 'devices', id: (w) => w.B.deviceId, patient: B },
  // A Nightscout site is a device (issue 16): its rows name the device, like the device routes.
  'GET /api/v1/nightscout-sites': { of: 'caller' },
  'POST /api/v1/nightscout-sites': { of: 'created', type: 'devices' },
  'DELETE /api/v1/nightscout-sites/[id]': { of: 'param', type: 'devices', id: (w) => w.B.nightscoutSiteId, patient: B },
  // A site's access tokens: the rows name the site (the token's id is in the details).
  'GET /api/v1/nightscout-sites/[id]/tokens': { of: 'param', type: 'devices', id: (w) => w.B.nightscoutTokenSiteId, patient: B },
  'POST /api/v1/nightscout-sites/[id]/tokens': { of: 'param', type: 'devices', id: (w) => w.B.nightscoutTokenSiteId, patient: B },
  'DELETE /api/v1/nightscout-sites/[id]/tokens/[tokenId]': { of: 'param', type: 'devices', id: (w) => w.B.nightscoutTokenSiteId, patient: B },
  'DELETE /api/v1/devices/[id]': { of: 'param', type: 'devices', id: (w) => w.B.spareDeviceId, patient: B },
  'PUT /api/v1/devices/[id]/type-priorities': { of: 'param', type: 'devices', id: (w) => w.B.deviceId, patient: B },
  'POST /api/v1/devices/[id]/sync': { of: 'param', type: 'devices', id: (w) => w.A.deviceId, patient: A },
  'POST /api/v1/bridges/health-auto-export': { of: 'token-device' },
  'POST /api/v1/bridges/health-connect': { of: 'token-device' },
  'POST /api/v1/insights/[id]/[action]': { of: 'param', type: 'insights', id: (w) => w.B.insightId, patient: B },
  'POST /api/v1/notifications/[id]/read': { of: 'param', type: 'notifications', id: (w) => w.B.notificationId, patient: B },
  'POST /api/v1/emergencies/[id]/[action]': { of: 'param', type: 'emergency_events', id: (w) => w.B.emergencyId, patient: B },

  'GET /api/v1/patients/[patientId]/samples': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/aggregates': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/summary': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/glucose/metrics': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/glucose/agp': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/glucose/report.pdf': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/diabetes-profile': { of: 'param', type: 'patients', id: A, patient: A },
  'PATCH /api/v1/patients/[patientId]/diabetes-profile': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/labs': { of: 'param', type: 'patients', id: A, patient: A },
  'POST /api/v1/patients/[patientId]/labs': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/overview': { of: 'param', type: 'patients', id: A, patient: A },
  'POST /api/v1/patients/[patientId]/review': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/alert-settings': { of: 'param', type: 'patients', id: A, patient: A },
  'PUT /api/v1/patients/[patientId]/alert-settings': { of: 'param', type: 'patients', id: A, patient: A },
  'POST /api/v1/patients/[patientId]/entries': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/users/me/meals': { of: 'caller' },
  'POST /api/v1/users/me/meals': { of: 'caller' },
  'DELETE /api/v1/users/me/meals/[id]': { of: 'caller' },
  'GET /api/v1/users/me/meals/[id]/photo': { of: 'caller' },
  'PUT /api/v1/users/me/meals/[id]/photo': { of: 'caller' },
  'GET /api/v1/patients/[patientId]/meals': { of: 'param', type: 'patients', id: A, patient: A },
  'POST /api/v1/patients/[patientId]/meals': { of: 'param', type: 'patients', id: A, patient: A },
  'DELETE /api/v1/patients/[patientId]/meals/[id]': { of: 'param', type: 'patients', id: A, patient: A },
  'PATCH /api/v1/users/me/entries/[entryId]': { of: 'caller' },
  'DELETE /api/v1/users/me/entries/[entryId]': { of: 'caller' },
  'GET /api/v1/users/me/entries/[entryId]/history': { of: 'caller' },
  'PATCH /api/v1/patients/[patientId]/entries/[entryId]': { of: 'param', type: 'patients', id: A, patient: A },
  'DELETE /api/v1/patients/[patientId]/entries/[entryId]': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/entries/[entryId]/history': { of: 'param', type: 'patients', id: A, patient: A },
  'PATCH /api/v1/users/me/meals/[id]': { of: 'caller' },
  'PATCH /api/v1/patients/[patientId]/meals/[id]': { of: 'param', type: 'patients', id: A, patient: A },
  'GET /api/v1/patients/[patientId]/meals/[id]/photo': { of: 'param', type: 'patients', id: A, patient: A },
  'PUT /api/v1/patients/[patientId]/meals/[id]/photo': { of: 'param', type: 'patients', id: A, patient: A },

  'GET /api/v1/admin/users': { of: 'nobody' },
  'POST /api/v1/admin/users': { of: 'created', type: 'users', patient: 'created' },
  'PATCH /api/v1/admin/users/[id]': { of: 'param', type: 'users', id: B, patient: B },
  // The matrix deletes an id that does not exist: no such user, so no patient.
  'DELETE /api/v1/admin/users/[id]': { of: 'param', type: 'users', id: () => '00000000-0000-4000-8000-000000000000', patient: () => null },
  // Sign-up and accounts (issue 15): the public account routes concern no one's data yet (the caller,
  // when signed in, is the actor); doctor review names the doctor's user record.
  'POST /api/v1/auth/signup': { of: 'nobody' },
  'POST /api/v1/auth/verify-email': { of: 'nobody' },
  'POST /api/v1/auth/verify-email/resend': { of: 'caller' },
  'POST /api/v1/auth/password-reset': { of: 'nobody' },
  'POST /api/v1/auth/password-reset/confirm': { of: 'nobody' },
  'POST /api/v1/users/me/email': { of: 'caller' },
  'GET /api/v1/admin/doctors': { of: 'nobody' },
  'POST /api/v1/admin/doctors/[userId]/approve': { of: 'param', type: 'users', id: () => '00000000-0000-4000-8000-000000000000', patient: () => null },
  'POST /api/v1/admin/doctors/[userId]/reject': { of: 'param', type: 'users', id: () => '00000000-0000-4000-8000-000000000000', patient: () => null },
  'GET /api/v1/admin/devices': { of: 'nobody' },
  'PATCH /api/v1/admin/devices/[id]': { of: 'param', type: 'devices', id: (w) => w.B.deviceId, patient: B },
  'GET /api/v1/admin/shares': { of: 'nobody' },
  'POST /api/v1/admin/shares/[id]/revoke': { of: 'param', type: 'share_tokens', id: (w) => w.B.shareId, patient: B },
  'GET /api/v1/admin/audit': { of: 'nobody' },
  'GET /api/v1/admin/retention': { of: 'nobody' },
  'GET /api/v1/admin/pipeline': { of: 'nobody' },
  'POST /api/v1/admin/jobs': { of: 'nobody' },
  // A retry names its channel and delivery id in the row's details (the URL's params).
  'GET /api/v1/admin/deliveries': { of: 'nobody' },
  'POST /api/v1/admin/deliveries/[channel]/[id]/retry': { of: 'nobody' },

  // Care teams and invitations (issue 15).
  'GET /api/v1/care-team/invitations': { of: 'caller' },
  'POST /api/v1/care-team/invitations': { of: 'created', type: 'care_invitations' },
  'POST /api/v1/care-team/invitations/code': { of: 'created', type: 'care_invitations' },
  'DELETE /api/v1/care-team/invitations/[id]': { of: 'param', type: 'care_invitations', id: (w) => w.care.invitationId, patient: B },
  'PATCH /api/v1/care-team/[linkId]': { of: 'param', type: 'care_relationships', id: (w) => w.care.linkId, patient: B },
  'DELETE /api/v1/care-team/[linkId]': { of: 'param', type: 'care_relationships', id: (w) => w.care.endLinkId, patient: B },
  'GET /api/v1/invitations': { of: 'caller' },
  'POST /api/v1/invitations/[id]/[action]': { of: 'param', type: 'care_invitations', id: (w) => w.care.toCaregiverXId, patient: (w) => w.care.toCaregiverXFrom },
  // Only a 2xx names what it created; the matrix's code is refused (404), so no record is named.
  'POST /api/v1/invitations/redeem': { of: 'created', type: 'care_invitations' },
  'GET /api/v1/admin/care-links': { of: 'nobody' },
  'DELETE /api/v1/admin/care-links/[id]': { of: 'param', type: 'care_relationships', id: (w) => w.care.adminLinkId, patient: B },
  // Two-factor sign-in (issue 15): the caller's own account.
  'GET /api/v1/users/me/two-factor': { of: 'caller' },
  'DELETE /api/v1/users/me/two-factor': { of: 'caller' },
  'POST /api/v1/users/me/two-factor/setup': { of: 'caller' },
  'POST /api/v1/users/me/two-factor/confirm': { of: 'caller' },
  'POST /api/v1/users/me/two-factor/recovery-codes': { of: 'caller' },
  // Web Push (issue 17): a person's own browsers, account changes of the caller (the id tried is in the details).
  'GET /api/v1/push/public-key': { of: 'caller' },
  'GET /api/v1/users/me/push-subscriptions': { of: 'caller' },
  'POST /api/v1/users/me/push-subscriptions': { of: 'caller' },
  'DELETE /api/v1/users/me/push-subscriptions': { of: 'caller' },
  'DELETE /api/v1/users/me/push-subscriptions/[id]': { of: 'caller' },
};
