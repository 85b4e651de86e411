// Integration: a patient's Nightscout uploaders (create, list, revoke) against the real server: the
// secret is shown once and stored only as the hashes clients send; only patients may call; another
// patient's site is not found; a revoked site answers every client 401 at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createSignedInUser } from '@/test/factories';
import { api, baseUrl } from '@/test/http';
import { createSite, ns, sha1Hex, sha512Hex } from '@/test/nightscout';

type User = Awaited<ReturnType<typeof createSignedInUser>>;
let patient: User;
let other: User;

beforeAll(async () => {
  [patient, other] = await Promise.all([createSignedInUser(), createSignedInUser()]);
});

describe('POST /api/v1/nightscout-sites', () => {
  it('creates a site (a cgm device) with its base URL and a secret shown once, stored only as SHA-1 and SHA-512', async () => {
    const res = await api('/api/v1/nightscout-sites', { json: { name: 'xDrip on my phone' }, cookie: patient.cookie });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['apiSecret', 'baseUrl', 'id', 'name']);
    expect(res.body.apiSecret.length).toBeGreaterThanOrEqual(12);
    expect(res.body.baseUrl).toBe(`${baseUrl()}/ns/${res.body.id}/`);

    const device = await prisma.device.findUniqueOrThrow({ where: { id: res.body.id }, include: { nightscoutSite: true } });
    expect(device).toMatchObject({ userId: patient.id, type: 'cgm', priority: 60, revokedAt: null });
    expect(device.nightscoutSite).toMatchObject({ secretSha1: sha1Hex(res.body.apiSecret), secretSha512: sha512Hex(res.body.apiSecret) });
    expect(JSON.stringify(device)).not.toContain(res.body.apiSecret);
    expect(device.name).not.toContain('xDrip'); // device names are encrypted

    const again = await createSite(patient.cookie);
    expect(again.apiSecret).not.toBe(res.body.apiSecret);
  });

  it('refuses a missing or empty name and unknown fields (422)', async () => {
    for (const json of [{}, { name: '' }, { name: 'x', userId: other.id }]) {
      expect((await api('/api/v1/nightscout-sites', { json, cookie: patient.cookie })).status).toBe(422);
    }
  });

  it('is for patients only: anonymous 401, a doctor or caregiver 403', async () => {
    expect((await api('/api/v1/nightscout-sites', { json: { name: 'x' } })).status).toBe(401);
    const doctor = await createSignedInUser({ role: 'DOCTOR' });
    const caregiver = await createSignedInUser({ role: 'CAREGIVER' });
    expect((await api('/api/v1/nightscout-sites', { json: { name: 'x' }, cookie: doctor.cookie })).status).toBe(403);
    expect((await api('/api/v1/nightscout-sites', { cookie: caregiver.cookie })).status).toBe(403);
  });

  it('leaves an audit row naming the site (a device) and its patient, never the secret', async () => {
    const site = await createSite(patient.cookie);
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: 'POST /api/v1/nightscout-sites', targetId: site.id } });
    expect(row).toMatchObject({ actorUserId: patient.id, targetType: 'devices', patientId: patient.id, outcome: 'SUCCESS' });
    expect(JSON.stringify(row.details)).not.toContain(site.apiSecret);
  });
});

describe('GET /api/v1/nightscout-sites', () => {
  it("lists the caller's sites with their uploaders, never a secret or a hash, and not another patient's", async () => {
    const mine = await createSite(patient.cookie, 'Listed uploader');
    const theirs = await createSite(other.cookie, 'Not mine');
    const at = Date.now() - 120_000;
    expect((await ns(mine, 'entries', { json: [{ type: 'sgv', sgv: 101, date: at, device: 'xDrip-DexcomG6' }] })).status).toBe(200);

    const res = await api('/api/v1/nightscout-sites', { cookie: patient.cookie });
    expect(res.status).toBe(200);
    const listed = res.body.sites.find((s: { id: string }) => s.id === mine.id);
    expect(listed).toMatchObject({ name: 'Listed uploader', revokedAt: null });
    expect(listed.uploaders).toEqual([expect.objectContaining({ name: 'xDrip-DexcomG6', priority: 60 })]);
    expect(res.body.sites.some((s: { id: string }) => s.id === theirs.id)).toBe(false);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(mine.apiSecret);
    expect(text).not.toContain(sha1Hex(mine.apiSecret));
  });
});

describe('DELETE /api/v1/nightscout-sites/:id', () => {
  it('revokes the site and its uploaders: every client gets 401 from its next request', async () => {
    const site = await createSite(patient.cookie);
    expect((await ns(site, 'entries', { json: { type: 'sgv', sgv: 99, date: Date.now() - 60_000, device: 'AndroidAPS-DexcomG6' } })).status).toBe(200);
    expect((await ns(site, 'status.json')).status).toBe(200);

    expect((await api(`/api/v1/nightscout-sites/${site.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await ns(site, 'status.json')).status).toBe(401);
    expect((await ns(site, 'entries', { json: { type: 'sgv', sgv: 99, date: Date.now() - 30_000, device: 'x' } })).status).toBe(401);
    expect((await ns(site, 'entries/sgv.json')).status).toBe(401);
    const devices = await prisma.device.findMany({ where: { OR: [{ id: site.id }, { nightscoutUploader: { siteId: site.id } }] } });
    expect(devices).toHaveLength(2);
    expect(devices.every((d) => d.revokedAt !== null)).toBe(true);
    // Revoking again is fine; the samples it brought stay (dedup never deletes evidence).
    expect((await api(`/api/v1/nightscout-sites/${site.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect(await prisma.healthSample.count({ where: { userId: patient.id, deviceId: { in: devices.map((d) => d.id) } } })).toBe(1);
  });

  it("is a 404 for another patient's site, an ordinary device and a malformed id; the site keeps working", async () => {
    const site = await createSite(patient.cookie);
    expect((await api(`/api/v1/nightscout-sites/${site.id}`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404);
    const device = await api('/api/v1/devices', { json: { name: 'Watch', type: 'watch' }, cookie: patient.cookie });
    expect((await api(`/api/v1/nightscout-sites/${device.body.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    expect((await api('/api/v1/nightscout-sites/not-a-uuid', { method: 'DELETE', cookie: patient.cookie })).status).toBe(404);
    expect((await ns(site, 'verifyauth')).status).toBe(200);
  });

  it('revoking the site as a device (DELETE /api/v1/devices/:id) stops its clients too', async () => {
    const site = await createSite(patient.cookie);
    expect((await api(`/api/v1/devices/${site.id}`, { method: 'DELETE', cookie: patient.cookie })).status).toBe(204);
    expect((await ns(site, 'status.json')).status).toBe(401);
    // verifyauth answers 200 whatever the credential, as cgm-remote-monitor: it no longer can read.
    expect((await ns(site, 'verifyauth')).body.message).toMatchObject({ canRead: false, message: 'UNAUTHORIZED' });
  });
});
