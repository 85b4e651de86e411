// A meal photo's bytes, encrypted with the patient's data key (AES-256-GCM, lib/crypto/fields) and bound to
// the meal's row and the "photo" column, so a photo object copied under another meal or person fails to
// open. The bytes travel as base64 inside the field format (versioned, like every other encrypted value).
// The type is judged from the bytes only (a client's Content-Type is never trusted).
import { decryptField, encryptField, type FieldRef } from '../crypto/fields';

const ref = (mealId: string): FieldRef => ({ table: 'meals', column: 'photo', rowId: mealId });

export async function encryptPhoto(patientId: string, mealId: string, bytes: Uint8Array): Promise<Uint8Array> {
  return Buffer.from(await encryptField(patientId, ref(mealId), Buffer.from(bytes).toString('base64')), 'utf8');
}

export async function decryptPhoto(patientId: string, mealId: string, sealed: Uint8Array): Promise<Uint8Array> {
  return Buffer.from(await decryptField(patientId, ref(mealId), Buffer.from(sealed).toString('utf8')), 'base64');
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');

/** image/jpeg, image/png, image/webp or image/heic from the file's magic bytes; null for anything else. */
export function sniffImageType(b: Uint8Array): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(b, 8, 12))) return 'image/heic';
  return null;
}
