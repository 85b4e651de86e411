// Users' data keys: created on first use, cached unwrapped for a short time, destroyed for
// crypto-shredding. The cache is cleared at once here when a key is destroyed or retired; other
// processes stop using a destroyed key within CACHE_TTL_MS.
import { randomBytes } from 'node:crypto';
import { prisma } from '../db/client';
import { keyProvider } from './key-provider';

export const CACHE_TTL_MS = 60_000;
const cache = new Map<string, { key: Buffer; expiresAt: number }>();
const activeVersions = new Map<string, { version: number; expiresAt: number }>();

export class KeyUnavailableError extends Error {
  constructor(userId: string, version: number, why: string) {
    super(`data key v${version} of user ${userId} is unavailable: ${why}`);
    this.name = 'KeyUnavailableError';
  }
}

export const wrapContext = (userId: string, version: number) => `user-key|${userId}|${version}`;

function cached(cacheKey: string): Buffer | undefined {
  const hit = cache.get(cacheKey);
  if (hit && hit.expiresAt > Date.now()) return hit.key;
  cache.delete(cacheKey);
  return undefined;
}

function remember(cacheKey: string, key: Buffer): Buffer {
  cache.set(cacheKey, { key, expiresAt: Date.now() + CACHE_TTL_MS });
  return key;
}

/** The data key of a given version (to decrypt). */
export async function userKey(userId: string, version: number): Promise<Buffer> {
  const hit = cached(`${userId}:${version}`);
  if (hit) return hit;
  const row = await prisma.userKey.findUnique({ where: { userId_version: { userId, version } } });
  if (!row) throw new KeyUnavailableError(userId, version, 'no such key');
  if (row.destroyedAt || !row.wrappedKey) throw new KeyUnavailableError(userId, version, 'destroyed');
  const key = await keyProvider().unwrap(row.wrappedKey, row.masterKeyId, wrapContext(userId, version));
  return remember(`${userId}:${version}`, key);
}

/** The version new ciphertexts use: the highest unretired key, created (version 1) on first use. */
export async function activeUserKey(userId: string): Promise<{ version: number; key: Buffer }> {
  const current = activeVersions.get(userId);
  if (current && current.expiresAt > Date.now()) return { version: current.version, key: await userKey(userId, current.version) };
  const row = await prisma.userKey.findFirst({
    where: { userId, retiredAt: null },
    orderBy: { version: 'desc' },
    select: { version: true, destroyedAt: true },
  });
  if (row?.destroyedAt) throw new KeyUnavailableError(userId, row.version, 'destroyed');
  const version = row?.version ?? (await createUserKey(userId, 1));
  activeVersions.set(userId, { version, expiresAt: Date.now() + CACHE_TTL_MS });
  return { version, key: await userKey(userId, version) };
}

/** Creates a data key of the given version; a concurrent creator of the same version wins harmlessly. */
export async function createUserKey(userId: string, version: number): Promise<number> {
  const { wrapped, masterKeyId } = await keyProvider().wrap(randomBytes(32), wrapContext(userId, version));
  await prisma.userKey.createMany({
    data: [{ userId, version, wrappedKey: wrapped, masterKeyId }],
    skipDuplicates: true,
  });
  forgetUserKeys(userId);
  return version;
}

export function forgetUserKeys(userId: string): void {
  activeVersions.delete(userId);
  for (const cacheKey of cache.keys()) if (cacheKey.startsWith(`${userId}:`)) cache.delete(cacheKey);
}

/** Crypto-shredding: erases every wrapped data key of the user; their ciphertexts become unreadable. */
export async function destroyUserKeys(userId: string, now = new Date()): Promise<number> {
  const { count } = await prisma.userKey.updateMany({
    where: { userId, destroyedAt: null },
    data: { wrappedKey: null, destroyedAt: now },
  });
  forgetUserKeys(userId);
  return count;
}
