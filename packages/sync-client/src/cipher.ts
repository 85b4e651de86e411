// Encryption at rest with WebCrypto (browsers and Node 20+): AES-256-GCM, a random 96-bit IV per record,
// the record's id bound as additional data so a sealed sample cannot be moved to another record.
import { SyncError } from './errors.ts';

export const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available: a browser secure context or Node 20+ is required');
  return s;
}

/** What the client seals and opens queued records with: a CryptoKey is used through WebCrypto; Node apps can
 * pass `importNodeKey(raw)` from "@pulse/sync-client/node" (the same format, about twice as fast there). */
export interface RecordCipher {
  seal(recordId: string, plaintext: string): Promise<Uint8Array>;
  open(recordId: string, sealed: Uint8Array): Promise<string>;
}

export const aad = (recordId: string) => encoder.encode(`pulse-sync-client/v1:${recordId}`);
export const decryptError = (recordId: string, cause: unknown) =>
  new SyncError('decrypt', `queued record ${recordId} cannot be decrypted (wrong key or altered store)`, { cause });

export function recordCipher(key: CryptoKey | RecordCipher): RecordCipher {
  return 'seal' in key ? key : { seal: (id, text) => seal(key, id, text), open: (id, sealed) => open(key, id, sealed) };
}

/** A new random AES-GCM key. `extractable: false` keeps it inside WebCrypto (store the CryptoKey in IndexedDB). */
export function generateKey(extractable = false): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
}

/** A key from 32 raw bytes the app keeps (a platform keystore, a secret manager…). */
export function importKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.byteLength !== 32) throw new RangeError('the key must be 32 bytes (AES-256)');
  return subtle().importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** IV followed by the ciphertext and its tag. */
export async function seal(key: CryptoKey, recordId: string, plaintext: string): Promise<Uint8Array> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(recordId) }, key, encoder.encode(plaintext));
  const out = new Uint8Array(IV_BYTES + ct.byteLength);
  out.set(iv, 0);
  out.set(new Uint8Array(ct), IV_BYTES);
  return out;
}

export async function open(key: CryptoKey, recordId: string, sealed: Uint8Array): Promise<string> {
  try {
    const iv = sealed.slice(0, IV_BYTES);
    const ct = sealed.slice(IV_BYTES);
    const pt = await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: aad(recordId) }, key, ct);
    return decoder.decode(pt);
  } catch (error) {
    throw decryptError(recordId, error);
  }
}
