// Single-use account links (e-mail verification, password reset): 256 random bits, of which only the
// SHA-256 is stored; a use marks the row used in the same statement that checks it is unused and
// unexpired, so two racing uses cannot both succeed.
import { randomBytes } from 'node:crypto';
import { hashToken, safeEqual } from '../auth/tokens';
import type { Prisma } from '../generated/prisma/client';
import type { AccountTokenPurpose } from '../generated/prisma/enums';

type Db = Pick<Prisma.TransactionClient, 'accountToken'>;

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 3600_000,
  PASSWORD_RESET: 30 * 60_000,
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new token for the user (returned once, for the e-mail); earlier unused ones of the purpose stop working. */
export async function issueAccountToken(db: Db, args: { userId: string; purpose: AccountTokenPurpose; emailIndex?: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.accountToken.updateMany({ where: { userId: args.userId, purpose: args.purpose, usedAt: null }, data: { usedAt: now } });
  await db.accountToken.create({
    data: {
      userId: args.userId,
      purpose: args.purpose,
      tokenHash: hashToken(token),
      emailIndex: args.emailIndex ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[args.purpose]),
    },
  });
  return token;
}

/**
 * Uses a token: its row (user and verified address) when it is of this purpose, unused and unexpired,
 * else null (unknown, used and expired all look the same to the caller).
 */
export async function useAccountToken(db: Db, purpose: AccountTokenPurpose, token: string): Promise<{ userId: string; emailIndex: string | null } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const tokenHash = hashToken(token);
  const row = await db.accountToken.findUnique({ where: { tokenHash }, select: { id: true, tokenHash: true, userId: true, emailIndex: true } });
  if (!row || !safeEqual(row.tokenHash, tokenHash)) return null;
  const used = await db.accountToken.updateMany({ where: { id: row.id, purpose, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
  return used.count === 1 ? { userId: row.userId, emailIndex: row.emailIndex } : null;
}
