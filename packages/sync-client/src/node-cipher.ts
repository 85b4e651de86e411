// The queue's cipher with node:crypto: the same AES-256-GCM format as WebCrypto's (IV, ciphertext, tag; the
// record id as additional data), so either opens what the other sealed. Node's WebCrypto costs about twice
// as much per record (each call is a promise and a copy): a device uploading thousands of samples a second
// notices.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { aad, decryptError, IV_BYTES, type RecordCipher } from './cipher.ts';

const TAG_LENGTH = 16;

/** A cipher from 32 raw bytes the app keeps secret. */
export function importNodeKey(raw: Uint8Array): RecordCipher {
  if (raw.byteLength !== 32) throw new RangeError('the key must be 32 bytes (AES-256)');
  const key = Buffer.from(raw);
  return {
    async seal(recordId, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(recordId));
      const ct = cipher.update(plaintext, 'utf8');
      const last = cipher.final();
      return Buffer.concat([iv, ct, last, cipher.getAuthTag()]);
    },
    async open(recordId, sealed) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES)).setAAD(aad(recordId));
        decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG_LENGTH));
        return decipher.update(sealed.subarray(IV_BYTES, sealed.byteLength - TAG_LENGTH), undefined, 'utf8') + decipher.final('utf8');
      } catch (error) {
        throw decryptError(recordId, error);
      }
    },
  };
}
