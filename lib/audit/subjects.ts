// What an audited request is about. Each route declares its subject (lib/http/handler.ts route()): the
// kind of record and where its id comes from (a URL param by name, the record the request creates, or
// the caller). The audit row then names the record's type and id and the patient whose data it is,
// resolved from the record itself, so a refused attempt (403/404) still says whose data was tried,
// while the answer stays the same 404 whether or not the record exists.
import { hashToken } from '../auth/tokens';
import { prisma } from '../db/client';
import { uuidOrNull } from './record';

/** The kinds of record a route acts on, with their audit type (the table name) and owning patient. */
const KINDS = {
  patient: { type: 'patients', patientOf: async (id: string) => id },
  user: { type: 'users', patientOf: patientUser },
  device: { type: 'devices', patientOf: async (id: string) => (await prisma.device.findUnique({ where: { id }, select: { userId: true } }))?.userId },
  emergency: {
    type: 'emergency_events',
    patientOf: async (id: string) => (await prisma.emergencyEvent.findUnique({ where: { id }, select: { patientId: true } }))?.patientId,
  },
  insight: { type: 'insights', patientOf: async (id: string) => (await prisma.insight.findUnique({ where: { id }, select: { userId: true } }))?.userId },
  notification: {
    type: 'notifications',
    patientOf: async (id: string) => (await prisma.notification.findUnique({ where: { id }, select: { patientId: true } }))?.patientId,
  },
  share: { type: 'share_tokens', patientOf: async (id: string) => (await prisma.shareToken.findUnique({ where: { id }, select: { patientId: true } }))?.patientId },
  import: { type: 'imports', patientOf: async (id: string) => (await prisma.import.findUnique({ where: { id }, select: { userId: true } }))?.userId },
  // A queued e-mail is about its account: a patient's own when that account is a patient's.
  mail: {
    type: 'mail_messages',
    patientOf: async (id: string) => {
      const message = await prisma.mailMessage.findUnique({ where: { id }, select: { userId: true } });
      return message ? patientUser(message.userId) : null;
    },
  },
  // Care teams (issue 15): a link is about its patient; an invitation about its inviter when a patient
  // (a doctor's invitation names no patient until one accepts it).
  careLink: {
    type: 'care_relationships',
    patientOf: async (id: string) => (await prisma.careRelationship.findUnique({ where: { id }, select: { patientId: true } }))?.patientId,
  },
  invitation: {
    type: 'care_invitations',
    patientOf: async (id: string) => {
      const invitation = await prisma.careInvitation.findUnique({ where: { id }, select: { inviterId: true } });
      return invitation ? patientUser(invitation.inviterId) : null;
    },
  },
} satisfies Record<string, { type: string; patientOf: (id: string) => Promise<string | null | undefined> }>;

export type SubjectKind = keyof typeof KINDS;

/** A user is a patient subject only when they are a patient (a doctor's account holds no health data). */
async function patientUser(id: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { id }, select: { role: true } });
  return user?.role === 'PATIENT' ? id : null;
}

/**
 * The subject a route declares, checked against its params' names by the compiler:
 * - `{ kind, param }`: the record a URL param names (the same subject whoever calls, allowed or not);
 * - `{ kind, created: true }`: the record the request creates (the `id` of a 2xx JSON answer), owned by
 *   the caller (`owner: 'created'`: the created record is its own subject, e.g. a new user);
 * - `'caller'`: the caller's own account and data (`{ caller: true, always: true }` is audited even as
 *   a GET of one's own data: a download of all of it; `{ caller: true, list }`: the answer lists records
 *   with a `patientId`, and each other patient it shows gets a row of its own, like the triage list);
 * - `'device'`: the device whose token the request carries (phone bridges, whose URL names no device);
 * - `'nobody'`: no one person's data (admin lists and jobs).
 */
export type AuditSubject<P> =
  | { kind: SubjectKind; param: Extract<keyof P, string> }
  | { kind: SubjectKind; created: true; owner?: 'caller' | 'created' }
  | 'caller'
  | { caller: true; always: true }
  | { caller: true; list: string }
  | 'device'
  | 'nobody';

