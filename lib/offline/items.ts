// What the offline app queues: one POST of the patient's own API (an entry, a meal or a dose log) with the body
// the person submitted, sent with `id` as its Idempotency-Key on the first try and every resend, so the
// server stores it once however often it arrives. The body's time (`at`, `eatenAt`, `takenAt`) is set when the person
// logs, never left to the server's clock at sync time.
import { canonicalJson } from '@/packages/sync-client/src/index';

export type QueuedItem = {
  type: 'entry' | 'meal' | 'dose';
  /** The Idempotency-Key. */
  id: string;
  /** /api/v1/users/me/entries, /api/v1/users/me/meals or /api/v1/users/me/medications/{id}/doses */
  path: string;
  body: Record<string, unknown>;
  /** A dose's medication, as the waiting list names it. */
  medication?: { id: string; name: string; dose: string };
  queuedAt: number;
};

/** The patient's own endpoints: what the offline queue may send (a caregiver's writes are never queued). */
export const ENTRIES_PATH = '/api/v1/users/me/entries';
export const MEALS_PATH = '/api/v1/users/me/meals';
export const OWN_MEDICATIONS_PATH = '/api/v1/users/me/medications';

/** A new item; the body's time is pinned to now when the person gave none. */
export function newItem(type: QueuedItem['type'], path: string, body: Record<string, unknown>, medication?: QueuedItem['medication']): QueuedItem {
  const now = Date.now();
  const pinned = { ...body };
  if (type === 'entry') pinned.at ??= new Date(now).toISOString();
  if (type === 'meal') pinned.eatenAt ??= new Date(now).toISOString();
  if (type === 'dose' && pinned.status === 'taken') pinned.takenAt ??= new Date(now).toISOString();
  return { type, id: crypto.randomUUID(), path, body: pinned, ...(medication ? { medication } : {}), queuedAt: now };
}

/**
 * The request body, byte for byte the same on every try (keys sorted): the server judges a resend by its
 * key AND the hash of its body, and the queue stores items as canonical JSON.
 */
export const requestBody = (item: QueuedItem) => canonicalJson(item.body);

export function request(item: QueuedItem, signal?: AbortSignal): Promise<Response> {
  return fetch(item.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': item.id },
    body: requestBody(item),
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  });
}

/** An answer worth trying again later, with the same key: the request may not have been handled. */
export const isRetryable = (status: number) => status === 408 || status === 429 || status >= 500;
