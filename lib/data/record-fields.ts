// The record's shared pieces (conditions, allergies, emergency contacts: issue 19): each free-text column is
// encrypted with the patient's data key, bound to its table, column and row; a refusal names its field;
// a date column (PostgreSQL DATE) travels as YYYY-MM-DD.
import { z } from 'zod';
import { decryptNullable, encryptNullable } from '../crypto/fields';
import { ApiError } from '../http/errors';

export type RecordTable = 'conditions' | 'allergies' | 'emergency_contacts';

export const sealText = (userId: string, table: RecordTable, column: string, rowId: string, text: string | null) =>
  encryptNullable(userId, { table, column, rowId }, text);
export const openText = (userId: string, table: RecordTable, column: string, rowId: string, ciphertext: string | null) =>
  decryptNullable(userId, { table, column, rowId }, ciphertext);

export function fail(field: string, reason: string): never {
  throw new ApiError('VALIDATION_ERROR', `${field} ${reason}`, [{ field, reason }]);
}

/** Trimmed text of 1..max characters. */
export const text = (max: number) =>
  z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** An optional free text: empty or null clears it. */
export const optionalText = (max: number) =>
  z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`).nullable().transform((v) => v || null).optional();

/** An enum given in upper or lower case (FHIR writes 'active', the API answers 'ACTIVE'). */
export const upperEnum = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase().replace(/-/g, '_') : v), z.enum(values, { error: `must be one of ${values.join(', ')}` }));

export const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
export const dateOf = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00Z`) : day === null ? null : undefined);
