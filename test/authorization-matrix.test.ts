// The authorization matrix: every route handler and page the source tree serves (test/route-inventory),
// called as every kind of caller (test/authorization-policy) with other users' ids where that is the
// attack. Each answer must have the policy's status and carry no private data of a patient the caller
// may not see; `x-middleware-subrequest` must change nothing; ids in a body must never change ownership.
// A page about one person, opened or refused, and a page refused for the caller's role leave an audit row.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { api } from '@/test/http';
import {
  CALLERS,
  PAGE_POLICY,
  ROLE_OF,
  ROUTE_POLICY,
  SERVER_ACTION_POLICY,
  expectedStatus,
  visiblePatients,
  type CallerName,
  type World,
} from './authorization-policy';
import { seedWorld, type Credentials } from './authorization-world';
import { fillTemplate, listPages, listRoutes, listServerActionFiles } from './route-inventory';

const routes = listRoutes();
const pages = listPages();
const SUBREQUEST_HEADERS = ['middleware', 'proxy', 'src/middleware'].map((name) => Array(5).fill(name).join(':'));

type Call = {
  caller: CallerName;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: number[];
  location?: string; // for a redirect: the pathname it must point to
  page?: boolean;
  unstreamed?: boolean; // a page whose layout decides: a real status, not a marker in a streamed 200
  audit?: 'SUCCESS' | 'DENIED'; // a page that must leave an audit row of the caller with this outcome
};

/**
 * A page below a loading.tsx streams: once its shell is sent, a redirect() or notFound() in the page
 * arrives as a 200 whose payload carries Next's redirect / 404 marker. That counts as the redirect or 404.
 */
function pageOutcome(status: number, text: string, location: string | null): { status: number; location: string | null; streamed: boolean } {
  if (status !== 200) return { status, location, streamed: false };
  const redirect = /NEXT_REDIRECT;(?:replace|push);([^;]*);30[78];/.exec(text);
  if (redirect) return { status: 307, location: redirect[1]!, streamed: true };
  if (text.includes('NEXT_HTTP_ERROR_FALLBACK;404')) return { status: 404, location, streamed: true };
  return { status, location, streamed: false };
}

const world = {} as World;
const credentials = {} as Credentials;
const userIds: Partial<Record<CallerName, string>> = {};
const canaries = { A: [] as string[], B: [] as string[] };
const seeded = { insights: [] as string[], notifications: [] as string[], emergencies: [] as string[] };

beforeAll(async () => {
  const seed = await seedWorld();
  Object.assign(world, seed.world);
  Object.assign(credentials, seed.credentials);
  Object.assign(userIds, seed.userIds);
  Object.assign(canaries, seed.canaries);
  Object.assign(seeded, seed.seeded);
}, 300_000);

/** Runs one call; returns what is wrong with the answer (nothing when it is as expected). */
async function check(call: Call): Promise<string[]> {
  const userAgent = `matrix ${randomUUID()}`; // finds this call's audit rows
  const res = await api(call.path, { method: call.method, json: call.body, ...credentials[call.caller], headers: { ...call.headers, 'user-agent': userAgent } });
  const label = `${call.caller} ${call.method} ${call.path}${call.headers ? ` [x-middleware-subrequest: ${call.headers['x-middleware-subrequest']}]` : ''}`;
  const problems: string[] = [];
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  const got = call.page ? pageOutcome(res.status, text, res.headers.get('location')) : { status: res.status, location: res.headers.get('location'), streamed: false };
  const shown = `${got.status}${got.streamed ? ' (streamed in a 200)' : ''}`;
  if (!call.expect.includes(got.status)) problems.push(`${label}: expected ${call.expect.join(' or ')}, got ${shown}`);
  else if (call.unstreamed && got.streamed) problems.push(`${label}: expected a real ${got.status}, got ${shown}`);
  if (call.location !== undefined && got.status >= 300 && got.status < 400) {
    const location = new URL(got.location ?? '', 'http://x').pathname;
    if (location !== call.location) problems.push(`${label}: redirected to ${location}, expected ${call.location}`);
  }
  if (call.audit) {
    const rows = await prisma.auditLog.findMany({ where: { userAgent, actorUserId: userIds[call.caller]! }, select: { action: true, outcome: true } });
    if (!rows.some((r) => r.outcome === call.audit)) problems.push(`${label}: (${shown}) left no ${call.audit} audit row (got ${JSON.stringify(rows)})`);
  }
  const visible = visiblePatients(call.caller, call.path);
  for (const who of ['A', 'B'] as const) {
    if (visible.includes(who)) continue;
    const leaked = canaries[who].filter((c) => text.includes(c) && !call.path.includes(c));
    if (leaked.length > 0) problems.push(`${label}: answer (${shown}) carries patient ${who}'s ${leaked.join(', ')}`);
  }
  return problems;
}

