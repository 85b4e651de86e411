// Each signed-in user's offline key and what it seals. The key is a non-extractable AES-256-GCM CryptoKey
// made in this browser on first use and kept in IndexedDB (lib/offline/idb.ts): scripts can use it but never
// read it out. It seals the queue (the sync client's cipher) and, with the same scheme, the snapshots of
// what the dashboard and the dose log showed online, and refusals not yet dismissed. Each sealed value is
// bound to its slot (additional data "snapshot:<user>:<name>"…), so one cannot be moved to another user
// or slot. Forgetting a user deletes the key first: whatever sealed data is left is unreadable.
import { generateKey, open, seal } from '@/packages/sync-client/src/index';
import { get, KEYS, META, put, putIfAbsent, remove, REFUSED, SNAPSHOTS, valuesWithPrefix, withPrefix } from './idb';

const keys = new Map<string, Promise<CryptoKey>>();

/** The user's key, made (non-extractable) on first use; two tabs making one at once end up with the same. */
export function userKey(userId: string): Promise<CryptoKey> {
  let key = keys.get(userId);
  if (!key) {
    key = (async () => (await get<CryptoKey>(KEYS, userId)) ?? putIfAbsent(KEYS, userId, await generateKey(false)))();
    key.catch(() => keys.delete(userId));
    keys.set(userId, key);
  }
  return key;
}

/** The user's key if this browser has one (never makes one). */
async function existingKey(userId: string): Promise<CryptoKey | null> {
  return (await get<CryptoKey>(KEYS, userId)) ?? null;
}

export const hasKey = async (userId: string) => (await existingKey(userId)) !== null;

type Sealed = { data: Uint8Array };

async function sealJson(userId: string, slot: string, value: unknown): Promise<Sealed> {
  return { data: await seal(await userKey(userId), slot, JSON.stringify(value)) };
}

async function openJson<T>(key: CryptoKey, slot: string, sealed: Sealed): Promise<T> {
  return JSON.parse(await open(key, slot, sealed.data)) as T;
}

// ───────────── snapshots: what a page showed online, and when its data was fetched ─────────────

export type Snapshot<T> = { data: T; takenAt: number };
const snapshotSlot = (userId: string, name: string) => `snapshot:${userId}:${name}`;

export async function saveSnapshot(userId: string, name: string, snapshot: Snapshot<unknown>): Promise<void> {
  await put(SNAPSHOTS, `${userId}:${name}`, await sealJson(userId, snapshotSlot(userId, name), snapshot));
}

/** The snapshot, or null when there is none or it cannot be opened (another key: it is dropped). */
export async function loadSnapshot<T>(userId: string, name: string): Promise<Snapshot<T> | null> {
  const [sealed, key] = await Promise.all([get<Sealed>(SNAPSHOTS, `${userId}:${name}`), existingKey(userId)]);
  if (!sealed || !key) return null;
  try {
    return await openJson<Snapshot<T>>(key, snapshotSlot(userId, name), sealed);
  } catch {
    await remove(SNAPSHOTS, `${userId}:${name}`);
    return null;
  }
}

// ───────────── refusals: queued items the server refused, kept until the person dismisses them ─────────────

export type Refusal<I> = { recordId: string; item: I; field: string; reason: string; refusedAt: number };
const refusalSlot = (userId: string, recordId: string) => `refused:${userId}:${recordId}`;

export async function saveRefusal<I>(userId: string, refusal: Refusal<I>): Promise<void> {
  await put(REFUSED, `${userId}:${refusal.recordId}`, { recordId: refusal.recordId, ...(await sealJson(userId, refusalSlot(userId, refusal.recordId), refusal)) });
}

export async function loadRefusals<I>(userId: string): Promise<Refusal<I>[]> {
  const key = await existingKey(userId);
  if (!key) return [];
  const rows = await valuesWithPrefix<Sealed & { recordId: string }>(REFUSED, `${userId}:`);
  const opened = await Promise.all(rows.map((row) => openJson<Refusal<I>>(key, refusalSlot(userId, row.recordId), row).catch(() => null)));
  return opened.filter((r): r is Refusal<I> => r !== null).sort((a, b) => a.refusedAt - b.refusedAt);
}

export const dismissRefusal = (userId: string, recordId: string) => remove(REFUSED, `${userId}:${recordId}`);

// ───────────── who this browser last saw signed in, and forgetting a user ─────────────

export const setCurrentUser = (userId: string) => put(META, 'current', userId);
export const currentUser = async () => (await get<string>(META, 'current')) ?? null;

/** Deletes the user's key (first), snapshots and refusals, and forgets them as the current user. */
export async function forgetUserData(userId: string): Promise<void> {
  keys.delete(userId);
  await remove(KEYS, userId);
  await Promise.all([remove(SNAPSHOTS, withPrefix(`${userId}:`)), remove(REFUSED, withPrefix(`${userId}:`))]);
  if ((await currentUser()) === userId) await remove(META, 'current');
}
