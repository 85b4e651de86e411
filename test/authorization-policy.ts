// The authorization policy of every route handler and page, in one table: who may call it and what each
// caller gets. test/authorization-matrix.test.ts calls every entry as every caller and fails on any
// route or page the app serves that has no entry here (and on an entry whose route is gone).
import type { Role } from '../lib/generated/prisma/enums';

export const CALLERS = ['anonymous', 'patientA', 'patientB', 'doctorA', 'doctorX', 'caregiverA', 'caregiverX', 'admin', 'deviceA'] as const;
export type CallerName = (typeof CALLERS)[number];

/** Ids of the seeded world that routes are called with. A is the patient with carers; B is the victim. */
export type World = {
  A: { id: string; deviceId: string };
  B: {
    id: string;
    deviceId: string;
    spareDeviceId: string;
    insightId: string;
    notificationId: string;
    emergencyId: string;
    shareId: string;
    importId: string;
    /** B's Nightscout site (issue 16): a cgm device with an API secret no caller holds. */
    nightscoutSiteId: string;
    /** B's second site, whose access tokens the token routes act on, and its token in force. */
    nightscoutTokenSiteId: string;
    nightscoutTokenId: string;
    /** An access token of that site B revoked: known, so presenting it is refused without counting as a guess. */
    nightscoutRevokedToken: string;
    /** B's browser subscribed to Web Push (issue 17). */
    pushSubscriptionId: string;
  };
  /**
   * Care teams (issue 15): B's open invitation (to an address nobody holds), B's caregiver links (with
   * carers who are not callers: one to change, one to end, one for the admin to end), and an invitation
   * from patient C (not a canary) to caregiverX, for caregiverX to decline.
   */
  care: { invitationId: string; linkId: string; endLinkId: string; adminLinkId: string; toCaregiverXId: string; toCaregiverXFrom: string };
  /** Meals (issue 18): see test/authorization-meals.ts. */
  meals: { bPhoto: string; bDelete: string; aPhoto: string; aByCaregiver: string; aByCaregiverDelete: string };
  /** Medications (issue 19): see test/authorization-medications.ts. */
  medications: { b: string; a: string };
  /** Corrections (issue 19): entry ids (`event:<uuid>`), see test/authorization-corrections.ts. */
  corrections: { bEntry: string; bDelete: string; aByCaregiver: string; aByCaregiverDelete: string };
};

export const ROLE_OF: Record<CallerName, Role | null> = {
  anonymous: null,
  patientA: 'PATIENT',
  patientB: 'PATIENT',
  doctorA: 'DOCTOR',
  doctorX: 'DOCTOR',
  caregiverA: 'CAREGIVER',
  caregiverX: 'CAREGIVER',
  admin: 'ADMIN',
  deviceA: null, // A's device token as a Bearer header, no session
};

/**
 * - public: anyone, 200.
 * - auth-internal: next-auth / Inngest plumbing; the same status whoever calls (`same`).
 * - signed-in: any session reads or changes its own data.
 * - admin: admins only.
 * - carer-of-patient: /patients/{A} read by A's linked doctor or caregiver (with view); anyone else 404.
 * - doctor-of-patient: only A's linked doctor; anyone else 404.
 * - carer-entry: only A's caregiver with can_log_data; anyone else 404.
 * - owner: a resource of B's (device, insight, notification, emergency, share); only B, anyone else 404.
 * - device-token: A's device token on A's device; sessions 401.
 * - nightscout-secret: a Nightscout site's routes (/ns/{siteId}/…, /api/v2/authorization/…), for clients
 *   holding the site's API secret or one of its access tokens, which no caller here has: 401 to every
 *   one, or 429 once the failures from this address pass the site's limit (lib/nightscout/authenticate.ts).
 *   Each /ns/[siteId]/api/{v1,v3}/… route is also called at the host root (/api/v1/…, where Loop and Trio
 *   ask), with the same expectations (test/authorization-matrix.test.ts routeCalls).
 * `gate`: roles `requireCaller(roles)` lets through before the kind's rule; any other signed-in role gets 403.
 * A session is always required (anonymous and a device token get 401) except for public, auth-internal, device-token.
 */
export type Kind =
  | 'public'
  | 'auth-internal'
  | 'signed-in'
  | 'admin'
  | 'carer-of-patient'
  | 'doctor-of-patient'
  | 'carer-entry'
  | 'owner'
  | 'device-token'
  | 'nightscout-secret';

export type Policy = {
  kind: Kind;
  gate?: readonly Role[];
  ok?: number; // the success status (200 unless given)
  same?: number; // auth-internal: what everyone gets
  params?: (w: World) => Record<string, string>;
  query?: string;
  body?: (w: World) => unknown;
  /** Statuses per caller where the kind's rule does not fit (a list: any of them). */
  expect?: Partial<Record<CallerName, number | number[]>>;
  /** Only checked when the route exists (routes being added on other branches). */
  optional?: boolean;
};

const PATIENT = ['PATIENT'] as const;
const ofA = (w: World) => ({ patientId: w.A.id });
const ofSite = (w: World) => ({ siteId: w.B.nightscoutSiteId });
const ofV3 = (collection: string) => (w: World) => ({ ...ofSite(w), collection });
const ofV3Document = (w: World) => ({ ...ofV3('treatments')(w), identifier: '9b1f5d3e-2c4a-5b6d-8e7f-0a1b2c3d4e5f' });
const now = () => new Date().toISOString();
const NONE = '00000000-0000-4000-8000-000000000000';
const note = () => ({ kind: 'note', text: 'matrix note', at: now() });
const MATRIX_P256DH = 'BNNL5ZaTfK81qhXOx23-wewhigUeFb632jN6LvRWCFH1ubQr77FE_9qV1FuojuRmHP42zmf34rXgW80OvUVDgTk';