async function runAll(calls: Call[], concurrency: number): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < calls.length) problems.push(...(await check(calls[next++]!)));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return problems;
}

const routeExists = new Set(routes.map((r) => r.key));
const pageExists = new Set(pages.map((p) => p.template));

function routeCalls(): Call[] {
  return routes.flatMap(({ key, method, template }) => {
    const policy = ROUTE_POLICY[key]!;
    const path = (params: Record<string, string>) => fillTemplate(template, params) + (policy.query ?? '');
    const target = policy.params?.(world) ?? {};
    const calls: Call[] = CALLERS.map((caller) => ({ caller, method, path: path(target), body: policy.body?.(world), expect: expectedStatus(policy, caller) }));
    // The linked carers and A's device aimed at B: the same 404 as for a stranger.
    if (['carer-of-patient', 'doctor-of-patient', 'carer-entry'].includes(policy.kind)) {
      for (const caller of ['doctorA', 'caregiverA'] as const) {
        const gated = policy.gate && !policy.gate.includes(ROLE_OF[caller]!);
        calls.push({ caller, method, path: path({ ...target, patientId: world.B.id }), body: policy.body?.(world), expect: [gated ? 403 : 404] });
      }
    }
    // Nightscout's API asked at the host root (Loop, Trio: lib/nightscout/root-paths.ts rewrites it to
    // /ns/root/, the site found from the credential): the same answers as under the site, sessions included.
    if (/^\/ns\/\[siteId\]\/api\/v[13]\//.test(template)) {
      const atRoot = fillTemplate(template.slice('/ns/[siteId]'.length), target) + (policy.query ?? '');
      calls.push(...CALLERS.map((caller) => ({ caller, method, path: atRoot, body: policy.body?.(world), expect: expectedStatus(policy, caller) })));
    }
    // A's device token aimed at B's device (a bridge's URL names no device: its token decides).
    if (policy.kind === 'device-token' && template.includes('[id]')) calls.push({ caller: 'deviceA', method, path: path({ id: world.B.deviceId }), body: policy.body?.(world), expect: [404] });
    return calls;
  });
}

function pageCalls(): Call[] {
  return pages.flatMap(({ template }) => {
    const policy = PAGE_POLICY[template]!;
    const params = policy.params?.(world) ?? {};
    const calls = CALLERS.map((caller): Call => {
      const role = ROLE_OF[caller];
      const path = fillTemplate(template, params);
      const { access } = policy;
      if (access === 'public') return { caller, method: 'GET', path, expect: role ? [200, 307] : [200] };
      // Without a session, a page in the signed-in shell sends to /login first.
      if (access === 'not-found') return { caller, method: 'GET', path, expect: role ? [404] : [307, 404], unstreamed: role !== null };
      if (!role) return { caller, method: 'GET', path, expect: [307], location: '/login' };
      if (access === 'any') return { caller, method: 'GET', path, expect: [200] };
      // Refusals are decided in layouts above loading.tsx (real statuses) and recorded.
      const home: Call = { caller, method: 'GET', path, expect: [307], location: '/', unstreamed: true, audit: 'DENIED' };
      const refused: Call = { caller, method: 'GET', path, expect: [404], unstreamed: true, audit: 'DENIED' };
      if ('role' in access) {
        if (![access.role].flat().includes(role)) return home;
        return access.status === 404 ? refused : { caller, method: 'GET', path, expect: [access.status ?? 200] };
      }
      if (role !== access.carer) return home;
      const linked = caller === 'doctorA' || caller === 'caregiverA';
      return linked ? { caller, method: 'GET', path, expect: [200], audit: 'SUCCESS' } : refused;
    });
    if (typeof policy.access === 'object' && 'carer' in policy.access) {
      const caller = policy.access.carer === 'DOCTOR' ? 'doctorA' : 'caregiverA';
      calls.push({ caller, method: 'GET', path: fillTemplate(template, { ...params, patientId: world.B.id }), expect: [404], unstreamed: true, audit: 'DENIED' });
    }
    return calls.map((call) => ({ ...call, page: true }));
  });
}

/**
 * Denied calls again with x-middleware-subrequest: every anonymous call with each value, every denied call
 * of patient A (a signed-in caller aiming at B or at a role they lack) with the first. The same answers.
 */
