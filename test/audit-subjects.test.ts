// Integration (HTTP): every API route, called by its permitted caller and by a doctor linked to nobody,
// writes an audit row naming the real subject (type and id) and the patient whose data it is, also when
// the caller is refused (403/404) — or, for an allowed GET of one's own or of nobody's data, no row at all.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { api } from '@/test/http';
import { AUDIT_SUBJECTS } from './authorization-audit';
import { CALLERS, ROLE_OF, ROUTE_POLICY, expectedStatus, type CallerName, type World } from './authorization-policy';
import { seedWorld, type SeededWorld } from './authorization-world';
import { fillTemplate, listRoutes, type RouteEntry } from './route-inventory';
import { randomLoopback } from './from-address';

const routes = listRoutes().filter((r) => r.template.startsWith('/api/v1/'));
// The walk's own client address: anonymous refusals are throttled per address (lib/audit/anonymous.ts), and
// other test files' refusals of the same routes from 127.0.0.1 must not use up this walk's rows.
const WALK_ADDRESS = randomLoopback();
let seed: SeededWorld;

beforeAll(async () => {
  seed = await seedWorld();
}, 300_000);

type Expected = { actorUserId: string | null; actorDeviceId: string | null; targetType: string | null; targetId: string | null; patientId: string | null };

/** The caller the policy lets through (the first in CALLERS with a 2xx), else null. */
function permittedCaller(key: string): CallerName | null {
  const policy = ROUTE_POLICY[key]!;
  return CALLERS.find((c) => c !== 'anonymous' && expectedStatus(policy, c).some((s) => s >= 200 && s < 300)) ?? null;
}

/** The row a call must write (null: none), given its answer. */
function expectedRow(key: string, caller: CallerName, answer: { status: number; body: unknown }, w: World): Expected | null {
  const rule = AUDIT_SUBJECTS[key]!;
  const read = key.startsWith('GET ');
  const userId = caller === 'deviceA' ? null : (seed.userIds[caller] ?? null);
  // A device-token route reads no session: a signed-in caller there is nobody.
  const sessionless = ROUTE_POLICY[key]!.kind === 'device-token';
  const actor = { actorUserId: sessionless ? null : userId, actorDeviceId: caller === 'deviceA' ? w.A.deviceId : null };
  const callerPatient = ROLE_OF[caller] === 'PATIENT' ? userId : null;
  const ok = answer.status >= 200 && answer.status < 300;
  // A signed-in caller refused for their role (403) is recorded even on a read, like a refused page.
  const refused = answer.status === 403;
  const created = ok ? ((answer.body as { id?: string; role?: string } | null) ?? {}) : {};
  switch (rule.of) {
    case 'param': {
      const patientId = rule.patient(w);
      if (read && patientId !== null && patientId === userId) return null; // one's own data
      return { ...actor, targetType: rule.type, targetId: rule.id(w), patientId };
    }
    case 'caller':
      return read && !rule.always && !refused ? null : { ...actor, targetType: 'users', targetId: userId, patientId: callerPatient };
    case 'created': {
      if (read) return null;
      const patientId = rule.patient === 'created' ? (created.role === 'PATIENT' ? (created.id ?? null) : null) : callerPatient;
      return { ...actor, targetType: rule.type, targetId: created.id ?? null, patientId };
    }
    case 'token-device': // deviceA is A's device
      return { ...actor, targetType: 'devices', targetId: actor.actorDeviceId, patientId: actor.actorDeviceId ? w.A.id : null };
    case 'nobody':
      return read && !refused ? null : { ...actor, targetType: null, targetId: null, patientId: null };
  }
}

async function walk(route: RouteEntry, caller: CallerName): Promise<string[]> {
  const { key, method, template } = route;
  const policy = ROUTE_POLICY[key]!;
  const params = policy.params?.(seed.world) ?? {};
  const userAgent = `audit-walk ${randomUUID()}`;
  const path = fillTemplate(template, params) + (policy.query ?? '');
  const answer = await api(path, { method, json: policy.body?.(seed.world), ...seed.credentials[caller], headers: { 'user-agent': userAgent }, from: WALK_ADDRESS });
  const rows = await prisma.auditLog.findMany({ where: { userAgent, action: `${method} ${template}` } });
  const want = expectedRow(key, caller, answer, seed.world);
  const label = `${caller} ${key} (${answer.status})`;
  if (want === null) return rows.length === 0 ? [] : [`${label}: expected no audit row, got ${rows.length}`];
  if (rows.length !== 1) return [`${label}: expected one audit row, got ${rows.length}`];
  const row = rows[0]!;
  const got: Expected = { actorUserId: row.actorUserId, actorDeviceId: row.actorDeviceId, targetType: row.targetType, targetId: row.targetId, patientId: row.patientId };
  const problems = JSON.stringify(got) === JSON.stringify(want) ? [] : [`${label}: recorded ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
  // The action of /{resource}/{id}/{action} is what was tried: it is in the row too.
  if (params.action && (row.details as Record<string, unknown> | null)?.action !== params.action) problems.push(`${label}: the action "${params.action}" is not in the row's details`);
  return problems;
}

describe('the audit subject of every API route', () => {
  it('has a subject rule for every API route, and none for a route that is gone', () => {
    const served = new Set(routes.map((r) => r.key));
    expect(routes.filter((r) => !AUDIT_SUBJECTS[r.key]).map((r) => `${r.key} (${r.file})`), 'not in test/authorization-audit.ts').toEqual([]);
    expect(Object.keys(AUDIT_SUBJECTS).filter((k) => !served.has(k)), 'in test/authorization-audit.ts but not served').toEqual([]);
  });

  it('records the real subject and patient, for the permitted caller and for an unlinked doctor refused', async () => {
    const problems: string[] = [];
    // The unlinked doctor first (refused calls change nothing), then the permitted callers, in order.
    for (const route of routes) problems.push(...(await walk(route, 'doctorX')));
    for (const route of routes) {
      const caller = permittedCaller(route.key);
      if (caller && caller !== 'doctorX') problems.push(...(await walk(route, caller)));
    }
    expect(problems, `audit rows with a wrong subject:\n${problems.join('\n')}`).toEqual([]);
  }, 600_000);
});
