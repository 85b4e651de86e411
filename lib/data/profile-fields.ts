// Profile fields encrypted with the owner's data key (display name, date of birth): the one place that
// knows their table, column and row, so every reader and writer binds the same additional data.
import { prisma } from '../db/client';
import { decryptField, decryptNullable, decryptOrNull, encryptField, encryptNullable } from '../crypto/fields';

const ref = (userId: string, column: 'display_name' | 'date_of_birth') => ({ table: 'profiles', column, rowId: userId });

export const encryptDisplayName = (userId: string, name: string) => encryptField(userId, ref(userId, 'display_name'), name);
export const decryptDisplayName = (userId: string, ciphertext: string) => decryptField(userId, ref(userId, 'display_name'), ciphertext);

/** Date of birth as YYYY-MM-DD text, encrypted (never computed on in SQL). */
export const encryptDateOfBirth = (userId: string, date: string | null) => encryptNullable(userId, ref(userId, 'date_of_birth'), date);
export const decryptDateOfBirth = (userId: string, ciphertext: string | null) => decryptNullable(userId, ref(userId, 'date_of_birth'), ciphertext);

/** For searches: null when absent or undecryptable (a shredded key matches nothing). */
export async function searchableDisplayName(userId: string, ciphertext: string | null): Promise<string | null> {
  return ciphertext === null ? null : decryptOrNull(userId, ref(userId, 'display_name'), ciphertext);
}

/** Decrypted display names of these users (those without a profile are absent). */
export async function findDisplayNames(userIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const profiles = await prisma.profile.findMany({ where: { userId: { in: unique } }, select: { userId: true, displayName: true } });
  return new Map(await Promise.all(profiles.map(async (p) => [p.userId, await decryptDisplayName(p.userId, p.displayName)] as const)));
}

/** Decrypts a nullable display name read by a raw query (no profile → null). */
export async function maybeDisplayName(userId: string, ciphertext: string | null): Promise<string | null> {
  return ciphertext === null ? null : decryptDisplayName(userId, ciphertext);
}
