// Integration (HTTP): a browser subscribing to Web Push, as push-toggle.tsx does. What
// PushSubscription.toJSON() gives is kept encrypted; only a known push service's HTTPS address is
// accepted (the server POSTs to it); each person sees and removes only their own browsers.
import { createECDH, createHash, randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { findPushTarget } from '@/lib/data/push-subscriptions';
import { vapid } from '@/lib/notify/push-config';
import { createSignedInUser } from '@/test/factories';
import { api } from '@/test/http';

type SignedIn = Awaited<ReturnType<typeof createSignedInUser>>;
let alice: SignedIn;
let bob: SignedIn;

const PATH = '/api/v1/users/me/push-subscriptions';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

function browserSubscription(endpoint = `https://fcm.googleapis.com/fcm/send/${randomUUID()}`) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } };
}

const post = (json: unknown, cookie: string, headers: Record<string, string> = {}) => api(PATH, { json, cookie, headers });
const list = async (cookie: string) => (await api(PATH, { cookie })).body.subscriptions as { id: string; label: string }[];

beforeAll(async () => {
  [alice, bob] = await Promise.all([createSignedInUser(), createSignedInUser({ role: 'CAREGIVER' })]);
});

describe('the VAPID public key', () => {
  it('is given to a signed-in caller (the applicationServerKey), to nobody else', async () => {
    const res = await api('/api/v1/push/public-key', { cookie: bob.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ publicKey: vapid()!.publicKey });
    expect(Buffer.from(res.body.publicKey, 'base64url')).toHaveLength(65);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await api('/api/v1/push/public-key')).status).toBe(401);
  });
});

