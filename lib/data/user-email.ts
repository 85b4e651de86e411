// E-mail addresses: encrypted with the owner's data key (AAD owner|users|email_ciphertext|<user id>) and
// looked up only through the HMAC blind index (lib/crypto/blind-index.ts). The one place that knows both.
import { prisma } from '../db/client';
import { emailIndex, normalizeEmail } from '../crypto/blind-index';
import { decryptField, decryptOrNull, encryptField } from '../crypto/fields';

const ref = (userId: string) => ({ table: 'users', column: 'email_ciphertext', rowId: userId });

/** The two columns to store for a user's address (normalized: trimmed, lower-case). */
export async function emailColumns(userId: string, email: string): Promise<{ emailIndex: string; emailCiphertext: string }> {
  const normalized = normalizeEmail(email);
  return { emailIndex: emailIndex(normalized), emailCiphertext: await encryptField(userId, ref(userId), normalized) };
}

export const decryptEmail = (userId: string, ciphertext: string) => decryptField(userId, ref(userId), ciphertext);

// An e-mail change waiting for its verification (lib/data/email-change.ts): the same protection.
const pendingRef = (userId: string) => ({ table: 'users', column: 'pending_email_ciphertext', rowId: userId });

export async function pendingEmailColumns(userId: string, email: string): Promise<{ pendingEmailIndex: string; pendingEmailCiphertext: string }> {
  const normalized = normalizeEmail(email);
  return { pendingEmailIndex: emailIndex(normalized), pendingEmailCiphertext: await encryptField(userId, pendingRef(userId), normalized) };
}

export const decryptPendingEmail = (userId: string, ciphertext: string) => decryptField(userId, pendingRef(userId), ciphertext);

/** For searches and lists that must survive a shredded key: null when undecryptable. */
export const searchableEmail = (userId: string, ciphertext: string) => decryptOrNull(userId, ref(userId), ciphertext);

/** Where-clause of the user with this address (exact match through the index). */
export const byEmail = (email: string) => ({ emailIndex: emailIndex(email) });

/** Decrypted addresses of these users (unknown ids are absent). */
export async function findEmails(userIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, emailCiphertext: true } });
  return new Map(await Promise.all(users.map(async (u) => [u.id, await decryptEmail(u.id, u.emailCiphertext)] as const)));
}

/**
 * Recomputes a user's blind indexes from the stored addresses (after a master key change, or for legacy
 * rows): their address, a pending new one, and the account links issued for either.
 */
export async function reindexEmail(userId: string): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailCiphertext: true, emailIndex: true, pendingEmailCiphertext: true, pendingEmailIndex: true } });
  const emailIndexNow = emailIndex(await decryptEmail(userId, user.emailCiphertext));
  const pendingIndexNow = user.pendingEmailCiphertext ? emailIndex(await decryptPendingEmail(userId, user.pendingEmailCiphertext)) : null;
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { emailIndex: emailIndexNow, pendingEmailIndex: pendingIndexNow } }),
    ...(user.emailIndex ? [prisma.accountToken.updateMany({ where: { userId, emailIndex: user.emailIndex }, data: { emailIndex: emailIndexNow } })] : []),
    ...(user.pendingEmailIndex && pendingIndexNow
      ? [prisma.accountToken.updateMany({ where: { userId, emailIndex: user.pendingEmailIndex }, data: { emailIndex: pendingIndexNow } })]
      : []),
  ]);
}
