// Access decisions of the signed-in pages. They run in layouts above the loading.tsx of what they guard,
// so a caller without a session or of another role gets a real redirect (307), and a person the caller
// may not see a real 404, not a 200 whose stream carries the redirect or the not-found view. Each is
// cached for the request (React cache): the page below asks again for the same answer (a layout does not
// guard its pages' own fetches) without a second check or a second audit row.
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { pageRecordOrNotFound, recordPageRefusal } from '../audit/page-view';
import { findCareLink, type CaredForPatient } from '../data/patient-overview';
import { findReceivedShareById, type ActiveShare } from '../data/shares';
import type { Role } from '../generated/prisma/enums';
import { signInPath } from './page-path';
import { getCaller, type Caller } from './session';
import { TWO_FACTOR_ENROL_PAGE } from './two-factor';

/**
 * The signed-in caller of this page request, checked once. A doctor or admin who must still enrol a
 * second factor is sent to the enrolment page (which reads the caller with getCaller itself).
 */
export const getPageCaller = cache(async (): Promise<Caller | null> => {
  const caller = await getCaller();
  if (caller?.twoFactorEnrolmentDue) redirect(TWO_FACTOR_ENROL_PAGE);
  return caller;
});

// One row however many of the request's layouts and pages refuse the same caller.
const refuseRole = cache(async (actorUserId: string, required: string) => {
  await recordPageRefusal({ actorUserId, required, status: 307 });
});

export async function requirePageRole(roles: readonly Role[]): Promise<Caller> {
  const caller = await getPageCaller();
  if (!caller) redirect(await signInPath());
  if (!roles.includes(caller.role)) {
    await refuseRole(caller.id, roles.join('|'));
    redirect('/');
  }
  return caller;
}

/** The doctor's or caregiver's page of one patient: the caller's active link of their role, else 404. */
export const requireCarerPagePatient = cache(async (role: 'DOCTOR' | 'CAREGIVER', patientId: string): Promise<{ caller: Caller; link: CaredForPatient }> => {
  const caller = await requirePageRole([role]);
  const page = role === 'DOCTOR' ? '/doctor/patients/[patientId]' : '/caregiver/patients/[patientId]';
  // Audited allowed or not (who tried to open whose record), before anything is shown.
  const view = { action: 'page.read-patient-data', page, actorUserId: caller.id, subject: { kind: 'patient', id: patientId } } as const;
  return { caller, link: await pageRecordOrNotFound(view, () => findCareLink(caller, patientId)) };
});

/** A doctor's or caregiver's page of one share they received (active, of an enabled patient), else 404. */
export const requireReceivedSharePage = cache(async (shareId: string): Promise<{ caller: Caller; share: ActiveShare }> => {
  const caller = await requirePageRole(['DOCTOR', 'CAREGIVER']);
  const view = { action: 'page.read-shared-data', page: '/shared-with-me/[shareId]', actorUserId: caller.id, subject: { kind: 'share', id: shareId } } as const;
  return { caller, share: await pageRecordOrNotFound(view, () => findReceivedShareById(caller.id, shareId)) };
});