export type ResolvedSubject = { targetType: string | null; targetId: string | null; patientId: string | null };

type Params = Record<string, unknown>;

/** The id in a URL param (as given, when not a uuid: the attempt is kept, no record is looked up). */
function paramOf(params: Params, name: string): string | null {
  const value = params[name];
  return typeof value === 'string' ? value : null;
}

async function patientOfRecord(kind: SubjectKind, id: string | null): Promise<string | null> {
  if (!id || !uuidOrNull(id)) return null;
  return (await KINDS[kind].patientOf(id)) ?? null;
}

/** The id of the record a 2xx JSON answer created (the answer itself is left unread). */
async function createdId(response: Response): Promise<string | null> {
  if (response.status < 200 || response.status >= 300 || !response.headers.get('content-type')?.includes('json')) return null;
  try {
    const body = (await response.clone().json()) as { id?: unknown } | null;
    return typeof body?.id === 'string' ? body.id : null;
  } catch {
    return null;
  }
}

export function isCallerSubject<P>(subject: AuditSubject<P>): subject is 'caller' | { caller: true; always: true } | { caller: true; list: string } {
  return subject === 'caller' || (typeof subject === 'object' && 'caller' in subject);
}

/** A subject named in the URL, so known before the handler runs (a GET of it may be someone else's). */
export function isParamSubject<P>(subject: AuditSubject<P>): subject is { kind: SubjectKind; param: Extract<keyof P, string> } {
  return typeof subject === 'object' && 'param' in subject;
}

export async function resolveSubject<P>(
  subject: AuditSubject<P>,
  facts: { params: Params; actorUserId?: string; actorDeviceId?: string; response?: Response },
): Promise<ResolvedSubject> {
  if (subject === 'nobody') return { targetType: null, targetId: null, patientId: null };
  if (subject === 'device') {
    const id = facts.actorDeviceId ?? null;
    return { targetType: KINDS.device.type, targetId: id, patientId: await patientOfRecord('device', id) };
  }
  const actor = facts.actorUserId ?? null;
  if (isCallerSubject(subject)) return { targetType: 'users', targetId: actor, patientId: await patientOfRecord('user', actor) };
  const { type } = KINDS[subject.kind];
  if ('param' in subject) {
    const id = paramOf(facts.params, subject.param);
    return { targetType: type, targetId: id, patientId: await patientOfRecord(subject.kind, id) };
  }
  const id = facts.response ? await createdId(facts.response) : null;
  const patientId = subject.owner === 'created' ? await patientOfRecord(subject.kind, id) : await patientOfRecord('user', actor);
  return { targetType: type, targetId: id, patientId };
}

// URL params that are credentials (Nightscout's /authorization/request/{accessToken}): never recorded.
const CREDENTIAL_PARAMS = new Set(['accessToken']);

/** The other params of the URL (the action of /{resource}/{id}/{action}): what was tried, kept short. */
export function otherParams<P>(subject: AuditSubject<P>, params: Params): Record<string, string> {
  const skip = isParamSubject(subject) ? subject.param : null;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === skip || typeof value !== 'string' || CREDENTIAL_PARAMS.has(name)) continue;
    out[name] = /^[\w.-]{1,64}$/.test(value) ? value : '(not a name)';
  }
  return out;
}

/** The other patients a 2xx JSON answer shows (every `patientId` in it, at any depth), for list reads. */
export async function patientsShown(response: Response, actorUserId: string | undefined): Promise<string[]> {
  if (response.status < 200 || response.status >= 300 || !response.headers.get('content-type')?.includes('json')) return [];
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'patientId' && typeof inner === 'string' && uuidOrNull(inner) && inner !== actorUserId) found.add(inner);
        else visit(inner);
      }
    }
  };
  visit(await response.clone().json());
  return [...found];
}

/**
 * The share a link code names, ended or not (the audit of a refused link: whose share was tried). The
 * same lookup runs for every refused code, so an ended share's code answers no slower than an unknown one.
 */
export async function shareOfCode(code: string): Promise<{ id: string; patientId: string } | null> {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(code)) return null;
  return prisma.shareToken.findFirst({ where: { codeHash: hashToken(code) }, select: { id: true, patientId: true } });
}
