// Integration: the older link form — /share/:code (links made before /share#code, exchange/ tests)
// still swaps a valid code for a signed grant cookie and a 303 to /shared (no code in the URL); the
// viewer re-checks the share on every request; unknown, expired and revoked codes answer the same 404;
// every answer is no-referrer and no-store.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createAggregate, createSignedInUser, setDisplayName } from '@/test/factories';
import { expectGrantCookie } from '@/test/share-grant';
import { api, type ApiResult } from '@/test/http';

let patient: Awaited<ReturnType<typeof createSignedInUser>>;

async function linkShare(): Promise<{ id: string; code: string }> {
  const res = await api('/api/v1/shares', {
    cookie: patient.cookie,
    json: { types: ['STEPS'], from: '2026-10-01', to: '2026-10-10', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
  });
  expect(res.status).toBe(201);
  return res.body;
}

function expectLinkHeaders(res: ApiResult) {
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toContain('no-store');
}

async function exchange(code: string): Promise<string> {
  const res = await api(`/share/${code}`);
  expect(res.status).toBe(303);
  expectLinkHeaders(res);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
}

beforeAll(async () => {
  patient = await createSignedInUser();
  await setDisplayName(patient.id, 'Robin Sharer');
  await createAggregate({ userId: patient.id, type: 'STEPS', period: 'DAY', periodStart: '2026-10-05', value: 4321 });
  await createAggregate({ userId: patient.id, type: 'HEART_RATE', period: 'DAY', periodStart: '2026-10-05', value: 71 });
});

describe('GET /share/:code and /shared', { timeout: 180_000 }, () => {
  it('a valid code becomes an httpOnly grant cookie (not the code) and a redirect without the code', async () => {
    const { code } = await linkShare();
    const res = await api(`/share/${code}`);
    expect(res.status).toBe(303);
    expectLinkHeaders(res);
    expect(res.headers.get('location')).toMatch(/\/shared$/);
    const grant = expectGrantCookie(res, code);

    const page = await api('/shared', { cookie: grant });
    expect(page.status).toBe(200);
    expectLinkHeaders(page);
    expect(page.body).toContain('Robin Sharer');
    expect(page.body).toContain('Steps');
    expect(page.body).not.toContain('Heart rate');

    // Opening the link and reading through it are audited, with the patient, never the code.
    const rows = await prisma.auditLog.findMany({ where: { patientId: patient.id, action: { startsWith: 'share.link-' } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.outcome])).toEqual(expect.arrayContaining([['share.link-opened', 'SUCCESS'], ['share.link-read', 'SUCCESS']]));
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(code);
  });

  it('the viewer re-checks the share: a revocation applies to the very next request', async () => {
    const { id, code } = await linkShare();
    const cookie = await exchange(code);
    expect((await api('/shared', { cookie })).status).toBe(200);
    expect((await api(`/api/v1/shares/${id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    const gone = await api('/shared', { cookie });
    expect(gone.status).toBe(404);
    expectLinkHeaders(gone);
    // The refused read is audited too: which share, whose data.
    const refused = await prisma.auditLog.findMany({ where: { action: 'share.link-read', targetId: id, outcome: 'DENIED' } });
    expect(refused).toMatchObject([{ targetType: 'share_tokens', patientId: patient.id }]);
  });

  it('an expired share ends the viewer too', async () => {
    const { id, code } = await linkShare();
    const cookie = await exchange(code);
    await prisma.shareToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api('/shared', { cookie })).status).toBe(404);
  });

  it('unknown, expired and revoked codes get the identical 404', async () => {
    const expired = await linkShare();
    await prisma.shareToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await linkShare();
    await api(`/api/v1/shares/${revoked.id}`, { method: 'DELETE', cookie: patient.cookie });
    const unknown = 'A'.repeat(43);
    const answers = await Promise.all([expired.code, revoked.code, unknown, 'short'].map((c) => api(`/share/${c}`)));
    for (const res of answers) {
      expect(res.status).toBe(404);
      expectLinkHeaders(res);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(res.body).toBe(answers[0]!.body);
    }
    // Behind the same 404, the audit log says whose ended share was tried.
    for (const share of [expired, revoked]) {
      const rows = await prisma.auditLog.findMany({ where: { action: 'share.link-opened', targetId: share.id } });
      expect(rows).toMatchObject([{ outcome: 'DENIED', targetType: 'share_tokens', patientId: patient.id }]);
    }
  });

  it('a visitor without an account reads the viewer and the refusal in their browser\'s language (Accept-Language)', async () => {
    const { code } = await linkShare();
    const cookie = await exchange(code);
    const tamil = await api('/shared', { cookie, headers: { 'accept-language': 'ta-IN,ta;q=0.9,en;q=0.5' } });
    expect(tamil.status).toBe(200);
    expect(tamil.body).toContain('<html lang="ta"');
    expect(tamil.body).toContain('Robin Sharer அவர்களின் சுகாதாரத் தரவு');
    expect(tamil.body).toContain('அடிகள்'); // the shared type's name, from types.names
    expect(tamil.body).not.toContain('Health data of');

    const hindi = await api('/share/unknown-code', { headers: { 'accept-language': 'hi' } });
    expect(hindi.status).toBe(404);
    expect(hindi.body).toContain('<html lang="hi">');
    expect(hindi.body).toContain('यह लिंक उपलब्ध नहीं है');
    // The switcher's cookie wins over the browser's language.
    const cookieWins = await api('/share/unknown-code', { cookie: 'pulse-locale=bn', headers: { 'accept-language': 'hi' } });
    expect(cookieWins.body).toContain('<html lang="bn">');
  });

  it('no grant or a forged one: 404', async () => {
    const { id } = await linkShare();
    expect((await api('/shared')).status).toBe(404);
    const forged = await api('/shared', { cookie: `share_grant=${id}.9999999999.AAAA` });
    expect(forged.status).toBe(404);
  });
});
