// The audit context of one API request (AsyncLocalStorage): route() opens it, and the code that learns
// who is calling (session, device token) or whose data is read (lib/data/access.ts) notes it here, so
// the one audit row route() writes at the end has the actor, the subject and the counts.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pageClient } from './page-view';
import { recordAudit, type AuditDetails } from './record';

export type AuditContext = {
  actorUserId?: string;
  actorDeviceId?: string;
  patientId?: string;
  /** Another person's data was asked for: the request is audited even as a GET. */
  readsOtherPerson: boolean;
  details: AuditDetails;
};

const storage = new AsyncLocalStorage<AuditContext>();

export function withAuditContext<T>(fn: (context: AuditContext) => Promise<T>): Promise<T> {
  const context: AuditContext = { readsOtherPerson: false, details: {} };
  return storage.run(context, () => fn(context));
}

/** Notes facts about the current request; outside an API request (pages, jobs) it does nothing. */
export function noteAudit(facts: { actorUserId?: string; actorDeviceId?: string; patientId?: string; details?: AuditDetails }) {
  const context = storage.getStore();
  if (!context) return;
  const { details, ...rest } = facts;
  Object.assign(context, rest);
  if (details) Object.assign(context.details, details);
}

/**
 * The caller reads (or tries to read) this patient's data. In an API request it is noted for the
 * request's row. Outside one (a server-rendered page, which checks the care link before it loads data)
 * the read is recorded here, before any data is returned; a failed write fails the page.
 */
export async function noteAuditSubject(patientId: string, actorUserId: string): Promise<void> {
  const context = storage.getStore();
  if (context) {
    context.readsOtherPerson = true;
    context.patientId = patientId;
    return;
  }
  await recordAudit({ action: 'page.read-patient-data', outcome: 'SUCCESS', actorUserId, patientId, targetType: 'patients', targetId: patientId, ...(await pageClient()) });
}

/** A list shows several patients' data at once (the doctor's triage list): one row per patient shown. */
export async function recordListRead(list: string, patientIds: readonly string[], actorUserId: string): Promise<void> {
  if (patientIds.length === 0) return;
  const client = await pageClient();
  await Promise.all(patientIds.map((patientId) => recordAudit({ action: 'list.read-patient-data', outcome: 'SUCCESS', actorUserId, patientId, targetType: 'patients', targetId: patientId, details: { list }, ...client })));
}
