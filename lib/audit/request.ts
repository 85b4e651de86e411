// The one audit row of an API request (written by route() in lib/http/handler.ts): every request that
// is not a GET/HEAD, every GET of another person's data, every request authenticated by a device token.
import type { AuditContext } from './context';
import { clientOf, outcomeOf, recordAudit } from './record';

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

/** The target: the last route param, typed by the path segment before it ("devices" for /devices/[id]). */
function targetOf(template: string, params: Params): { targetType: string | null; targetId: string | null } {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const last = entries.at(-1);
  if (!last) return { targetType: null, targetId: null };
  const segments = template.split('/');
  const at = segments.indexOf(`[${last[0]}]`);
  return { targetType: at > 0 ? segments[at - 1]! : last[0], targetId: last[1] };
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

export function needsAudit(method: string, context: AuditContext): boolean {
  return (method !== 'GET' && method !== 'HEAD') || context.readsOtherPerson || context.actorDeviceId !== undefined;
}

export async function recordRequestAudit(req: Request, params: Params, response: Response, context: AuditContext) {
  const template = routeTemplate(new URL(req.url).pathname, params);
  await recordAudit({
    action: `${req.method} ${template}`,
    outcome: outcomeOf(response.status),
    actorUserId: context.actorUserId,
    actorDeviceId: context.actorDeviceId,
    patientId: context.patientId,
    ...targetOf(template, params),
    ...clientOf(req.headers),
    details: { status: response.status, ...context.details },
  });
}