function withSubrequestHeaders(calls: Call[]): Call[] {
  const header = (call: Call, value: string): Call => ({ ...call, headers: { 'x-middleware-subrequest': value } });
  return [
    ...calls.filter((c) => c.caller === 'anonymous').flatMap((call) => SUBREQUEST_HEADERS.map((value) => header(call, value))),
    ...calls.filter((c) => c.caller === 'patientA').map((call) => header(call, SUBREQUEST_HEADERS[0]!)),
  ];
}

const isDenied = (call: Call) => call.expect.every((s) => s < 200 || s >= 300);

/** Everything of A and B that a denied call could have changed. */
async function stateOf(w: World) {
  const ids = [w.A.id, w.B.id];
  return prisma.$transaction([
    prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, disabledAt: true }, orderBy: { id: 'asc' } }),
    prisma.profile.findMany({ where: { userId: { in: ids } }, select: { userId: true, displayName: true, timeZone: true }, orderBy: { userId: 'asc' } }),
    prisma.device.findMany({ where: { userId: { in: ids } }, select: { id: true, name: true, priority: true, revokedAt: true, userId: true }, orderBy: { id: 'asc' } }),
    prisma.deviceTypePriority.count({ where: { deviceId: { in: [w.A.deviceId, w.B.deviceId] } } }),
    // The pipeline may resolve a seeded insight meanwhile; only the statuses a caller sets count.
    prisma.insight.count({ where: { id: { in: seeded.insights }, status: { in: ['ACKNOWLEDGED', 'DISMISSED'] } } }),
    prisma.notification.findMany({ where: { id: { in: seeded.notifications } }, select: { id: true, readAt: true }, orderBy: { id: 'asc' } }),
    // The escalation workflow escalates a seeded alert after 15 minutes (a slow run lasts longer): only the
    // statuses a caller sets count.
    prisma.emergencyEvent.findMany({ where: { id: { in: seeded.emergencies }, status: { in: ['ACKNOWLEDGED', 'RESOLVED'] } }, select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    prisma.shareToken.findMany({ where: { patientId: { in: ids } }, select: { id: true, revokedAt: true }, orderBy: { id: 'asc' } }),
    prisma.careRelationship.findMany({ where: { patientId: { in: ids } }, select: { id: true, lastReviewedAt: true, alertDelivery: true }, orderBy: { id: 'asc' } }),
    prisma.alertThresholds.count({ where: { patientId: { in: ids } } }),
    prisma.healthEvent.count({ where: { userId: { in: ids } } }),
    prisma.healthSample.count({ where: { userId: { in: ids } } }),
  ]);
}

