// The browser store: IndexedDB, one object store of sealed records (in enqueue order) and one for the
// batch in flight. Every call is one IndexedDB transaction, so it commits whole or not at all.
import type { SampleStore, StoredRecord } from './types.ts';

const RECORDS = 'records';
const META = 'meta';

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

type Row = { seq?: number; id: string; data: Uint8Array };

/** Opens (or creates) the queue database `name`. `factory` defaults to the page's `indexedDB`. */
export async function openIndexedDbStore(name = 'pulse-sync-client', factory: IDBFactory = globalThis.indexedDB): Promise<SampleStore> {
  if (!factory) throw new Error('IndexedDB is not available here (in Node, use openFileStore from @pulse/sync-client/node)');
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore(RECORDS, { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', { unique: true });
    db.createObjectStore(META);
  };
  const db = await result(request);
  // Another tab deleting the database (an app clearing a signed-out user's queue) must not wait for this one.
  db.onversionchange = () => db.close();

  async function run<T>(stores: string[], mode: IDBTransactionMode, fn: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
    const tx = db.transaction(stores, mode);
    const finished = done(tx);
    try {
      const value = await fn(tx);
      await finished;
      return value;
    } catch (error) {
      finished.catch(() => undefined); // the transaction's own failure is the same error
      if (mode === 'readwrite') {
        try {
          tx.abort(); // nothing of a failed write is kept
        } catch {
          // already finished
        }
      }
      throw error;
    }
  }

  return {
    append: (records) =>
      run([RECORDS], 'readwrite', (tx) => {
        const store = tx.objectStore(RECORDS);
        for (const r of records) store.add({ id: r.id, data: r.data } satisfies Row);
      }),
    head: (limit) =>
      run([RECORDS], 'readonly', async (tx) => {
        const rows = (await result(tx.objectStore(RECORDS).getAll(null, limit))) as Row[];
        return rows.map(({ id, data }): StoredRecord => ({ id, data }));
      }),
    get: (ids) =>
      run([RECORDS], 'readonly', async (tx) => {
        const index = tx.objectStore(RECORDS).index('id');
        const rows = (await Promise.all(ids.map((id) => result(index.get(id))))) as (Row | undefined)[];
        return rows.flatMap((row) => (row ? [{ id: row.id, data: row.data }] : []));
      }),
    inflight: () => run([META], 'readonly', async (tx) => ((await result(tx.objectStore(META).get('inflight'))) as string[] | undefined) ?? null),
    setInflight: (ids) =>
      run([META], 'readwrite', (tx) => {
        tx.objectStore(META).put([...ids], 'inflight');
      }),
    remove: (ids) =>
      run([RECORDS, META], 'readwrite', async (tx) => {
        const store = tx.objectStore(RECORDS);
        const index = store.index('id');
        const keys = await Promise.all(ids.map((id) => result(index.getKey(id))));
        for (const key of keys) if (key !== undefined) store.delete(key);
        tx.objectStore(META).delete('inflight');
      }),
    count: () => run([RECORDS], 'readonly', (tx) => result(tx.objectStore(RECORDS).count())),
    close: async () => db.close(),
  };
}
