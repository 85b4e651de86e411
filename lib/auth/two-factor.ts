// Two-factor sign-in: who must use it, enrolment (a pending secret, confirmed with a first code), the
// check of a code or a recovery code, recovery codes, and turning it off. The TOTP secret is encrypted
// with the user's data key (lib/crypto/encrypted-columns.ts lists it, so key rotation covers it); each
// code works once (the newest used step is kept, and a code must be of a later step, atomically); the ten
// recovery codes are 80-bit random values kept as SHA-256 hashes and shown once.
import { createHash, randomBytes } from 'node:crypto';
import { normalizeEmail } from '../crypto/blind-index';
import { decryptField, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import { env } from '../env';
import type { Role } from '../generated/prisma/enums';
import { ApiError } from '../http/errors';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';

/** The roles that must sign in with a second factor (held at enrolment until they have one). */
export const TWO_FACTOR_ROLES: readonly Role[] = ['DOCTOR', 'ADMIN'];

/** The page a doctor or admin without a second factor is held at. */
export const TWO_FACTOR_ENROL_PAGE = '/two-factor';

/** The domain of the seeded demo accounts (`.test` is reserved: nobody receives mail there). */
const DEMO_DOMAIN = '@demo.test';

export const RECOVERY_CODE_COUNT = 10;

const secretRef = (userId: string) => ({ table: 'user_two_factor', column: 'secret_ciphertext', rowId: userId });

/**
 * Whether the account must have two-factor sign-in: doctors and admins, except the seeded demo accounts
 * in development and demo mode (SEED_DEMO), which sign in with the demo password alone.
 */
export function twoFactorRequired(role: Role, email: string): boolean {
  if (!TWO_FACTOR_ROLES.includes(role)) return false;
  return !(env().demoMode && normalizeEmail(email).endsWith(DEMO_DOMAIN));
}

export type TwoFactorState = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };

export async function twoFactorState(userId: string): Promise<TwoFactorState> {
  const [row, recoveryCodesLeft] = await Promise.all([
    prisma.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    prisma.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabled: !!row?.enabledAt, pending: !!row && !row.enabledAt, recoveryCodesLeft: row?.enabledAt ? recoveryCodesLeft : 0 };
}

const alreadyOn = () => new ApiError('CONFLICT', 'two-factor sign-in is already on');
const wrongCode = () => new ApiError('VALIDATION_ERROR', 'the code is not right', [{ field: 'code', reason: 'is not the current code of your authenticator app' }]);

/** Starts (or restarts) enrolment: a new secret, not used for sign-in until confirmed with a code. */
export async function beginTwoFactorSetup(userId: string, email: string): Promise<{ secret: string; otpauthUri: string }> {
  const secret = newTotpSecret();
  const secretCiphertext = await encryptTotpSecret(userId, secret);
  const saved = await prisma.$transaction(async (tx) => {
    const current = await tx.userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
    if (current?.enabledAt) return false;
    await tx.userTwoFactor.upsert({ where: { userId }, create: { userId, secretCiphertext }, update: { secretCiphertext, lastUsedStep: null } });
    return true;
  });
  if (!saved) throw alreadyOn();
  return { secret, otpauthUri: totpUri(secret, email) };
}

/**
 * The step of `code` if it is a current code of the user's secret (pending or enabled) and of a later
 * step than any code used before, recording it as used; null otherwise.
 */
async function spendTotpCode(userId: string, code: string, state: 'pending' | 'enabled'): Promise<number | null> {
  const row = await prisma.userTwoFactor.findUnique({ where: { userId }, select: { secretCiphertext: true, enabledAt: true } });
  if (!row || (state === 'enabled') !== !!row.enabledAt) return null;
  const step = matchTotpStep(await decryptField(userId, secretRef(userId), row.secretCiphertext), code, Date.now());
  if (step === null) return null;
  // Atomic: of two requests with the same code, one wins.
  const used = await prisma.userTwoFactor.updateMany({
    where: { userId, enabledAt: state === 'enabled' ? { not: null } : null, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return used.count === 1 ? step : null;
}

/** The stored form of a user's TOTP secret (encrypted with their data key). */
export function encryptTotpSecret(userId: string, secret: string): Promise<string> {
  return encryptField(userId, secretRef(userId), secret);
}

/** Turns two-factor sign-in on with the first code of the pending secret; answers the recovery codes. */
export async function confirmTwoFactorSetup(userId: string, code: string): Promise<string[]> {
  const state = await twoFactorState(userId);
  if (state.enabled) throw alreadyOn();
  if (!state.pending) throw new ApiError('CONFLICT', 'no two-factor setup is under way: start one first');
  if ((await spendTotpCode(userId, code, 'pending')) === null) throw wrongCode();
  return prisma.$transaction(async (tx) => {
    await tx.userTwoFactor.update({ where: { userId }, data: { enabledAt: new Date() } });
    return replaceRecoveryCodes(tx, userId);
  });
}

export type SecondFactor = { code?: string; recoveryCode?: string };

/** Whether a current code or an unused recovery code of the user's enabled second factor is given (used up if so). */
export async function spendSecondFactor(userId: string, given: SecondFactor): Promise<boolean> {
  if (given.code?.trim()) return (await spendTotpCode(userId, given.code, 'enabled')) !== null;
  if (given.recoveryCode?.trim()) {
    const used = await prisma.twoFactorRecoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(given.recoveryCode), usedAt: null, user: { twoFactor: { enabledAt: { not: null } } } },
      data: { usedAt: new Date() },
    });
    return used.count === 1;
  }
  return false;
}

/** The sign-in's second step: not needed (off), passed, not given, or wrong. */
export async function checkSignInSecondFactor(userId: string, given: SecondFactor): Promise<'off' | 'passed' | 'missing' | 'wrong'> {
  if (!(await twoFactorState(userId)).enabled) return 'off';
  if (!given.code?.trim() && !given.recoveryCode?.trim()) return 'missing';
  return (await spendSecondFactor(userId, given)) ? 'passed' : 'wrong';
}

/** New recovery codes (the old ones stop working), for a user with two-factor sign-in on. */
export async function regenerateRecoveryCodes(userId: string, code: string): Promise<string[]> {
  if (!(await twoFactorState(userId)).enabled) throw new ApiError('CONFLICT', 'two-factor sign-in is not on');
  if ((await spendTotpCode(userId, code, 'enabled')) === null) throw wrongCode();
  return prisma.$transaction((tx) => replaceRecoveryCodes(tx, userId));
}

/** Turns two-factor sign-in off (secret and recovery codes deleted). */
export async function disableTwoFactor(userId: string): Promise<void> {
  await prisma.$transaction([
    prisma.twoFactorRecoveryCode.deleteMany({ where: { userId } }),
    prisma.userTwoFactor.deleteMany({ where: { userId } }),
  ]);
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 base32 characters (80 random bits) in groups of four: "ABCD-EFGH-JKLM-NPQR". */
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 15; i >= 0; i--) text += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return text.match(/.{4}/g)!.join('-');
}

/** The stored form: SHA-256 of the code as typed, ignoring case, spaces and dashes. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}