describe('the authorization matrix', () => {
  it('has a policy for every route, page and server action, and no policy for a route that is gone', () => {
    const missing = [
      ...routes.filter((r) => !ROUTE_POLICY[r.key]).map((r) => `route ${r.key} (${r.file})`),
      ...pages.filter((p) => !PAGE_POLICY[p.template]).map((p) => `page ${p.template} (${p.file})`),
      ...listServerActionFiles()
        .filter((f) => !SERVER_ACTION_POLICY[f])
        .map((f) => `server actions in ${f} (add them to the matrix and call them as every role)`),
    ];
    const stale = [
      ...Object.entries(ROUTE_POLICY).filter(([key, p]) => !p.optional && !routeExists.has(key)).map(([key]) => `route ${key}`),
      ...Object.entries(PAGE_POLICY).filter(([t, p]) => !p.optional && !pageExists.has(t)).map(([t]) => `page ${t}`),
    ];
    expect(missing, `not in the authorization matrix (test/authorization-policy.ts): ${missing.join('; ')}`).toEqual([]);
    expect(stale, `in the authorization matrix but no longer served: ${stale.join('; ')}`).toEqual([]);
  });

  it('answers every caller as the policy says, leaks nothing, and ignores x-middleware-subrequest and ids in bodies', async () => {
    const matrix = [...routeCalls(), ...pageCalls()];
    const denied = matrix.filter(isDenied);
    const headerCalls = withSubrequestHeaders(denied);
    // Reads and denied calls first, concurrently; then A and B must be untouched; then the allowed writes, in order.
    const before = await stateOf(world);
    const firstPhase = [...matrix.filter((c) => isDenied(c) || c.method === 'GET'), ...headerCalls];
    const started = Date.now();
    const report = (phase: string, found: string[]) => console.log(`${phase} (${Math.round((Date.now() - started) / 1000)} s): ${found.length ? found.join('\n') : 'as expected'}`);
    const problems = await runAll(firstPhase, 4);
    const after = await stateOf(world);
    if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`denied calls changed data of A or B: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    report(`reads and denied calls (${firstPhase.length})`, problems);
    const writes = await runAll(matrix.filter((c) => !isDenied(c) && c.method !== 'GET'), 1);
    report('allowed writes', writes);
    const ownership: string[] = [];
    const ownershipChecks = await checkBodyOwnership(ownership);
    report('body ownership', ownership);
    problems.push(...writes, ...ownership);

    const total = matrix.length + headerCalls.length + ownershipChecks;
    const size = `${routes.length} routes + ${pages.length} pages × ${CALLERS.length} callers = ${total} checks (with foreign-id, x-middleware-subrequest and body-ownership checks)`;
    console.log(`authorization matrix: ${size}, ${problems.length === 0 ? 'all as expected' : `${problems.length} unexpected`}`);
    expect(problems, `authorization matrix: ${problems.length} unexpected answers:\n${problems.join('\n')}`).toEqual([]);
  }, 2_700_000); // ~4,000 calls against a development server that compiles each page on first use: 25 min on a loaded 2-core machine
});

/** Bodies naming B (or ADMIN) as owner, patient or role: what gets stored belongs to the caller. Returns the number of checks. */
async function checkBodyOwnership(problems: string[]): Promise<number> {
  const foreign = { userId: world.B.id, patientId: world.B.id, ownerId: world.B.id, recordedById: world.B.id, role: 'ADMIN' };
  const ownedByCaller = [201, 200, 422]; // stored as the caller's, or refused as an unknown field
  const cases: { caller: CallerName; method: string; path: string; body: unknown }[] = [
    { caller: 'patientA', method: 'POST', path: '/api/v1/devices', body: { name: 'Injected device', type: 'phone', ...foreign } },
    { caller: 'patientA', method: 'POST', path: '/api/v1/users/me/entries', body: { kind: 'note', text: 'injected note', ...foreign } },
    { caller: 'patientA', method: 'PATCH', path: '/api/v1/users/me/settings', body: { displayName: 'Injected name', ...foreign } },
    { caller: 'patientA', method: 'PATCH', path: `/api/v1/devices/${world.A.deviceId}`, body: { name: 'Injected rename', ...foreign } },
    { caller: 'caregiverA', method: 'POST', path: `/api/v1/patients/${world.A.id}/entries`, body: { kind: 'note', text: 'injected carer note', ...foreign } },
    {
      caller: 'deviceA',
      method: 'POST',
      path: `/api/v1/devices/${world.A.deviceId}/sync`,
      body: { ...foreign, samples: [{ type: 'STEPS', value: 7, unit: 'count', startDate: '2026-11-14T09:00:00Z', endDate: '2026-11-14T09:05:00Z', ...foreign }] },
    },
    { caller: 'patientB', method: 'PATCH', path: '/api/v1/users/me/settings', body: { role: 'ADMIN', userId: world.A.id } },
  ];
  if (routeExists.has('POST /api/v1/shares')) {
    cases.push({ caller: 'patientA', method: 'POST', path: '/api/v1/shares', body: { types: ['STEPS'], dataFrom: '2026-11-01', dataTo: '2026-11-30', ...foreign } });
  }
  const countsOfB = () =>
    prisma.$transaction([
      prisma.device.count({ where: { userId: world.B.id } }),
      prisma.healthEvent.count({ where: { userId: world.B.id } }),
      prisma.healthSample.count({ where: { userId: world.B.id } }),
      prisma.shareToken.count({ where: { patientId: world.B.id } }),
      prisma.profile.findUniqueOrThrow({ where: { userId: world.B.id }, select: { displayName: true } }),
    ]);
  const before = await countsOfB();
  for (const c of cases) {
    const res = await api(c.path, { method: c.method, json: c.body, ...credentials[c.caller] });
    if (!ownedByCaller.includes(res.status)) problems.push(`ownership: ${c.caller} ${c.method} ${c.path} with foreign ids answered ${res.status}`);
  }
  const after = await countsOfB();
  if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`ownership: a body naming B changed B's data: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  const injected = await prisma.device.findFirst({ where: { name: 'Injected device' }, select: { userId: true } });
  if (injected && injected.userId !== world.A.id) problems.push('ownership: the injected device does not belong to its registrant');
  const roles = await prisma.user.findMany({ where: { id: { in: [world.A.id, world.B.id] } }, select: { role: true } });
  if (roles.some((u) => u.role !== 'PATIENT')) problems.push('ownership: a body changed a role');
  return cases.length;
}
