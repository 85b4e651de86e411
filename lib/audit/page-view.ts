// Server-rendered pages about one record (a patient a carer opens, a share a recipient opens) are not
// API requests, so route() does not audit them: the page wraps its access check in auditPageView, which
// records who tried to see which record of whose, allowed or not, before the page shows anything. A page
// refused for the caller's role is recorded too (recordPageRefusal), as the API records its 403s.
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { ApiError } from '../http/errors';
import type { AuditOutcome } from '../generated/prisma/enums';
import { clientOf, recordAudit } from './record';
import { resolveSubject, type SubjectKind } from './subjects';

/** The page request's address; none outside a request (headers() throws there). */
export async function pageClient(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    return clientOf(await headers());
  } catch {
    return { ip: null, userAgent: null };
  }
}

const outcomeOfCheck = (found: boolean, error: unknown): AuditOutcome =>
  error === undefined ? (found ? 'SUCCESS' : 'DENIED') : error instanceof ApiError && error.status === 404 ? 'DENIED' : 'FAILURE';

/**
 * Runs the page's access check (null or a not-found error: refused), then records the view with the
 * record's type, id and patient (looked up from the record, also when refused: nothing of it is shown),
 * and returns the check's answer or rethrows its error. A failed audit write fails the page.
 */
export async function auditPageView<T>(
  view: { action: string; page: string; actorUserId: string | null; subject: { kind: SubjectKind; id: string } },
  check: () => Promise<T>,
): Promise<T> {
  let found: T | null = null;
  let failure: unknown;
  try {
    found = await check();
  } catch (error) {
    failure = error;
  }
  const subject = await resolveSubject({ kind: view.subject.kind, param: 'id' }, { params: { id: view.subject.id } });
  await recordAudit({
    action: view.action,
    outcome: outcomeOfCheck(found !== null, failure),
    actorUserId: view.actorUserId,
    ...subject,
    details: { page: view.page },
    ...(await pageClient()),
  });
  if (failure !== undefined) throw failure;
  return found as T;
}

/**
 * auditPageView for a page about one record, refused as Next's notFound(): called from the record's
 * layout, above its loading.tsx, the refusal is a real 404 rather than a streamed 200.
 */
export async function pageRecordOrNotFound<T>(view: Parameters<typeof auditPageView>[0], check: () => Promise<T | null>): Promise<T> {
  let found: T | null;
  try {
    found = await auditPageView(view, check);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  if (found === null) notFound();
  return found;
}

/** A signed-in caller sent away from a page of another role (the API's 403): who, and what it required. */
export async function recordPageRefusal(refusal: { actorUserId: string; required: string; status: number }): Promise<void> {
  await recordAudit({
    action: 'page.refused',
    outcome: 'DENIED',
    actorUserId: refusal.actorUserId,
    details: { required: refusal.required, status: refusal.status },
    ...(await pageClient()),
  });
}
