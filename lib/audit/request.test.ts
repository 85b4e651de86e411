// The pure parts of a request's audit row: route template, outcome, client address.
import { describe, expect, it } from 'vitest';
import type { AuditContext } from './context';
import { clientOf, outcomeOf } from './record';
import { needsAudit, noteRouteSubject, routeTemplate } from './request';

const context = (over: Partial<AuditContext> = {}): AuditContext => ({ readsOtherPerson: false, details: {}, ...over });

describe('request audit', () => {
  it('names the route by its template, not the ids in the URL', () => {
    const id = '0b6c2f2e-3a1c-4f7e-9d3b-2a6f1c9e8d7a';
    expect(routeTemplate(`/api/v1/patients/${id}/samples`, { patientId: id })).toBe('/api/v1/patients/[patientId]/samples');
    expect(routeTemplate('/api/v1/devices/a%20b/sync', { id: 'a b' })).toBe('/api/v1/devices/[id]/sync');
    expect(routeTemplate('/api/v1/users/me/samples', {})).toBe('/api/v1/users/me/samples');
  });

  it('audits writes, reads of another person and device requests, not plain reads', () => {
    expect(needsAudit('POST', context())).toBe(true);
    expect(needsAudit('DELETE', context())).toBe(true);
    expect(needsAudit('GET', context())).toBe(false);
    expect(needsAudit('GET', context({ readsOtherPerson: true }))).toBe(true);
    expect(needsAudit('GET', context({ actorDeviceId: 'd' }))).toBe(true);
    expect(needsAudit('GET', context(), 200)).toBe(false);
  });

  it("audits a signed-in caller's refused read (403), not an anonymous 401", () => {
    expect(needsAudit('GET', context({ actorUserId: 'u' }), 403)).toBe(true);
    expect(needsAudit('GET', context(), 401)).toBe(false);
  });

  it("treats a route addressed to a patient as a read of that person's data", () => {
    const addressed = context();
    noteRouteSubject({ patientId: 'p-1' }, addressed);
    expect(addressed).toMatchObject({ readsOtherPerson: true, patientId: 'p-1' });
    const other = context();
    noteRouteSubject({ id: 'd-1' }, other);
    expect(needsAudit('GET', other)).toBe(false);
  });

  it('maps statuses to outcomes', () => {
    expect([200, 201, 204, 401, 403, 404, 409, 422, 500, 503].map(outcomeOf)).toEqual([
      'SUCCESS', 'SUCCESS', 'SUCCESS', 'DENIED', 'DENIED', 'DENIED', 'FAILURE', 'FAILURE', 'FAILURE', 'FAILURE',
    ]);
  });

  it("takes the address the server in front of Next.js set, never a client's x-forwarded-for or x-real-ip", () => {
    const forwarded = { 'x-forwarded-for': ' 198.51.100.4 , 10.0.0.1', 'x-real-ip': '10.0.0.2' };
    expect(clientOf(new Headers({ ...forwarded, 'x-pulse-client-ip': '203.0.113.9', 'user-agent': 'ua' }))).toEqual({ ip: '203.0.113.9', userAgent: 'ua' });
    expect(clientOf(new Headers(forwarded))).toEqual({ ip: null, userAgent: null });
  });
});
