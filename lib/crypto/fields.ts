// Field-level encryption with the owner's data key: AES-256-GCM, a fresh 12-byte nonce per value, and
// additional data binding owner, table, column and row, so a ciphertext copied anywhere else fails.
// Text format (columns stay `text`): v1.<keyVersion>.<nonce>.<ciphertext+tag>, base64url.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { activeUserKey, userKey } from './user-keys';

export type FieldRef = { table: string; column: string; rowId: string };

export class DecryptionError extends Error {
  constructor(ref: FieldRef, why: string) {
    super(`cannot decrypt ${ref.table}.${ref.column} of row ${ref.rowId}: ${why}`);
    this.name = 'DecryptionError';
  }
}

const aad = (userId: string, ref: FieldRef) => Buffer.from(`${userId}|${ref.table}|${ref.column}|${ref.rowId}`);

/** Pure AES-GCM sealing with a given key (also used by the benchmark). */
export function sealWithKey(key: Buffer, version: number, additionalData: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(additionalData);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${version}.${nonce.toString('base64url')}.${sealed.toString('base64url')}`;
}

export function openWithKey(key: Buffer, additionalData: Buffer, nonce: Buffer, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce).setAAD(additionalData);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString('utf8');
}

export function parseCiphertext(ciphertext: string): { version: number; nonce: Buffer; sealed: Buffer } | null {
  const parts = ciphertext.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1' || !/^\d+$/.test(parts[1])) return null;
  const nonce = Buffer.from(parts[2], 'base64url');
  const sealed = Buffer.from(parts[3], 'base64url');
  if (nonce.length !== 12 || sealed.length < 16) return null;
  return { version: Number(parts[1]), nonce, sealed };
}

export async function encryptField(userId: string, ref: FieldRef, plaintext: string): Promise<string> {
  const { version, key } = await activeUserKey(userId);
  return sealWithKey(key, version, aad(userId, ref), plaintext);
}

export async function decryptField(userId: string, ref: FieldRef, ciphertext: string): Promise<string> {
  const parsed = parseCiphertext(ciphertext);
  if (!parsed) throw new DecryptionError(ref, 'not a v1 ciphertext');
  const key = await userKey(userId, parsed.version);
  try {
    return openWithKey(key, aad(userId, ref), parsed.nonce, parsed.sealed);
  } catch {
    throw new DecryptionError(ref, 'authentication failed (wrong owner, table, column, row or tampered)');
  }
}

/** The key version a stored ciphertext uses (re-encryption skips values already on the target version). */
export function ciphertextVersion(ciphertext: string): number | null {
  return parseCiphertext(ciphertext)?.version ?? null;
}

/** For searches: a value that cannot be decrypted (e.g. its key was shredded) matches nothing. */
export async function decryptOrNull(userId: string, ref: FieldRef, ciphertext: string): Promise<string | null> {
  return decryptField(userId, ref, ciphertext).catch(() => null);
}

export async function encryptNullable(userId: string, ref: FieldRef, plaintext: string | null): Promise<string | null> {
  return plaintext === null ? null : encryptField(userId, ref, plaintext);
}

export async function decryptNullable(userId: string, ref: FieldRef, ciphertext: string | null): Promise<string | null> {
  return ciphertext === null ? null : decryptField(userId, ref, ciphertext);
}
