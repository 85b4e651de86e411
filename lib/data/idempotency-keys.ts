// Idempotency-Key records (idempotency_keys, kept 24 hours: lib/maintenance): a request's key, the hash
// of what was asked, and the answer it got, written in the SAME transaction as what the request changed,
// so a failed attempt leaves no record and a stored change always has one. A device sync keys them by its
// device (lib/data/sync-samples.ts); a signed-in person's entries and dose logs by the patient's
// manual-entry device, the key prefixed with who sent it (lib/http/idempotency.ts), so keys are per user.
// Writers to one device are serialized by one advisory lock, whatever they write.
import type pg from 'pg';
import { pool, prisma } from '../db/client';
import type { Prisma } from '../generated/prisma/client';

export type Idempotency = { key: string; requestHash: string };
export type StoredResponse = { status: number; body: unknown };
/** What a key already stored says about a request: answer it again, or refuse it (another body). */
export type Previous = { kind: 'replay'; response: StoredResponse } | { kind: 'key-reused' };
/** A request with a key scoped to a device (the device's own key space). */
export type ScopedIdempotency = Idempotency & { deviceId: string };

/** The advisory lock every transaction writing a device's samples or idempotency records takes first. */
export const deviceLockKey = (deviceId: string) => `sync:${deviceId}`;

type Row = { request_hash: string; status_code: number; response: unknown };
// The same lookup inside a Prisma transaction is written as a tagged template below.
const FIND = 'SELECT request_hash, status_code, response FROM idempotency_keys WHERE device_id = $1::uuid AND key = $2';

function previousOf(row: Row | undefined, idem: Idempotency): Previous | null {
  if (!row) return null;
  if (row.request_hash !== idem.requestHash) return { kind: 'key-reused' };
  return { kind: 'replay', response: { status: row.status_code, body: row.response } };
}

/** The key's record through a pg client or pool (the sync path's bulk SQL). */
export async function findIdempotent(client: pg.PoolClient | pg.Pool, deviceId: string, idem: Idempotency): Promise<Previous | null> {
  const { rows } = await client.query<Row>(FIND, [deviceId, idem.key]);
  return previousOf(rows[0], idem);
}

/** Cheap check before validation work: a replay or a reused key needs no transaction. */
export function checkIdempotencyKey(deviceId: string, idem: Idempotency): Promise<Previous | null> {
  return findIdempotent(pool(), deviceId, idem);
}

/**
 * Runs `write` in one transaction with the key's record: under the device's lock the key is looked up
 * again (a request sent twice at once is written once), `write` makes its change and answer, and the
 * answer is stored with the key before COMMIT. Without a key, `write` simply runs (no transaction).
 */
export async function inIdempotentTransaction(
  idem: ScopedIdempotency | null,
  write: (tx: Prisma.TransactionClient) => Promise<StoredResponse>,
): Promise<Previous | { kind: 'stored'; response: StoredResponse }> {
  if (!idem) return { kind: 'stored', response: await write(prisma) };
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${deviceLockKey(idem.deviceId)}, 0))`;
    const rows = await tx.$queryRaw<Row[]>`SELECT request_hash, status_code, response FROM idempotency_keys WHERE device_id = ${idem.deviceId}::uuid AND key = ${idem.key}`;
    const previous = previousOf(rows[0], idem);
    if (previous) return previous;
    const response = await write(tx);
    await tx.$executeRaw`INSERT INTO idempotency_keys (device_id, key, request_hash, status_code, response)
      VALUES (${idem.deviceId}::uuid, ${idem.key}, ${idem.requestHash}, ${response.status}, ${JSON.stringify(response.body)}::jsonb)`;
    return { kind: 'stored', response };
  });
}