describe('subscribing a browser', () => {
  it('keeps what the browser gives, encrypted, names it from the User-Agent, and lists it', async () => {
    const sub = browserSubscription();
    const res = await post(sub, alice.cookie, { 'user-agent': CHROME_ANDROID });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), label: 'Chrome on Android', createdAt: expect.any(String) });
    expect(await list(alice.cookie)).toEqual([{ id: res.body.id, label: 'Chrome on Android', createdAt: res.body.createdAt, lastSuccessAt: null }]);

    const [stored] = await prisma.$queryRaw<{ text: string; endpoint_hash: string }[]>`SELECT s::text AS text, endpoint_hash FROM push_subscriptions s WHERE id = ${res.body.id}::uuid`;
    expect(stored!.endpoint_hash).toBe(createHash('sha256').update(sub.endpoint).digest('hex'));
    for (const secret of [sub.endpoint.split('/').pop()!, sub.keys.p256dh, sub.keys.auth]) expect(stored!.text).not.toContain(secret);
    expect(await findPushTarget(res.body.id, alice.id)).toEqual({ id: res.body.id, userId: alice.id, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth });
  });

  it('takes a label the page gives; the same browser again replaces its keys (200, same id)', async () => {
    const sub = browserSubscription();
    const first = await post({ ...sub, label: 'My phone' }, alice.cookie);
    expect(first.status).toBe(201);
    const renewed = browserSubscription(sub.endpoint);
    const again = await post({ ...renewed, label: 'My phone' }, alice.cookie);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await findPushTarget(first.body.id, alice.id)).toMatchObject({ p256dh: renewed.keys.p256dh, auth: renewed.keys.auth });
    expect((await list(alice.cookie)).filter((s) => s.id === first.body.id)).toHaveLength(1);
  });

  it('moves a browser to whoever subscribes on it now: the earlier person no longer has it', async () => {
    const sub = browserSubscription();
    const hers = await post(sub, alice.cookie);
    const his = await post(browserSubscription(sub.endpoint), bob.cookie);
    expect(his.status).toBe(201);
    expect(his.body.id).not.toBe(hers.body.id);
    expect((await list(alice.cookie)).map((s) => s.id)).not.toContain(hers.body.id);
    expect((await list(bob.cookie)).map((s) => s.id)).toContain(his.body.id);
    expect(await findPushTarget(his.body.id, bob.id)).toMatchObject({ endpoint: sub.endpoint });
  });

  it.each([
    ['http://fcm.googleapis.com/fcm/send/x', 'must be an https: URL'],
    ['https://127.0.0.1/push/x', 'must be the address of a known push service (Google FCM, Mozilla, Microsoft, Apple)'],
    ['https://localhost:3000/api/v1/admin/users', 'must be the address of a known push service (Google FCM, Mozilla, Microsoft, Apple)'],
    ['https://169.254.169.254/latest/meta-data', 'must be the address of a known push service (Google FCM, Mozilla, Microsoft, Apple)'],
    ['https://fcm.googleapis.com.evil.example/x', 'must be the address of a known push service (Google FCM, Mozilla, Microsoft, Apple)'],
    ['https://fcm.googleapis.com:8443/fcm/send/x', 'must be the address of a known push service (Google FCM, Mozilla, Microsoft, Apple)'],
    ['https://fcm.googleapis.com@evil.example/x', 'must not carry a user name or password'],
    ['not a url', 'must be a URL'],
  ])('refuses the endpoint %s (the server would POST to it), naming the field', async (endpoint, reason) => {
    const res = await post(browserSubscription(endpoint), alice.cookie);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'endpoint', reason }]);
  });

  it('accepts the other browsers’ push services', async () => {
    for (const endpoint of [
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
      'https://wns2-par02p.notify.windows.com/w/?token=BQYAAA',
      'https://web.push.apple.com/QGuQyavXutnMH3Bh',
    ]) expect((await post(browserSubscription(endpoint), alice.cookie)).status).toBe(201);
  });

  it.each([
    [{ p256dh: 'short' }, 'keys.p256dh', 'must be base64url of an uncompressed P-256 public key (65 bytes)'],
    [{ p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url') }, 'keys.p256dh', 'is not a point on the P-256 curve'],
    [{ auth: randomBytes(12).toString('base64url') }, 'keys.auth', 'must be base64url of 16 bytes'],
    [{ auth: 'not base64url!!' }, 'keys.auth', 'must be base64url of 16 bytes'],
  ])('refuses bad keys %o, naming the field and why', async (keys, field, reason) => {
    const sub = browserSubscription();
    const res = await post({ ...sub, keys: { ...sub.keys, ...keys } }, alice.cookie);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ field, reason }]);
    expect(await prisma.pushSubscription.count({ where: { endpointHash: createHash('sha256').update(sub.endpoint).digest('hex') } })).toBe(0);
  });

  it('refuses a body without keys, with unknown fields, or not JSON', async () => {
    const { keys: _keys, ...noKeys } = browserSubscription(); // eslint-disable-line @typescript-eslint/no-unused-vars
    expect((await post(noKeys, alice.cookie)).body.error.details).toEqual([{ field: 'keys', reason: expect.any(String) }]);
    expect((await post({ ...browserSubscription(), owner: 'someone' }, alice.cookie)).body.error.details).toEqual([{ field: '(body)', reason: expect.stringContaining('owner') }]);
    expect((await api(PATH, { body: 'endpoint=x', cookie: alice.cookie, headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });
});

describe('removing a browser', () => {
  it('by id: one’s own (204), never someone else’s (404, and it stays)', async () => {
    const mine = (await post(browserSubscription(), alice.cookie)).body.id as string;
    const his = (await post(browserSubscription(), bob.cookie)).body.id as string;
    expect((await api(`${PATH}/${his}`, { method: 'DELETE', cookie: alice.cookie })).status).toBe(404);
    expect((await list(bob.cookie)).map((s) => s.id)).toContain(his);
    expect((await api(`${PATH}/${mine}`, { method: 'DELETE', cookie: alice.cookie })).status).toBe(204);
    expect((await api(`${PATH}/${mine}`, { method: 'DELETE', cookie: alice.cookie })).status).toBe(404);
    expect((await api(`${PATH}/not-a-uuid`, { method: 'DELETE', cookie: alice.cookie })).status).toBe(404);
    expect((await list(alice.cookie)).map((s) => s.id)).not.toContain(mine);
  });

  it('by endpoint (what a browser knows): one’s own only', async () => {
    const mine = browserSubscription();
    const his = browserSubscription();
    await post(mine, alice.cookie);
    const hisId = (await post(his, bob.cookie)).body.id as string;
    const byEndpoint = (endpoint: string, cookie: string) => api(`${PATH}?endpoint=${encodeURIComponent(endpoint)}`, { method: 'DELETE', cookie });
    expect((await byEndpoint(his.endpoint, alice.cookie)).status).toBe(404);
    expect((await list(bob.cookie)).map((s) => s.id)).toContain(hisId);
    expect((await byEndpoint(mine.endpoint, alice.cookie)).status).toBe(204);
    expect((await byEndpoint(mine.endpoint, alice.cookie)).status).toBe(404);
    const missing = await api(PATH, { method: 'DELETE', cookie: alice.cookie });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ field: 'endpoint', reason: 'is required: the subscription endpoint to remove' }]);
  });

  it('each person lists only their own browsers', async () => {
    const hers = new Set((await list(alice.cookie)).map((s) => s.id));
    for (const s of await list(bob.cookie)) expect(hers.has(s.id)).toBe(false);
    const owners = await prisma.pushSubscription.findMany({ where: { id: { in: [...hers] } }, select: { userId: true } });
    expect(new Set(owners.map((o) => o.userId))).toEqual(new Set([alice.id]));
  });
});

describe('without a session', () => {
  it('every push route answers 401', async () => {
    const sub = browserSubscription();
    expect((await api(PATH)).status).toBe(401);
    expect((await api(PATH, { json: sub })).status).toBe(401);
    expect((await api(`${PATH}?endpoint=${encodeURIComponent(sub.endpoint)}`, { method: 'DELETE' })).status).toBe(401);
    expect((await api(`${PATH}/${randomUUID()}`, { method: 'DELETE' })).status).toBe(401);
    expect(await prisma.pushSubscription.count({ where: { endpointHash: createHash('sha256').update(sub.endpoint).digest('hex') } })).toBe(0);
  });
});
