// A batch's body and its Idempotency-Key. The body is canonical JSON (keys sorted, undefined dropped)
// and the key is the SHA-256 of that exact text, so a resend after a crash or restart, rebuilt from the
// same queued samples, carries the same key and the server answers it once.
import type { QueueItem } from './types.ts';

export const MAX_BATCH = 1000;

/** JSON with object keys sorted at every level; undefined members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  // As JSON.stringify: an object with toJSON (a Date) is written as what toJSON gives.
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function batchBody(samples: QueueItem[]): string {
  return canonicalJson({ samples });
}

export async function idempotencyKey(body: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sync-v1-${hex}`;
}
