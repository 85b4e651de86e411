// The stores: atomic writes in enqueue order, the batch in flight kept across a reopen, and samples
// sealed at rest (the file or IndexedDB value holds no sample in clear; another key cannot open them).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey, importKey, openIndexedDbStore, SyncClient, type SampleStore, type SyncSample } from '../src/index';
import { openFileStore } from '../src/node';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pulse-sync-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const secret: SyncSample = {
  type: 'BLOOD_GLUCOSE', value: 187.625, unit: 'mg/dL', startDate: '2025-03-04T05:06:07Z', endDate: '2025-03-04T05:06:07Z',
  clientRecordId: 'marker-record-5f2e', metadata: { note: 'marker-note-after-lunch' },
};
const markers = ['187.625', 'marker-record-5f2e', 'marker-note-after-lunch', 'BLOOD_GLUCOSE', 'mg/dL'];

// A stored value as text, its bytes read as Latin-1 so any clear text inside shows.
function asText(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
}

let fileCount = 0;
const kinds: { name: string; open: () => Promise<{ store: SampleStore; reopen: () => Promise<SampleStore>; raw: () => Promise<string> }> }[] = [
  {
    name: 'file (sql.js)',
    open: async () => {
      const file = path.join(dir, `queue-${(fileCount += 1)}.db`);
      return { store: await openFileStore(file), reopen: () => openFileStore(file), raw: async () => (await readFile(file)).toString('latin1') };
    },
  },
  {
    name: 'IndexedDB',
    open: async () => {
      const factory = new IDBFactory();
      const raw = async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = factory.open('pulse-sync-client');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const all = await Promise.all(['records', 'meta'].map((name) => new Promise<unknown>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        })));
        db.close();
        return asText(all);
      };
      return { store: await openIndexedDbStore(undefined, factory), reopen: () => openIndexedDbStore(undefined, factory), raw };
    },
  },
];

describe.each(kinds)('$name store', (kind) => {
  it('keeps records in order, the batch in flight across a reopen, and removes a batch with its in-flight mark at once', async () => {
    const { store, reopen } = await kind.open();
    await store.append([{ id: 'a', data: bytes('1') }, { id: 'b', data: bytes('2') }]);
    await store.append([{ id: 'c', data: bytes('3') }]);
    expect((await store.head(2)).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await store.get(['c', 'x', 'a'])).toEqual([{ id: 'c', data: bytes('3') }, { id: 'a', data: bytes('1') }]);
    expect(await store.inflight()).toBeNull();
    await store.setInflight(['a', 'b']);
    await store.close();

    const again = await reopen();
    expect(await again.inflight()).toEqual(['a', 'b']);
    expect(await again.count()).toBe(3);
    await again.remove(['a', 'b']);
    expect(await again.inflight()).toBeNull();
    expect((await again.head(10)).map((r) => r.id)).toEqual(['c']);
    await again.close();
  });

  it('holds samples sealed: nothing of them in clear, and another key cannot open them', async () => {
    const { store, reopen, raw } = await kind.open();
    const key = await generateKey();
    const client = new SyncClient({ baseUrl: 'http://unused.invalid', deviceId: 'd', token: 't', store, key, fetch: () => Promise.reject(new Error('no network in this test')) });
    await client.enqueue([secret]);
    await store.close();

    const text = await raw();
    expect(text.length).toBeGreaterThan(0);
    for (const marker of markers) expect(text).not.toContain(marker);

    const wrongKey = await importKey(globalThis.crypto.getRandomValues(new Uint8Array(32)));
    const reopened = await reopen();
    const other = new SyncClient({ baseUrl: 'http://unused.invalid', deviceId: 'd', token: 't', store: reopened, key: wrongKey, fetch: () => Promise.reject(new Error('must not be reached')) });
    const errors: string[] = [];
    other.on('error', (e) => errors.push(`${e.error.kind}:${e.willRetry}`));
    await expect(other.sync()).rejects.toMatchObject({ name: 'SyncError', kind: 'decrypt' });
    expect(errors).toEqual(['decrypt:false']);
    expect(await reopened.count()).toBe(1); // kept for the right key
    await reopened.close();
  });
});

it('a sealed record moved under another record id does not open (the id is bound to the ciphertext)', async () => {
  const file = path.join(dir, 'swap.db');
  const store = await openFileStore(file);
  const key = await generateKey();
  const client = new SyncClient({ baseUrl: 'http://unused.invalid', deviceId: 'd', token: 't', store, key });
  const [id] = await client.enqueue([secret]);
  const [record] = await store.get([id!]);
  await store.remove([id!]);
  await store.append([{ id: 'another-id', data: record!.data }]);
  await expect(client.sync()).rejects.toMatchObject({ kind: 'decrypt' });
  await store.close();
});
