// The offline app's own IndexedDB database (the queue itself lives in the sync client's store, one
// database per user: lib/offline/queue.ts). Here: each user's key (a non-extractable AES-GCM CryptoKey),
// sealed snapshots of what pages showed online, sealed refusals the person has not dismissed yet, and
// which user this browser last saw signed in (an id, no health data).
const NAME = 'pulse-offline';
export const KEYS = 'keys';
export const SNAPSHOTS = 'snapshots';
export const REFUSED = 'refused';
export const META = 'meta';

let opening: Promise<IDBDatabase> | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = () => {
      for (const store of [KEYS, SNAPSHOTS, REFUSED, META]) req.result.createObjectStore(store);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab deleting or upgrading the database: let it, and open again on the next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

/** Runs `fn` in one transaction over `store`; resolves with its result once the transaction committed. */
export async function inStore<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => Promise<T> | T): Promise<T> {
  const tx = (await database()).transaction(store, mode);
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  const result = await fn(tx.objectStore(store));
  await committed;
  return result;
}

export const get = <T>(store: string, key: IDBValidKey) => inStore(store, 'readonly', (s) => request(s.get(key)) as Promise<T | undefined>);
export const put = (store: string, key: IDBValidKey, value: unknown) => inStore(store, 'readwrite', (s) => void s.put(value, key));
export const remove = (store: string, key: IDBValidKey | IDBKeyRange) => inStore(store, 'readwrite', (s) => void s.delete(key));

/** Every value whose key starts with `prefix` (keys are "userId:…" strings). */
export const valuesWithPrefix = <T>(store: string, prefix: string) =>
  inStore(store, 'readonly', (s) => request(s.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as Promise<T[]>);

export const withPrefix = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** Adds `value` under `key` unless the key holds one already; resolves with what the key holds afterwards. */
export const putIfAbsent = <T>(store: string, key: IDBValidKey, value: T) =>
  inStore(store, 'readwrite', async (s) => {
    const existing = (await request(s.get(key))) as T | undefined;
    if (existing !== undefined) return existing;
    s.put(value, key);
    return value;
  });

/** Deletes a whole database (a user's queue); gives up waiting after a few seconds if another tab holds it open. */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    const timer = setTimeout(resolve, 5000);
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error);
    };
  });
}
