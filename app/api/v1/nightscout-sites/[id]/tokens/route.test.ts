// Integration: a patient's access tokens of a Nightscout site, against the real server: created with a
// Nightscout role (the token shown only then, `<name-slug>-<32 hex>`), listed without it, revoked; kept
// only as hashes with the name encrypted; another patient's site or token is 404; a revoked site takes
// no new token; each change leaves an audit row naming the site.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';
import { createSite, createToken, type Site } from '@/test/nightscout';

type Patient = Awaited<ReturnType<typeof createSignedInUser>>;
let owner: Patient;
let stranger: Patient;
let site: Site;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createSignedInUser(), createSignedInUser()]);
  site = await createSite(owner.cookie);
});

const tokensOf = (s: Site, cookie: string) => api(`/api/v1/nightscout-sites/${s.id}/tokens`, { cookie });

describe('access tokens of a Nightscout site', () => {
  it('creates one per role: 201 with the token shown once, listed afterwards without it', async () => {
    const res = await api(`/api/v1/nightscout-sites/${site.id}/tokens`, { json: { name: "Mum's phone", role: 'readable' }, cookie: owner.cookie });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['createdAt', 'id', 'name', 'role', 'token']);
    expect(res.body).toMatchObject({ name: "Mum's phone", role: 'readable' });
    expect(res.body.token).toMatch(/^mumsphone-[0-9a-f]{32}$/);
    expect(Math.abs(Date.parse(res.body.createdAt) - Date.now())).toBeLessThan(60_000);
    for (const role of ['careportal', 'devicestatus-upload', 'admin']) await createToken(owner.cookie, site, role);

    const list = await tokensOf(site, owner.cookie);
    expect(list.status).toBe(200);
    expect(list.body.tokens.map((t: { role: string }) => t.role)).toEqual(['readable', 'careportal', 'devicestatus-upload', 'admin']);
    expect(list.body.tokens[0]).toEqual({ id: res.body.id, name: "Mum's phone", role: 'readable', createdAt: res.body.createdAt, lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
  });

  it('keeps only the hashes of the token, and the name encrypted', async () => {
    const made = await createToken(owner.cookie, site, 'readable', 'Grandpa watch');
    const row = await prisma.nightscoutToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(JSON.stringify(row)).not.toContain(made.token);
    expect(row.name).not.toContain('Grandpa');
    expect(row.tokenSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenSha1).toMatch(/^[0-9a-f]{40}$/);
  });

  it('records when a token was last used (at most once a minute)', async () => {
    const made = await createToken(owner.cookie, site, 'readable');
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${made.token}`)).status).toBe(200);
    const first = (await prisma.nightscoutToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${made.token}`)).status).toBe(200);
    expect((await prisma.nightscoutToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).toEqual(first);
    const listed = (await tokensOf(site, owner.cookie)).body.tokens.find((t: { id: string }) => t.id === made.id);
    expect(Date.parse(listed.lastUsedAt)).toBe(first!.getTime());
  });

  it('revokes one: 204, gone from the list, its next request 401; the others go on', async () => {
    const [gone, kept] = [await createToken(owner.cookie, site, 'readable'), await createToken(owner.cookie, site, 'readable')];
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${gone.token}`)).status).toBe(200);
    const res = await api(`/api/v1/nightscout-sites/${site.id}/tokens/${gone.id}`, { method: 'DELETE', cookie: owner.cookie });
    expect(res.status).toBe(204);
    expect((await tokensOf(site, owner.cookie)).body.tokens.map((t: { id: string }) => t.id)).not.toContain(gone.id);
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${gone.token}`)).status).toBe(401);
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${kept.token}`)).status).toBe(200);
    // Revoking twice changes nothing.
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens/${gone.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204);
  });

  it('revoking the site stops its tokens, and a revoked site takes no new token (409)', async () => {
    const other = await createSite(owner.cookie);
    const made = await createToken(owner.cookie, other, 'admin');
    expect((await api(`/ns/${other.id}/api/v1/entries.json?token=${made.token}`)).status).toBe(200);
    expect((await api(`/api/v1/nightscout-sites/${other.id}`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(204);
    expect((await api(`/ns/${other.id}/api/v1/entries.json?token=${made.token}`)).status).toBe(401);
    const refused = await api(`/api/v1/nightscout-sites/${other.id}/tokens`, { json: { name: 'late', role: 'readable' }, cookie: owner.cookie });
    expect(refused.status).toBe(409);
    // Its tokens are still listed, for the record.
    expect((await tokensOf(other, owner.cookie)).body.tokens.map((t: { id: string }) => t.id)).toEqual([made.id]);
  });

  it('another patient can neither list, create nor revoke (404, as for a site that does not exist)', async () => {
    const made = await createToken(owner.cookie, site, 'readable');
    expect((await tokensOf(site, stranger.cookie)).status).toBe(404);
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens`, { json: { name: 'mine now', role: 'admin' }, cookie: stranger.cookie })).status).toBe(404);
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens/${made.id}`, { method: 'DELETE', cookie: stranger.cookie })).status).toBe(404);
    // Nor through a site of their own naming the owner's token.
    const theirs = await createSite(stranger.cookie);
    expect((await api(`/api/v1/nightscout-sites/${theirs.id}/tokens/${made.id}`, { method: 'DELETE', cookie: stranger.cookie })).status).toBe(404);
    expect((await api(`/ns/${site.id}/api/v1/entries.json?token=${made.token}`)).status).toBe(200);
    expect((await api(`/api/v1/nightscout-sites/not-a-site/tokens`, { cookie: owner.cookie })).status).toBe(404);
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens/not-a-token`, { method: 'DELETE', cookie: owner.cookie })).status).toBe(404);
    // A doctor, or no session at all, is refused before anything is looked up.
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    expect((await tokensOf(site, doctor.cookie)).status).toBe(403);
    expect((await api(`/api/v1/nightscout-sites/${site.id}/tokens`)).status).toBe(401);
  });

  it('refuses a bad body by field (422) and creates nothing', async () => {
    const before = (await tokensOf(site, owner.cookie)).body.tokens.length;
    const cases: [unknown, string][] = [
      [{ name: 'x', role: 'superuser' }, 'role'],
      [{ name: '', role: 'readable' }, 'name'],
      [{ name: 'x'.repeat(101), role: 'readable' }, 'name'],
      [{ role: 'readable' }, 'name'],
      [{ name: 'x', role: 'readable', token: 'mine-0000' }, '(body)'],
    ];
    for (const [json, field] of cases) {
      const res = await api(`/api/v1/nightscout-sites/${site.id}/tokens`, { json, cookie: owner.cookie });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field), JSON.stringify(json)).toContain(field);
    }
    expect((await tokensOf(site, owner.cookie)).body.tokens).toHaveLength(before);
  });

  it('leaves an audit row naming the site and the token (never the token itself)', async () => {
    const userAgent = `tokens-audit ${Date.now()}`;
    const res = await api(`/api/v1/nightscout-sites/${site.id}/tokens`, { json: { name: 'audited', role: 'readable' }, cookie: owner.cookie, headers: { 'user-agent': userAgent } });
    expect(res.status).toBe(201);
    const revoke = await api(`/api/v1/nightscout-sites/${site.id}/tokens/${res.body.id}`, { method: 'DELETE', cookie: owner.cookie, headers: { 'user-agent': userAgent } });
    expect(revoke.status).toBe(204);
    const rows = await prisma.auditLog.findMany({ where: { userAgent, actorUserId: owner.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['POST /api/v1/nightscout-sites/[id]/tokens', 'DELETE /api/v1/nightscout-sites/[id]/tokens/[tokenId]']);
    for (const row of rows) expect(row).toMatchObject({ targetType: 'devices', targetId: site.id, patientId: owner.id, outcome: 'SUCCESS' });
    expect(rows[0]!.details).toMatchObject({ tokenId: res.body.id, role: 'readable' });
    expect(rows[1]!.details).toMatchObject({ tokenId: res.body.id });
    expect(JSON.stringify(rows.map((r) => r.details))).not.toContain(res.body.token);
  });
});
