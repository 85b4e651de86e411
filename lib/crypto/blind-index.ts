// A blind index for exact-match lookups of an encrypted e-mail: HMAC-SHA256 of the normalized address
// under a key derived (HKDF) from the current master key. Rotating the master means recomputing it
// (scripts/rotate-keys.ts does, from the e-mail ciphertexts).
import { createHmac, hkdfSync } from 'node:crypto';
import { env } from '../env';

let indexKey: { masterId: string; key: Buffer } | undefined;

function key(): Buffer {
  const master = env().masterKeys[0];
  if (indexKey?.masterId !== master.id) {
    indexKey = { masterId: master.id, key: Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'blind-index:email', 32)) };
  }
  return indexKey.key;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailIndex(email: string): string {
  return createHmac('sha256', key()).update(normalizeEmail(email)).digest('base64url');
}
