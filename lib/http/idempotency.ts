// The Idempotency-Key header of a write, and the answer of an idempotent one. A signed-in person's entries
// and dose logs (the offline app resends them after a lost answer) keep their keys with the device syncs'
// (lib/data/idempotency-keys.ts): in the key space of the patient's manual-entry device, prefixed with
// who sent it, so one user's keys never meet another's. The request hash covers the method and path as
// well as the body: the same key sent to another medication's doses is a reused key, not a replay.
import { createHash } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import type { EntryTarget } from '../data/entries';
import { ensureManualDevice } from '../data/entries';
import { checkIdempotencyKey, type Previous, type ScopedIdempotency, type StoredResponse } from '../data/idempotency-keys';
import { ApiError } from './errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or null when it has none; 400 when it is not 1–255 visible ASCII characters. */
export function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers.get('idempotency-key');
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw new ApiError('BAD_REQUEST', 'Idempotency-Key must be 1–255 visible ASCII characters');
  return key;
}

export const keyReused = () => new ApiError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with a different request');

export type IdempotentResult = Previous | { kind: 'stored'; response: StoredResponse };

function answer(response: StoredResponse, replayed: boolean): NextResponse {
  return NextResponse.json(response.body, { status: response.status, headers: replayed ? { 'Idempotent-Replayed': 'true' } : undefined });
}

/**
 * A signed-in write for `target`'s patient: without a key `write(null)` runs as it is; with one, a key
 * already answered is replayed (or refused, asked with another request) before anything is read, else
 * `write` gets the scoped key to store with its change. Only a success is stored: a refused request
 * sent again is judged again.
 */
export async function idempotentWrite(req: NextRequest, text: string, target: EntryTarget, write: (idem: ScopedIdempotency | null) => Promise<IdempotentResult>): Promise<NextResponse> {
  const key = idempotencyKeyOf(req);
  let idem: ScopedIdempotency | null = null;
  if (key !== null) {
    const requestHash = createHash('sha256').update(`${req.method} ${req.nextUrl.pathname}\n${text}`).digest('hex');
    idem = { deviceId: await ensureManualDevice(target.patientId), key: `${target.recordedById}:${key}`, requestHash };
    const previous = await checkIdempotencyKey(idem.deviceId, idem);
    if (previous?.kind === 'replay') return answer(previous.response, true);
    if (previous?.kind === 'key-reused') throw keyReused();
  }
  const result = await write(idem);
  if (result.kind === 'key-reused') throw keyReused();
  return answer(result.response, result.kind === 'replay');
}