export const ROUTE_POLICY: Record<string, Policy> = {
  'GET /health': { kind: 'public' },
  'GET /ready': { kind: 'public' },
  // Operators' endpoints: open outside production without METRICS_TOKEN (the test server), closed
  // (404) in production without it (lib/observability/ops-access.test.ts).
  'GET /health/deep': { kind: 'public' },
  'GET /metrics': { kind: 'public' },
  'GET /api/openapi.json': { kind: 'public' },
  'GET /api/auth/[...nextauth]': { kind: 'auth-internal', same: 200, params: () => ({ nextauth: 'providers' }) },
  // next-auth refuses a POST without its CSRF token, whoever sends it.
  'POST /api/auth/[...nextauth]': { kind: 'auth-internal', same: 400, params: () => ({ nextauth: 'session' }) },
  // Served only when an Inngest server is configured; in-process (the test server) it is not there.
  'GET /api/inngest': { kind: 'auth-internal', same: 404 },
  'POST /api/inngest': { kind: 'auth-internal', same: 404 },
  'PUT /api/inngest': { kind: 'auth-internal', same: 404 },

  'GET /api/v1/users/me': { kind: 'signed-in' },
  'GET /api/v1/users/me/settings': { kind: 'signed-in' },
  'PATCH /api/v1/users/me/settings': { kind: 'signed-in', body: () => ({ timeZone: 'UTC' }) },
  'GET /api/v1/users/me/notification-preferences': { kind: 'signed-in' },
  'PATCH /api/v1/users/me/notification-preferences': { kind: 'signed-in', body: () => ({ valuesInMessages: false }) },
  'GET /api/v1/users/me/samples': { kind: 'signed-in', query: '?limit=50' },
  'GET /api/v1/users/me/aggregates': { kind: 'signed-in', query: '?types=STEPS,HEART_RATE&period=day&from=2026-11-01&to=2026-11-30' },
  'GET /api/v1/users/me/summary': { kind: 'signed-in', query: '?date=2026-11-12' },
  // Diabetes care (issue 18): the consensus metrics and the AGP of the caller's own glucose; the diabetes profile.
  'GET /api/v1/users/me/glucose/metrics': { kind: 'signed-in', query: '?from=2026-11-01&to=2026-11-14' },
  'GET /api/v1/users/me/glucose/agp': { kind: 'signed-in', query: '?from=2026-11-01&to=2026-11-14' },
  'GET /api/v1/users/me/glucose/report.pdf': { kind: 'signed-in', query: '?from=2026-11-01&to=2026-11-14' },
  'GET /api/v1/users/me/diabetes-profile': { kind: 'signed-in', gate: PATIENT },
  'PATCH /api/v1/users/me/diabetes-profile': { kind: 'signed-in', gate: PATIENT, body: () => ({ targetPreset: 'STANDARD' }) },
  'GET /api/v1/users/me/labs': { kind: 'signed-in', gate: PATIENT, query: '?code=4548-4&from=2026-01-01&to=2026-11-30' },
  'POST /api/v1/users/me/labs': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ code: '4548-4', value: 7.1, unit: '%', effectiveAt: now() }) },
  // Questionnaires (issue 19): the definitions for anyone signed in; the patient's own responses and what is due.
  // A response id the caller has not got is 404 to every patient (the owner's own calls: the route tests).
  'GET /api/v1/questionnaires': { kind: 'signed-in' },
  'GET /api/v1/users/me/questionnaires/responses': { kind: 'signed-in', gate: PATIENT, query: '?questionnaire=gad7' },
  'POST /api/v1/users/me/questionnaires/responses': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ questionnaire: 'phq4', answers: [0, 1, 2, 3] }) },
  'PATCH /api/v1/users/me/questionnaires/responses/[responseId]': { kind: 'signed-in', gate: PATIENT, ok: 404, params: () => ({ responseId: 'c0ffee00-0000-4000-8000-000000000019' }), body: () => ({ answers: [0, 0, 0, 0] }) },
  'DELETE /api/v1/users/me/questionnaires/responses/[responseId]': { kind: 'signed-in', gate: PATIENT, ok: 404, params: () => ({ responseId: 'c0ffee00-0000-4000-8000-000000000019' }) },
  'GET /api/v1/users/me/questionnaires/responses/[responseId]/history': { kind: 'signed-in', gate: PATIENT, ok: 404, params: () => ({ responseId: 'c0ffee00-0000-4000-8000-000000000019' }) },
  'GET /api/v1/users/me/questionnaires/due': { kind: 'signed-in', gate: PATIENT },
  'GET /api/v1/users/me/timeline': { kind: 'signed-in', gate: PATIENT },
  'GET /api/v1/users/me/insights': { kind: 'signed-in', gate: PATIENT },
  'GET /api/v1/users/me/care-team': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/users/me/entries': { kind: 'signed-in', gate: PATIENT, ok: 201, body: note },
  'GET /api/v1/devices': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/devices': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ name: 'Matrix phone', type: 'phone' }) },
  'GET /api/v1/notifications': { kind: 'signed-in' },
  // The notification center (issue 17): every role has one, scoped to the caller's own notifications.
  'GET /api/v1/notifications/unread-count': { kind: 'signed-in' },
  'POST /api/v1/notifications/read-all': { kind: 'signed-in' },
  'GET /api/v1/emergencies': { kind: 'signed-in', gate: ['PATIENT', 'DOCTOR', 'CAREGIVER'], query: '?all=true' },
  'GET /api/v1/doctor/patients': { kind: 'signed-in', gate: ['DOCTOR'] },
  'GET /api/v1/caregiver/patients': { kind: 'signed-in', gate: ['CAREGIVER'] },
  'GET /api/v1/imports': { kind: 'signed-in', gate: PATIENT },
  // The matrix sends JSON; an upload is multipart, so a permitted caller gets 415 (imports/route.test.ts uploads).
  'POST /api/v1/imports': { kind: 'signed-in', gate: PATIENT, expect: { patientA: 415, patientB: 415 } },
  'GET /api/v1/imports/[id]': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.B.importId }) },
  'GET /api/v1/users/me/export': { kind: 'signed-in', gate: PATIENT, query: '?format=csv&from=2026-11-01&to=2026-11-30' },
  // A patient's own shares; a doctor or caregiver sees the shares they received.
  'GET /api/v1/shares': { kind: 'signed-in', gate: ['PATIENT', 'DOCTOR', 'CAREGIVER'] },
  'POST /api/v1/shares': {
    kind: 'signed-in',
    gate: PATIENT,
    ok: 201,
    body: () => ({ types: ['STEPS'], from: '2026-11-01', to: '2026-11-30', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }),
  },
  'DELETE /api/v1/shares/[id]': { kind: 'owner', ok: 204, params: (w) => ({ id: w.B.shareId }) },
  // A share link (/share#code posts its code to /share/exchange; older links are /share/{code}): public;
  // an unknown (or expired, or revoked) code is 404 for everyone.
  'GET /share/[code]': { kind: 'public', params: () => ({ code: 'no-such-share-code-0000' }), ok: 404 },
  'POST /share/exchange': { kind: 'public', body: () => ({ code: 'no-such-share-code-0000' }), ok: 404 },
  // The link share's glucose report as PDF (issue 18): only with a grant cookie of a share covering glucose.
  'GET /shared/report.pdf': { kind: 'public', ok: 404 },

  'PATCH /api/v1/devices/[id]': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.B.deviceId }), body: () => ({ priority: 55 }) },
  'DELETE /api/v1/devices/[id]': { kind: 'owner', gate: PATIENT, ok: 204, params: (w) => ({ id: w.B.spareDeviceId }) },
  'PUT /api/v1/devices/[id]/type-priorities': {
    kind: 'owner',
    gate: PATIENT,
    params: (w) => ({ id: w.B.deviceId }),
    body: () => ({ overrides: { STEPS: 60 } }),
  },
  'POST /api/v1/devices/[id]/sync': {
    kind: 'device-token',
    params: (w) => ({ id: w.A.deviceId }),
    body: () => ({ samples: [{ type: 'STEPS', value: 12, unit: 'count', startDate: '2026-11-13T09:00:00Z', endDate: '2026-11-13T09:10:00Z' }] }),
  },
  // Phone bridges: the device is the token's, so there is no other patient's device to aim at.
  'POST /api/v1/bridges/health-auto-export': {
    kind: 'device-token',
    body: () => ({ data: { metrics: [{ name: 'step_count', units: 'count', data: [{ date: '2026-11-13 09:00:00 +0000', qty: 12 }] }] } }),
  },
  'POST /api/v1/bridges/health-connect': {
    kind: 'device-token',
    body: () => ({ timestamp: '2026-11-13T10:00:00Z', steps: [{ count: 12, start_time: '2026-11-13T09:00:00Z', end_time: '2026-11-13T09:10:00Z' }] }),
  },
  'POST /api/v1/insights/[id]/[action]': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.B.insightId, action: 'acknowledge' }) },
  'POST /api/v1/notifications/[id]/read': { kind: 'owner', params: (w) => ({ id: w.B.notificationId }) },
  'POST /api/v1/emergencies/[id]/[action]': { kind: 'owner', params: (w) => ({ id: w.B.emergencyId, action: 'acknowledge' }) },

  'GET /api/v1/patients/[patientId]/samples': { kind: 'carer-of-patient', params: ofA, query: '?limit=50' },
  'GET /api/v1/patients/[patientId]/aggregates': {
    kind: 'carer-of-patient',
    params: ofA,
    query: '?types=STEPS,HEART_RATE&period=day&from=2026-11-01&to=2026-11-30',
  },
  'GET /api/v1/patients/[patientId]/summary': { kind: 'carer-of-patient', params: ofA, query: '?date=2026-11-12' },
  'GET /api/v1/patients/[patientId]/glucose/metrics': { kind: 'carer-of-patient', params: ofA, query: '?from=2026-11-01&to=2026-11-14' },
  'GET /api/v1/patients/[patientId]/glucose/agp': { kind: 'carer-of-patient', params: ofA, query: '?from=2026-11-01&to=2026-11-14' },
  'GET /api/v1/patients/[patientId]/glucose/report.pdf': { kind: 'carer-of-patient', params: ofA, query: '?from=2026-11-01&to=2026-11-14' },
  'GET /api/v1/patients/[patientId]/diabetes-profile': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA },
  'PATCH /api/v1/patients/[patientId]/diabetes-profile': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, body: () => ({ targetPreset: 'STANDARD' }) },
  'GET /api/v1/patients/[patientId]/labs': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA, query: '?code=4548-4' },
  'POST /api/v1/patients/[patientId]/labs': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, ok: 201, body: () => ({ code: '2093-3', value: 190, unit: 'mg/dL', effectiveAt: now() }) },
  // Questionnaires (issue 19): carers with view read the responses; only the linked doctor schedules.
  'GET /api/v1/patients/[patientId]/questionnaires/responses': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA, query: '?questionnaire=phq4' },
  'GET /api/v1/patients/[patientId]/questionnaires/schedules': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA },
  'POST /api/v1/patients/[patientId]/questionnaires/schedules': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, ok: 201, body: () => ({ questionnaire: 'gad7', everyDays: 14 }) },
  'DELETE /api/v1/patients/[patientId]/questionnaires/schedules/[scheduleId]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], ok: 404, params: (w) => ({ patientId: w.A.id, scheduleId: 'c0ffee00-0000-4000-8000-000000000019' }) },
  'GET /api/v1/patients/[patientId]/overview': { kind: 'carer-of-patient', params: ofA },
  'POST /api/v1/patients/[patientId]/review': { kind: 'doctor-of-patient', params: ofA },
  'GET /api/v1/patients/[patientId]/alert-settings': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA },
  'PUT /api/v1/patients/[patientId]/alert-settings': {
    kind: 'doctor-of-patient',
    gate: ['DOCTOR'],
    params: ofA,
    body: () => ({ delivery: 'DAILY_DIGEST' }),
  },
  'POST /api/v1/patients/[patientId]/entries': { kind: 'carer-entry', ok: 201, params: ofA, body: note },
  // Meals (issue 18). A photo PUT with the matrix's JSON body reaches the image check (422) only when allowed.
  'GET /api/v1/users/me/meals': { kind: 'signed-in', gate: PATIENT, query: '?from=2026-11-01&to=2026-11-14' },
  'POST /api/v1/users/me/meals': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ mealType: 'snack', carbsGrams: 12 }) },
  'DELETE /api/v1/users/me/meals/[id]': { kind: 'owner', gate: PATIENT, ok: 204, params: (w) => ({ id: w.meals.bDelete }) },
  'GET /api/v1/users/me/meals/[id]/photo': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.meals.bPhoto }) },
  'PUT /api/v1/users/me/meals/[id]/photo': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.meals.bPhoto }), body: () => ({ not: 'an image' }), expect: { patientB: 422 } },
  'GET /api/v1/users/me/medications': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/users/me/medications': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ name: 'Cetirizine', dose: '10 mg', schedule: { kind: 'daily', times: ['21:00'] } }) },
  'GET /api/v1/users/me/medications/adherence': { kind: 'signed-in', gate: PATIENT },
  'GET /api/v1/patients/[patientId]/medications/adherence': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA },
  'GET /api/v1/users/me/medications/[medicationId]': { kind: 'owner', gate: PATIENT, params: (w) => ({ medicationId: w.medications.b }) },
  'PATCH /api/v1/users/me/medications/[medicationId]': { kind: 'owner', gate: PATIENT, params: (w) => ({ medicationId: w.medications.b }), body: () => ({ dose: '1 g' }) },
  'GET /api/v1/users/me/medications/[medicationId]/versions': { kind: 'owner', gate: PATIENT, params: (w) => ({ medicationId: w.medications.b }) },
  'GET /api/v1/users/me/medications/[medicationId]/doses': { kind: 'owner', gate: PATIENT, params: (w) => ({ medicationId: w.medications.b }) },
  'POST /api/v1/users/me/medications/[medicationId]/doses': { kind: 'owner', gate: PATIENT, ok: 201, params: (w) => ({ medicationId: w.medications.b }), body: () => ({ status: 'taken' }) },
  'GET /api/v1/patients/[patientId]/medications': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA },
  'POST /api/v1/patients/[patientId]/medications': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, ok: 201, body: () => ({ name: 'Metformin', dose: '500 mg', schedule: { kind: 'daily', times: ['08:00'] } }) },
  'GET /api/v1/patients/[patientId]/medications/[medicationId]': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: (w) => ({ ...ofA(w), medicationId: w.medications.a }) },
  'PATCH /api/v1/patients/[patientId]/medications/[medicationId]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), medicationId: w.medications.a }), body: () => ({ dose: '1 g' }) },
  'GET /api/v1/patients/[patientId]/medications/[medicationId]/versions': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: (w) => ({ ...ofA(w), medicationId: w.medications.a }) },
  'GET /api/v1/patients/[patientId]/medications/[medicationId]/doses': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: (w) => ({ ...ofA(w), medicationId: w.medications.a }) },
  'POST /api/v1/patients/[patientId]/medications/[medicationId]/doses': { kind: 'carer-entry', ok: 201, params: (w) => ({ ...ofA(w), medicationId: w.medications.a }), body: () => ({ status: 'taken' }) },
  'GET /api/v1/patients/[patientId]/meals': { kind: 'carer-of-patient', params: ofA, query: '?from=2026-11-01&to=2026-11-14' },
  'POST /api/v1/patients/[patientId]/meals': { kind: 'carer-entry', ok: 201, params: ofA, body: () => ({ mealType: 'snack', carbsGrams: 12 }) },
  'DELETE /api/v1/patients/[patientId]/meals/[id]': { kind: 'carer-entry', ok: 204, params: (w) => ({ ...ofA(w), id: w.meals.aByCaregiverDelete }) },
  // Corrections (issue 19): the patient corrects any hand-made entry of theirs, A's caregiver with can_log_data only those they recorded.
  'PATCH /api/v1/users/me/entries/[entryId]': { kind: 'owner', gate: PATIENT, params: (w) => ({ entryId: w.corrections.bEntry }), body: () => ({ text: 'matrix correction' }) },
  'DELETE /api/v1/users/me/entries/[entryId]': { kind: 'owner', gate: PATIENT, ok: 204, params: (w) => ({ entryId: w.corrections.bDelete }) },
  'GET /api/v1/users/me/entries/[entryId]/history': { kind: 'owner', gate: PATIENT, params: (w) => ({ entryId: w.corrections.bEntry }) },
  'PATCH /api/v1/patients/[patientId]/entries/[entryId]': { kind: 'carer-entry', params: (w) => ({ ...ofA(w), entryId: w.corrections.aByCaregiver }), body: () => ({ text: 'matrix correction' }) },
  'DELETE /api/v1/patients/[patientId]/entries/[entryId]': { kind: 'carer-entry', ok: 204, params: (w) => ({ ...ofA(w), entryId: w.corrections.aByCaregiverDelete }) },
  'GET /api/v1/patients/[patientId]/entries/[entryId]/history': { kind: 'carer-entry', params: (w) => ({ ...ofA(w), entryId: w.corrections.aByCaregiver }) },
  'PATCH /api/v1/users/me/meals/[id]': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.meals.bPhoto }), body: () => ({ carbsGrams: 30 }) },
  'PATCH /api/v1/patients/[patientId]/meals/[id]': { kind: 'carer-entry', params: (w) => ({ ...ofA(w), id: w.meals.aByCaregiver }), body: () => ({ carbsGrams: 30 }) },
  'GET /api/v1/patients/[patientId]/meals/[id]/photo': { kind: 'carer-of-patient', params: (w) => ({ ...ofA(w), id: w.meals.aPhoto }) },
  'PUT /api/v1/patients/[patientId]/meals/[id]/photo': {
    kind: 'carer-entry',
    params: (w) => ({ ...ofA(w), id: w.meals.aByCaregiver }),
    body: () => ({ not: 'an image' }),
    expect: { caregiverA: 422 },
  },

  // The rest of the record (issue 19): the matrix corrects and removes ids that do not exist (route tests use real ones).
  'GET /api/v1/users/me/conditions': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/users/me/conditions': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ display: 'Matrix condition', codeSystem: 'ICD10', code: 'E11.9' }) },
  'PATCH /api/v1/users/me/conditions/[id]': { kind: 'signed-in', gate: PATIENT, params: () => ({ id: NONE }), body: () => ({}), expect: { patientA: 404, patientB: 404 } },
  'DELETE /api/v1/users/me/conditions/[id]': { kind: 'signed-in', gate: PATIENT, params: () => ({ id: NONE }), expect: { patientA: 404, patientB: 404 } },
  'GET /api/v1/patients/[patientId]/conditions': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA },
  'POST /api/v1/patients/[patientId]/conditions': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, ok: 201, body: () => ({ display: 'Matrix condition', codeSystem: 'ICD10', code: 'E11.9' }) },
  'PATCH /api/v1/patients/[patientId]/conditions/[id]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), id: NONE }), body: () => ({}), expect: { doctorA: 404 } },
  'DELETE /api/v1/patients/[patientId]/conditions/[id]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), id: NONE }), expect: { doctorA: 404 } },
  'GET /api/v1/users/me/allergies': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/users/me/allergies': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ substance: 'Matrix allergen', severity: 'mild' }) },
  'PATCH /api/v1/users/me/allergies/[id]': { kind: 'signed-in', gate: PATIENT, params: () => ({ id: NONE }), body: () => ({}), expect: { patientA: 404, patientB: 404 } },
  'DELETE /api/v1/users/me/allergies/[id]': { kind: 'signed-in', gate: PATIENT, params: () => ({ id: NONE }), expect: { patientA: 404, patientB: 404 } },
  'GET /api/v1/patients/[patientId]/allergies': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA },
  'POST /api/v1/patients/[patientId]/allergies': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, ok: 201, body: () => ({ substance: 'Matrix allergen', severity: 'mild' }) },
  'PATCH /api/v1/patients/[patientId]/allergies/[id]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), id: NONE }), body: () => ({}), expect: { doctorA: 404 } },
  'DELETE /api/v1/patients/[patientId]/allergies/[id]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), id: NONE }), expect: { doctorA: 404 } },
  'GET /api/v1/users/me/emergency-contacts': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/users/me/emergency-contacts': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ name: 'Matrix Contact', relation: 'friend', phone: '+44 20 7946 0000' }) },
  'PATCH /api/v1/users/me/emergency-contacts/[id]': { kind: 'signed-in', gate: PATIENT, params: () => ({ id: NONE }), body: () => ({}), expect: { patientA: 404, patientB: 404 } },
  'DELETE /api/v1/users/me/emergency-contacts/[id]': { kind: 'signed-in', gate: PATIENT, params: () => ({ id: NONE }), expect: { patientA: 404, patientB: 404 } },
  'GET /api/v1/patients/[patientId]/emergency-contacts': { kind: 'carer-of-patient', gate: ['DOCTOR', 'CAREGIVER'], params: ofA },
  'POST /api/v1/patients/[patientId]/emergency-contacts': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: ofA, ok: 201, body: () => ({ name: 'Matrix Contact', relation: 'friend', phone: '+44 20 7946 0000' }) },
  'PATCH /api/v1/patients/[patientId]/emergency-contacts/[id]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), id: NONE }), body: () => ({}), expect: { doctorA: 404 } },
  'DELETE /api/v1/patients/[patientId]/emergency-contacts/[id]': { kind: 'doctor-of-patient', gate: ['DOCTOR'], params: (w) => ({ ...ofA(w), id: NONE }), expect: { doctorA: 404 } },

  'GET /api/v1/admin/users': { kind: 'admin' },
  'POST /api/v1/admin/users': {
    kind: 'admin',
    ok: 201,
    body: () => ({ email: `matrix-${crypto.randomUUID()}@test.example`, name: 'Matrix User', role: 'PATIENT', timeZone: 'UTC', password: 'a long enough password' }),
  },
  'PATCH /api/v1/admin/users/[id]': { kind: 'admin', params: (w) => ({ id: w.B.id }), body: () => ({ disabled: false }) },
  // Deleting (disable now, crypto-shred after the grace period) is aimed at an id that does not exist:
  // the gate is what the matrix checks (the admin-users route tests delete real users).
  'DELETE /api/v1/admin/users/[id]': { kind: 'admin', params: () => ({ id: '00000000-0000-4000-8000-000000000000' }), expect: { admin: 404 } },
  'GET /api/v1/admin/devices': { kind: 'admin' },
  'PATCH /api/v1/admin/devices/[id]': { kind: 'admin', params: (w) => ({ id: w.B.deviceId }), body: () => ({ priority: 45 }) },
  'GET /api/v1/admin/shares': { kind: 'admin' },
  'POST /api/v1/admin/shares/[id]/revoke': { kind: 'admin', params: (w) => ({ id: w.B.shareId }) },
  'GET /api/v1/admin/audit': { kind: 'admin' },
  'GET /api/v1/admin/retention': { kind: 'admin' },
  'GET /api/v1/admin/pipeline': { kind: 'admin' },
  'POST /api/v1/admin/jobs': { kind: 'admin', ok: 202, body: () => ({ job: 'partitions' }) },
  // Message delivery (issue 17): the matrix retries a delivery that does not exist (route tests retry real ones).
  'GET /api/v1/admin/deliveries': { kind: 'admin' },
  'POST /api/v1/admin/deliveries/[channel]/[id]/retry': { kind: 'admin', params: () => ({ channel: 'email', id: '00000000-0000-4000-8000-000000000000' }), expect: { admin: 404 } },
  // Dead letters (issue 20): the gate is what the matrix checks; app/api/v1/admin/dead-letters/route.test.ts retries and discards real ones.
  'GET /api/v1/admin/dead-letters': { kind: 'admin' },
  'POST /api/v1/admin/dead-letters/[kind]/[id]/retry': { kind: 'admin', ok: 202, params: () => ({ kind: 'workflow', id: '00000000-0000-4000-8000-000000000000' }), expect: { admin: 404 } },
  'POST /api/v1/admin/dead-letters/[kind]/[id]/discard': { kind: 'admin', params: () => ({ kind: 'job', id: '1' }), expect: { admin: 404 } },
  // Two-factor sign-in (issue 15). The world's doctors and admin have it on (test/factories.ts), its
  // patients and caregivers not; bodies that change nothing (an empty code is a 422 before any check).
  'GET /api/v1/users/me/two-factor': { kind: 'signed-in' },
  'DELETE /api/v1/users/me/two-factor': {
    kind: 'signed-in',
    gate: ['PATIENT', 'CAREGIVER'],
    body: () => ({ password: 'not the password' }),
    expect: { patientA: 409, patientB: 409, caregiverA: 409, caregiverX: 409 },
  },
  'POST /api/v1/users/me/two-factor/setup': { kind: 'signed-in', expect: { doctorA: 409, doctorX: 409, admin: 409 } },
  'POST /api/v1/users/me/two-factor/confirm': { kind: 'signed-in', ok: 422, body: () => ({ code: '' }) },
  'POST /api/v1/users/me/two-factor/recovery-codes': { kind: 'signed-in', ok: 422, body: () => ({ code: '' }) },

  // Sign-up and accounts (issue 15): the public account routes answer everyone alike (a signed-in caller
  // may sign up another account or reset a password too); a link that is unknown, used or expired is the
  // one 404. Doctor review is aimed at an id that does not exist: the gate is what the matrix checks
  // (app/api/v1/admin/doctors tests review real doctors).
  'POST /api/v1/auth/signup': {
    kind: 'public',
    ok: 201,
    body: () => ({ email: `matrix-${crypto.randomUUID()}@test.example`, password: 'matrix otter plays the cello', name: 'Matrix Signup', role: 'PATIENT' }),
  },
  'POST /api/v1/auth/verify-email': { kind: 'public', ok: 404, body: () => ({ token: 'no-such-link-token-0000000000000000000000000' }) },
  'POST /api/v1/auth/verify-email/resend': { kind: 'signed-in', ok: 202 },
  'POST /api/v1/auth/password-reset': { kind: 'public', ok: 202, body: () => ({ email: `matrix-${crypto.randomUUID()}@test.example` }) },
  'POST /api/v1/auth/password-reset/confirm': {
    kind: 'public',
    ok: 404,
    body: () => ({ token: 'no-such-link-token-0000000000000000000000000', password: 'matrix otter plays the cello' }),
  },
  // The factories' password (test/factories.ts PASSWORD) is every seeded caller's current password.
  'POST /api/v1/users/me/email': {
    kind: 'signed-in',
    ok: 202,
    body: () => ({ email: `matrix-${crypto.randomUUID()}@test.example`, currentPassword: 'correct horse battery staple' }),
  },
  'GET /api/v1/admin/doctors': { kind: 'admin' },
  'POST /api/v1/admin/doctors/[userId]/approve': { kind: 'admin', params: () => ({ userId: '00000000-0000-4000-8000-000000000000' }), expect: { admin: 404 } },
  'POST /api/v1/admin/doctors/[userId]/reject': {
    kind: 'admin',
    params: () => ({ userId: '00000000-0000-4000-8000-000000000000' }),
    body: () => ({ reason: 'matrix' }),
    expect: { admin: 404 },
  },
  // Care teams and invitations (issue 15). A patient invites a doctor or caregiver; a doctor (role
  // PATIENT only) gets 422 for this body.
  'GET /api/v1/care-team/invitations': { kind: 'signed-in', gate: ['PATIENT', 'DOCTOR'] },
  'POST /api/v1/care-team/invitations': {
    kind: 'signed-in',
    gate: ['PATIENT', 'DOCTOR'],
    ok: 201,
    body: () => ({ email: `invitee-${crypto.randomUUID()}@test.example`, role: 'CAREGIVER' }),
    expect: { doctorA: 422, doctorX: 422 },
  },
  'POST /api/v1/care-team/invitations/code': { kind: 'signed-in', gate: ['DOCTOR'], ok: 201 },
  'DELETE /api/v1/care-team/invitations/[id]': { kind: 'owner', ok: 204, params: (w) => ({ id: w.care.invitationId }) },
  'PATCH /api/v1/care-team/[linkId]': {
    kind: 'owner',
    gate: PATIENT,
    params: (w) => ({ linkId: w.care.linkId }),
    body: () => ({ permissions: { logData: true } }),
  },
  'DELETE /api/v1/care-team/[linkId]': { kind: 'owner', gate: ['PATIENT', 'DOCTOR', 'CAREGIVER'], ok: 204, params: (w) => ({ linkId: w.care.endLinkId }) },
  'GET /api/v1/invitations': { kind: 'signed-in', gate: ['PATIENT', 'DOCTOR', 'CAREGIVER'] },
  // Only the holder of the invited address answers an invitation: caregiverX declines C's.
  'POST /api/v1/invitations/[id]/[action]': {
    kind: 'owner',
    gate: ['PATIENT', 'DOCTOR', 'CAREGIVER'],
    ok: 204,
    params: (w) => ({ id: w.care.toCaregiverXId, action: 'decline' }),
    expect: { patientB: 404, caregiverX: 204 },
  },
  // No desk code is open for this one: 404 to every patient.
  'POST /api/v1/invitations/redeem': { kind: 'signed-in', gate: PATIENT, body: () => ({ code: 'ABCD2345' }), expect: { patientA: 404, patientB: 404 } },
  'GET /api/v1/admin/care-links': { kind: 'admin' },
  'DELETE /api/v1/admin/care-links/[id]': { kind: 'admin', ok: 204, params: (w) => ({ id: w.care.adminLinkId }) },

  // Nightscout uploaders (issue 16): a patient's sites, and the Nightscout API of B's site, whose secret
  // no caller holds (sessions and device tokens are no Nightscout credential).
  'GET /api/v1/nightscout-sites': { kind: 'signed-in', gate: PATIENT },
  'POST /api/v1/nightscout-sites': { kind: 'signed-in', gate: PATIENT, ok: 201, body: () => ({ name: 'Matrix uploader' }) },
  'DELETE /api/v1/nightscout-sites/[id]': { kind: 'owner', gate: PATIENT, ok: 204, params: (w) => ({ id: w.B.nightscoutSiteId }) },
  // Access tokens of a site (issue 16), on B's second site; the JWT requests present B's revoked token.
  'GET /api/v1/nightscout-sites/[id]/tokens': { kind: 'owner', gate: PATIENT, params: (w) => ({ id: w.B.nightscoutTokenSiteId }) },
  'POST /api/v1/nightscout-sites/[id]/tokens': { kind: 'owner', gate: PATIENT, ok: 201, params: (w) => ({ id: w.B.nightscoutTokenSiteId }), body: () => ({ name: 'Matrix follower', role: 'readable' }) },
  'DELETE /api/v1/nightscout-sites/[id]/tokens/[tokenId]': {
    kind: 'owner',
    gate: PATIENT,
    ok: 204,
    params: (w) => ({ id: w.B.nightscoutTokenSiteId, tokenId: w.B.nightscoutTokenId }),
  },
  'GET /ns/[siteId]/api/v2/authorization/request/[accessToken]': { kind: 'nightscout-secret', params: (w) => ({ ...ofSite(w), accessToken: w.B.nightscoutRevokedToken }) },
  'GET /api/v2/authorization/request/[accessToken]': { kind: 'nightscout-secret', params: (w) => ({ accessToken: w.B.nightscoutRevokedToken }) },
  'GET /ns/[siteId]/api/v1/status': { kind: 'nightscout-secret', params: ofSite },
  // Answered 200 whatever the credential (canRead false without one), as cgm-remote-monitor does; 429
  // once this address's wrong tries at the site pass the limit (deviceA's Bearer is one).
  'GET /ns/[siteId]/api/v1/verifyauth': { kind: 'public', params: ofSite, expect: Object.fromEntries(CALLERS.map((c) => [c, [200, 429]])) },
  'GET /ns/[siteId]/api/v1/experiments/test': { kind: 'nightscout-secret', params: ofSite },
  'GET /ns/[siteId]/api/v1/entries': { kind: 'nightscout-secret', params: ofSite, query: '?count=5' },
  'POST /ns/[siteId]/api/v1/entries': { kind: 'nightscout-secret', params: ofSite, body: () => [{ type: 'sgv', sgv: 120, date: Date.now() - 60_000, device: 'matrix' }] },
  'GET /ns/[siteId]/api/v1/entries/[spec]': { kind: 'nightscout-secret', params: (w) => ({ ...ofSite(w), spec: 'sgv' }) },
  'GET /ns/[siteId]/api/v1/treatments': { kind: 'nightscout-secret', params: ofSite, query: '?count=5' },
  'POST /ns/[siteId]/api/v1/treatments': { kind: 'nightscout-secret', params: ofSite, body: () => [{ eventType: 'Carb Correction', carbs: 10, created_at: now(), enteredBy: 'matrix' }] },
  'PUT /ns/[siteId]/api/v1/treatments': { kind: 'nightscout-secret', params: ofSite, body: () => ({ eventType: 'Note', notes: 'matrix', created_at: now() }) },
  'DELETE /ns/[siteId]/api/v1/treatments': { kind: 'nightscout-secret', params: ofSite, query: '?find[eventType]=Note' },
  'DELETE /ns/[siteId]/api/v1/treatments/[id]': { kind: 'nightscout-secret', params: (w) => ({ ...ofSite(w), id: '0123456789abcdef01234567' }) },
  'GET /ns/[siteId]/api/v1/devicestatus': { kind: 'nightscout-secret', params: ofSite },
  'POST /ns/[siteId]/api/v1/devicestatus': { kind: 'nightscout-secret', params: ofSite, body: () => [{ device: 'matrix', created_at: now(), uploader: { battery: 50 } }] },
  'DELETE /ns/[siteId]/api/v1/devicestatus': { kind: 'nightscout-secret', params: ofSite, query: '?find[device]=matrix' },
  'DELETE /ns/[siteId]/api/v1/devicestatus/[id]': { kind: 'nightscout-secret', params: (w) => ({ ...ofSite(w), id: '0123456789abcdef01234567' }) },
  'GET /ns/[siteId]/api/v1/profile': { kind: 'nightscout-secret', params: ofSite },
  'POST /ns/[siteId]/api/v1/profile': { kind: 'nightscout-secret', params: ofSite, body: () => [{ defaultProfile: 'Default', startDate: now(), store: { Default: {} } }] },
  'GET /ns/[siteId]/api/v1/profile/current': { kind: 'nightscout-secret', params: ofSite },
  'GET /ns/[siteId]/api/v1/activity': { kind: 'nightscout-secret', params: ofSite },
  'POST /ns/[siteId]/api/v1/activity': { kind: 'nightscout-secret', params: ofSite, body: () => [{ type: 'hr-bpm', bpm: 70, created_at: now() }] },
  // API v3 (AndroidAPS): the same secret; /version is open as in cgm-remote-monitor (versions only, no site looked up).
  'GET /ns/[siteId]/api/v3/version': { kind: 'public', params: ofSite },
  'GET /ns/[siteId]/api/v3/status': { kind: 'nightscout-secret', params: ofSite },
  'GET /ns/[siteId]/api/v3/lastModified': { kind: 'nightscout-secret', params: ofSite },
  'GET /ns/[siteId]/api/v3/[collection]': { kind: 'nightscout-secret', params: ofV3('treatments'), query: '?limit=5' },
  'POST /ns/[siteId]/api/v3/[collection]': { kind: 'nightscout-secret', params: ofV3('treatments'), body: () => ({ eventType: 'Note', notes: 'matrix', date: Date.now() - 60_000, app: 'matrix' }) },
  'GET /ns/[siteId]/api/v3/[collection]/[identifier]': { kind: 'nightscout-secret', params: ofV3Document },
  'PUT /ns/[siteId]/api/v3/[collection]/[identifier]': { kind: 'nightscout-secret', params: ofV3Document, body: () => ({ eventType: 'Note', notes: 'matrix', date: Date.now() - 60_000, app: 'matrix' }) },
  'PATCH /ns/[siteId]/api/v3/[collection]/[identifier]': { kind: 'nightscout-secret', params: ofV3Document, body: () => ({ notes: 'matrix' }) },
  'DELETE /ns/[siteId]/api/v3/[collection]/[identifier]': { kind: 'nightscout-secret', params: ofV3Document },
  'GET /ns/[siteId]/api/v3/[collection]/history': { kind: 'nightscout-secret', params: ofV3('devicestatus') },
  'GET /ns/[siteId]/api/v3/[collection]/history/[lastModified]': { kind: 'nightscout-secret', params: (w) => ({ ...ofV3('treatments')(w), lastModified: '1700000000000' }) },

  // Web Push (issue 17): any signed-in person subscribes their browsers and removes their own; the
  // matrix's endpoint is a fresh one at FCM for every call, its keys a browser's (a fixed P-256 point).
  'GET /api/v1/push/public-key': { kind: 'signed-in' },
  'GET /api/v1/users/me/push-subscriptions': { kind: 'signed-in' },
  'POST /api/v1/users/me/push-subscriptions': {
    kind: 'signed-in',
    ok: 201,
    body: () => ({ endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${crypto.randomUUID()}`, expirationTime: null, keys: { p256dh: MATRIX_P256DH, auth: 'bWF0cml4LWF1dGgtMTYtYg' } }),
  },
  // A browser that only knows its endpoint: nobody holds this one.
  'DELETE /api/v1/users/me/push-subscriptions': { kind: 'signed-in', ok: 404, query: '?endpoint=https%3A%2F%2Ffcm.googleapis.com%2Ffcm%2Fsend%2Fnobody' },
  'DELETE /api/v1/users/me/push-subscriptions/[id]': { kind: 'owner', ok: 204, params: (w) => ({ id: w.B.pushSubscriptionId }) },
};

/**
 * Pages: `role` = the roles the page is for (others are sent home with a real 307 to `/`, from the area's
 * layout; `status`: what those roles get, 200 unless said); `carer` = a page about patient A for A's linked
 * doctor or caregiver (other doctors or caregivers 404, other roles sent home); `any` = any session;
 * `public` = no session needed. Without a session every signed-in page redirects to /login.
 */
export type PagePolicy = {
  access: 'public' | 'any' | 'not-found' | { role: Role | Role[]; status?: number } | { carer: 'DOCTOR' | 'CAREGIVER' };
  params?: (w: World) => Record<string, string>;
  optional?: boolean;
};

export const PAGE_POLICY: Record<string, PagePolicy> = {
  '/': { access: 'public' },
  '/login': { access: 'public' },
  '/api-docs': { access: 'public' },
  '/developers': { access: 'public' },
  '/offline': { access: 'public' }, // the offline app shell: no data, the service worker caches it (issue 22)
  '/settings': { access: 'any' },
  '/notifications': { access: 'any' }, // the notification center (issue 17), every role's
  '/two-factor': { access: 'any' }, // two-factor enrolment: where doctors and admins without it are held
  '/dashboard': { access: { role: 'PATIENT' } },
  '/devices': { access: { role: 'PATIENT' } },
  '/entry': { access: { role: 'PATIENT' } },
  '/meals': { access: { role: 'PATIENT' } },
  '/timeline': { access: { role: 'PATIENT' } },
  '/labs': { access: { role: 'PATIENT' } },
  '/medications': { access: { role: 'PATIENT' } }, // issue 19
  '/questionnaires': { access: { role: 'PATIENT' } },
  '/questionnaires/[code]': { access: { role: 'PATIENT' }, params: () => ({ code: 'gad7' }) },
  '/record': { access: { role: 'PATIENT' } }, // conditions, allergies, emergency contacts (issue 19)
  '/care-team': { access: { role: 'PATIENT' } },
  '/trends': { access: { role: 'PATIENT' } },
  '/trends/[type]': { access: { role: 'PATIENT' }, params: () => ({ type: 'STEPS' }) },
  '/report': { access: { role: 'PATIENT' } }, // the clinic report (issue 18)
  '/doctor': { access: { role: 'DOCTOR' } },
  '/doctor/patients/[patientId]': { access: { carer: 'DOCTOR' }, params: ofA },
  '/doctor/patients/[patientId]/report': { access: { carer: 'DOCTOR' }, params: ofA },
  '/caregiver': { access: { role: 'CAREGIVER' } },
  '/caregiver/patients/[patientId]': { access: { carer: 'CAREGIVER' }, params: ofA },
  '/caregiver/patients/[patientId]/report': { access: { carer: 'CAREGIVER' }, params: ofA },
  '/caregiver/patients/[patientId]/medications': { access: { carer: 'CAREGIVER' }, params: ofA }, // issue 19
  '/admin': { access: { role: 'ADMIN' } },
  '/admin/users': { access: { role: 'ADMIN' } },
  '/admin/devices': { access: { role: 'ADMIN' } },
  '/admin/shares': { access: { role: 'ADMIN' } },
  '/admin/audit': { access: { role: 'ADMIN' } },
  '/admin/pipeline': { access: { role: 'ADMIN' } },
  '/admin/deliveries': { access: { role: 'ADMIN' } },
  '/admin/care-links': { access: { role: 'ADMIN' } },
  // An invitation's page is public; an unknown (used, expired, withdrawn) token is a 404 for everyone.
  '/invitations/[token]': { access: 'not-found', params: () => ({ token: 'no-such-invitation-token-000' }) },
  // Development and demo mode only (the test server runs in development); an unknown message is a 404.
  '/admin/outbox': { access: { role: 'ADMIN' } },
  '/admin/outbox/[id]': { access: { role: 'ADMIN', status: 404 }, params: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
  '/import': { access: { role: 'PATIENT' } },
  // The page of /share#code links (its script exchanges the code), and the link-share viewer, which
  // shows a share only to a browser holding its grant cookie (app/share tests).
  '/share': { access: 'public' },
  '/shared': { access: 'not-found' },
  '/shared/report': { access: 'not-found' }, // the link share's glucose report (issue 18): needs the grant cookie
  '/shared-with-me': { access: { role: ['DOCTOR', 'CAREGIVER'] } },
  // B's share is not shared with anyone in the matrix: every doctor and caregiver gets a 404.
  '/shared-with-me/[shareId]': { access: { role: ['DOCTOR', 'CAREGIVER'], status: 404 }, params: (w) => ({ shareId: w.B.shareId }) },
  // Sign-up and accounts (issue 15): public forms; the admins' review of doctors who signed up.
  '/signup': { access: 'public' },
  '/verify-email': { access: 'public' },
  '/forgot-password': { access: 'public' },
  '/reset-password': { access: 'public' },
  '/admin/doctors': { access: { role: 'ADMIN' } },
};

/** Server actions ('use server' files) and who may call them: none exist today. */
export const SERVER_ACTION_POLICY: Record<string, string> = {};

const SESSIONLESS: readonly CallerName[] = ['anonymous', 'deviceA'];

/** The statuses `caller` must get from a route under `policy` (any of them). */
export function expectedStatus(policy: Policy, caller: CallerName): number[] {
  const override = policy.expect?.[caller];
  if (override !== undefined) return typeof override === 'number' ? [override] : override;
  const ok = policy.ok ?? 200;
  if (policy.kind === 'public') return [ok];
  if (policy.kind === 'auth-internal') return [policy.same ?? 200];
  if (policy.kind === 'device-token') return [caller === 'deviceA' ? ok : 401];
  if (policy.kind === 'nightscout-secret') return [401, 429];
  if (SESSIONLESS.includes(caller)) return [401];
  const role = ROLE_OF[caller]!;
  if (policy.kind === 'admin') return [role === 'ADMIN' ? ok : 403];
  if (policy.gate && !policy.gate.includes(role)) return [403];
  const allowed: Record<Exclude<Kind, 'public' | 'auth-internal' | 'device-token' | 'nightscout-secret' | 'admin'>, readonly CallerName[]> = {
    'signed-in': CALLERS,
    'carer-of-patient': ['doctorA', 'caregiverA'],
    'doctor-of-patient': ['doctorA'],
    'carer-entry': ['caregiverA'],
    owner: ['patientB'],
  };
  return [allowed[policy.kind].includes(caller) ? ok : 404];
}

/** Which seeded patients' private data `caller` may see in a response from `path`. */
export function visiblePatients(caller: CallerName, path: string): ('A' | 'B')[] {
  if (caller === 'admin' && (path.startsWith('/api/v1/admin') || path.startsWith('/admin'))) return ['A', 'B'];
  if (caller === 'patientB') return ['B'];
  if (caller === 'patientA' || caller === 'doctorA' || caller === 'caregiverA' || caller === 'deviceA') return ['A'];
  return [];
}
