// Integration: links of the form /share#code — the page a browser requests for them (the code is not
// in it: browsers never send a fragment), POST /share/exchange swapping the code for the same signed
// grant as the older /share/{code}, one identical 404 for every code that opens nothing, clear errors
// for bad bodies, and the per-address limit of link openings both ways in count against.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createAggregate, createSignedInUser, setDisplayName } from '@/test/factories';
import { fetchFrom, randomLoopback } from '@/test/from-address';
import { expectGrantCookie } from '@/test/share-grant';
import { api, baseUrl, type ApiResult } from '@/test/http';

let patient: Awaited<ReturnType<typeof createSignedInUser>>;

async function linkShare(): Promise<{ id: string; code: string; link: string }> {
  const res = await api('/api/v1/shares', {
    cookie: patient.cookie,
    json: { types: ['STEPS'], from: '2026-10-01', to: '2026-10-10', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const exchange = (json: unknown) => api('/share/exchange', { json });

function expectLinkHeaders(res: ApiResult) {
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toContain('no-store');
}

beforeAll(async () => {
  patient = await createSignedInUser();
  await setDisplayName(patient.id, 'Robin Fragment');
  await createAggregate({ userId: patient.id, type: 'STEPS', period: 'DAY', periodStart: '2026-10-05', value: 4321 });
});

describe('/share#code links', { timeout: 180_000 }, () => {
  it('the page for the link is requested without the code, and its exchange opens the viewer', async () => {
    const { code, link } = await linkShare();
    expect(link).toBe(`/share#${code}`);
    // What a browser sends for the link: the URL without its fragment.
    const requested = new URL(link, baseUrl());
    requested.hash = '';
    expect(requested.toString()).toBe(`${baseUrl()}/share`);
    const page = await api('/share');
    expect(page.status).toBe(200);
    expectLinkHeaders(page);
    expect(page.body).toContain('Opening the shared health data');

    const res = await exchange({ code });
    expect(res.status).toBe(204);
    expectLinkHeaders(res);
    const grant = expectGrantCookie(res, code);

    const viewer = await api('/shared', { cookie: grant });
    expect(viewer.status).toBe(200);
    expect(viewer.body).toContain('Robin Fragment');
    expect(viewer.body).toContain('Steps');

    // Audited like the older links, never with the code.
    const rows = await prisma.auditLog.findMany({ where: { patientId: patient.id, action: 'share.link-opened' } });
    expect(rows.map((r) => r.outcome)).toContain('SUCCESS');
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(code);
  });

  it('unknown, expired, revoked and malformed codes get the identical 404 and no grant', async () => {
    const expired = await linkShare();
    await prisma.shareToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await linkShare();
    await api(`/api/v1/shares/${revoked.id}`, { method: 'DELETE', cookie: patient.cookie });
    const answers = await Promise.all([expired.code, revoked.code, 'A'.repeat(43), 'short', ''].map((code) => exchange({ code })));
    for (const res of answers) {
      expect(res.status).toBe(404);
      expectLinkHeaders(res);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error.code).toBe('NOT_FOUND');
    const rows = await prisma.auditLog.findMany({ where: { action: 'share.link-opened', targetId: { in: [expired.id, revoked.id] } } });
    expect(rows.map((r) => r.outcome)).toEqual(['DENIED', 'DENIED']);
  });

  it('a body without a code string is a 422 naming `code`; anything but JSON a 415', async () => {
    for (const json of [{}, { code: 42 }, { token: 'x' }]) {
      const res = await exchange(json);
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([{ field: 'code', reason: expect.any(String) }]);
    }
    const form = await api('/share/exchange', { method: 'POST', body: 'code=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect((await api('/share/exchange', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });
});

describe('refused link openings per client address', () => {
  it('guesses through the exchange get 429 after 50 refusals, counted with the older path’s', { timeout: 180_000 }, async () => {
    const address = randomLoopback();
    const guess = async (i: number) =>
      i % 2 === 0
        ? (await fetchFrom(address, '/share/exchange', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'B'.repeat(43) }) })).status
        : (await fetchFrom(address, `/share/${'B'.repeat(43)}`)).status;
    // At most two windows' worth (the window may roll over once during the loop).
    let refusals = 0;
    for (let status = await guess(0); status !== 429 && refusals <= 2 * 50; status = await guess(refusals)) {
      expect(status).toBe(404);
      refusals += 1;
    }
    expect(refusals).toBeGreaterThanOrEqual(50);
    expect(refusals).toBeLessThanOrEqual(2 * 50);
    expect((await fetchFrom(randomLoopback(), '/share/exchange', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'B'.repeat(43) }) })).status).toBe(404);
  });
});
