// The one audit row of an API request (written by route() in lib/http/handler.ts): every request that
// is not a GET/HEAD, every GET of another person's data or refused with 403, every request authenticated
// by a device token.
import type { AuditContext } from './context';
import { clientOf, outcomeOf, recordAudit, type AuditDetails } from './record';
import type { ResolvedSubject } from './subjects';

type Params = Record<string, unknown>;

/** The route template ("/api/v1/patients/[patientId]/samples"): each segment equal to a param becomes its name. */
export function routeTemplate(pathname: string, params: Params): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) if (typeof value === 'string') names.set(value, name);
  return pathname
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // not percent-encoded text; compare as is
      }
      const name = names.get(decoded);
      return name ? `[${name}]` : segment;
    })
    .join('/');
}

/**
 * A route addressed to a patient (a `patientId` param) reads or writes that person's data, whether or
 * not its data function goes through lib/data/access.ts: it is audited like a noted subject.
 */
export function noteRouteSubject(params: Params, context: AuditContext): void {
  if (typeof params.patientId !== 'string') return;
  context.readsOtherPerson = true;
  context.patientId ??= params.patientId;
}

/** A refusal of a signed-in caller (403: their role may not) is audited even as a GET, as refused pages are. */
export function needsAudit(method: string, context: AuditContext, status?: number): boolean {
  return (method !== 'GET' && method !== 'HEAD') || context.readsOtherPerson || context.actorDeviceId !== undefined || status === 403;
}

/**
 * The row names the subject the route declared (lib/audit/subjects.ts), never one guessed from the
 * path: the last two segments of /emergencies/{id}/{action} are an id and a verb, not a type and an id.
 */
export async function recordRequestAudit(req: Request, response: Response, context: AuditContext, facts: { params: Params; subject: ResolvedSubject; tried: AuditDetails }) {
  const template = routeTemplate(new URL(req.url).pathname, facts.params);
  await recordAudit({
    action: `${req.method} ${template}`,
    outcome: outcomeOf(response.status),
    actorUserId: context.actorUserId,
    actorDeviceId: context.actorDeviceId,
    targetType: facts.subject.targetType,
    targetId: facts.subject.targetId,
    patientId: facts.subject.patientId ?? context.patientId,
    ...clientOf(req.headers),
    details: { status: response.status, ...facts.tried, ...context.details },
  });
}
