// The offline queue and vault against fake-indexeddb and a scripted fetch: online first, queued when the
// network fails (same key, same body); the queue posts each item with its own Idempotency-Key, keeps what
// the server refuses (sealed, with its reason) until dismissed, stops and keeps everything when the
// session ended; nothing is stored in clear; forgetting a user deletes their key, queue and snapshots.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '@/lib/query/api';
import { newItem, requestBody } from './items';
import { forgetUser, offlineQueue, waitingCount } from './queue';
import { sendOrQueue } from './send';
import { hasKey, loadSnapshot, saveSnapshot } from './vault';

type Call = { url: string; key: string | null; body: string };
let calls: Call[];
let answers: (Response | Error)[];
const online = { onLine: true };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

beforeEach(() => {
  calls = [];
  answers = [];
  online.onLine = true;
  vi.stubGlobal('navigator', online);
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, key: new Headers(init.headers).get('idempotency-key'), body: String(init.body) });
    const answer = answers.shift() ?? json(201, { id: 'stored' });
    if (answer instanceof Error) throw answer;
    return answer;
  });
});
afterEach(() => vi.unstubAllGlobals());

let n = 0;
const user = () => `user-${(n += 1)}`;
const glucose = () => newItem('entry', '/api/v1/users/me/entries', { kind: 'glucose', value: 287, unit: 'mg/dL', mealContext: 'random' });

/** Every value stored in IndexedDB, as text (bytes as Latin-1), to look for anything in clear. */
async function everythingStored(): Promise<string> {
  const texts: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name!);
      req.onsuccess = () => resolve(req.result);
    });
    for (const store of db.objectStoreNames) {
      const values = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
      });
      texts.push(JSON.stringify(values, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)));
    }
    db.close();
  }
  return texts.join('\n');
}

describe('sendOrQueue', () => {
  it('posts at once when online, with the item id as Idempotency-Key and its body pinned to the moment it was logged', async () => {
    const queue = offlineQueue(user());
    const item = glucose();
    expect(item.body.at).toEqual(expect.any(String));
    expect(await sendOrQueue(queue, item)).toEqual({ kind: 'sent', answer: { id: 'stored' } });
    expect(calls).toEqual([{ url: '/api/v1/users/me/entries', key: item.id, body: requestBody(item) }]);
    expect(await queue.pending()).toBe(0);
  });

  it('queues when offline, when the request fails on the way and when the server is down; a refusal is thrown', async () => {
    const queue = offlineQueue(user());
    online.onLine = false;
    expect((await sendOrQueue(queue, glucose())).kind).toBe('queued');
    expect(calls).toHaveLength(0);
    online.onLine = true;
    answers = [new TypeError('Failed to fetch'), new TypeError('Failed to fetch')];
    const lost = glucose();
    expect((await sendOrQueue(queue, lost)).kind).toBe('queued');
    answers = [json(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } }), new TypeError('Failed to fetch')];
    expect((await sendOrQueue(queue, glucose())).kind).toBe('queued');
    answers = [json(422, { error: { code: 'VALIDATION_ERROR', message: 'value must be between 20 and 600 mg/dL', details: [{ field: 'value', reason: 'must be between 20 and 600 mg/dL' }] } })];
    await expect(sendOrQueue(queue, glucose())).rejects.toBeInstanceOf(ApiRequestError);
    expect(await queue.pending()).toBe(3);
    await forgetUser(queue.userId);
  });
});

describe('the queue', () => {
  it('sends each item with its own key and body, keeps a refusal with its reason until dismissed, and stores nothing in clear', async () => {
    const queue = offlineQueue(user());
    online.onLine = false;
    const first = glucose();
    const second = newItem('dose', '/api/v1/users/me/medications/m-1/doses', { status: 'taken' }, { id: 'm-1', name: 'Marker-Inhaler', dose: '2 puffs' });
    await queue.enqueue(first);
    await queue.enqueue(second);
    await vi.waitFor(() => expect(queue.getState().waiting).toHaveLength(2));
    expect(queue.getState().status).toBe('offline');
    const stored = await everythingStored();
    for (const secret of ['287', 'mg/dL', 'Marker-Inhaler', 'glucose']) expect(stored).not.toContain(secret);

    online.onLine = true;
    answers = [
      new TypeError('Failed to fetch'), // the first try of the first item: retried with the same key
      json(201, { id: 'a' }),
      json(409, { error: { code: 'CONFLICT', message: 'this medication was stopped before that time' } }),
    ];
    await queue.sync();
    expect(calls.map((c) => [c.url, c.key, c.body])).toEqual([
      ['/api/v1/users/me/entries', first.id, requestBody(first)],
      ['/api/v1/users/me/entries', first.id, requestBody(first)],
      ['/api/v1/users/me/medications/m-1/doses', second.id, requestBody(second)],
    ]);
    await vi.waitFor(() => expect(queue.getState().refused).toHaveLength(1));
    const state = queue.getState();
    expect(state.waiting).toEqual([]);
    expect(state.status).toBe('idle');
    expect(state.refused[0]).toMatchObject({ item: second, reason: 'this medication was stopped before that time' });
    expect(await everythingStored()).not.toContain('Marker-Inhaler');
    await queue.dismiss(state.refused[0]!.recordId);
    expect(queue.getState().refused).toEqual([]);
    await forgetUser(queue.userId);
  });

  it('stops when the session has ended (401), keeping every item for the next sign-in', async () => {
    const queue = offlineQueue(user());
    online.onLine = false;
    await queue.enqueue(glucose());
    online.onLine = true;
    answers = [json(401, { error: { code: 'UNAUTHORIZED', message: 'authentication required' } })];
    await queue.sync();
    expect(queue.getState().status).toBe('signedOut');
    expect(await queue.pending()).toBe(1);
    await forgetUser(queue.userId);
  });
});

describe('the vault', () => {
  it('seals snapshots with the user\u2019s key; forgetting the user deletes the key, the queue and the snapshots', async () => {
    const id = user();
    const queue = offlineQueue(id);
    online.onLine = false;
    await queue.enqueue(glucose());
    await saveSnapshot(id, 'dashboard', { data: { patient: 'Marker Name', value: 287 }, takenAt: 1_000 });
    expect(await loadSnapshot(id, 'dashboard')).toEqual({ data: { patient: 'Marker Name', value: 287 }, takenAt: 1_000 });
    expect(await everythingStored()).not.toContain('Marker Name');
    expect(await waitingCount(id)).toBe(1);

    await forgetUser(id);
    expect(await hasKey(id)).toBe(false);
    expect(await loadSnapshot(id, 'dashboard')).toBeNull();
    expect(await waitingCount(id)).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(`pulse-offline-queue:${id}`);
  });
});

