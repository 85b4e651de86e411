// Sign-up and e-mail verification. A sign-up answers the same whether or not the address has an account
// (no enumeration): a new address gets an unverified account and a verification link, a registered one
// gets the "you already have an account" message, and both pay for one argon2 hash.
import type { Locale } from '../i18n/locales';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password';
import { emailIndex } from '../crypto/blind-index';
import { prisma } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { enqueueMail } from '../mail/enqueue';
import { issueAccountToken, TOKEN_LIFETIME_MS, useAccountToken } from './account-tokens';
import { encryptDisplayName } from './profile-fields';
import { byEmail, decryptEmail, decryptPendingEmail, emailColumns } from './user-email';

type Db = Prisma.TransactionClient;

export type SignUp = {
  email: string;
  password: string;
  name: string;
  role: 'PATIENT' | 'CAREGIVER' | 'DOCTOR';
  timeZone: string;
  licenceNumber?: string;
  licenceBody?: string;
  language?: Locale;
};

const VALID_HOURS = TOKEN_LIFETIME_MS.VERIFY_EMAIL / 3600_000;

/** Queues the verification link of `email` for the user (their current address or a pending new one). */
export async function sendVerificationMail(db: Db, userId: string, email: string): Promise<void> {
  const token = await issueAccountToken(db, { userId, purpose: 'VERIFY_EMAIL', emailIndex: emailIndex(email) });
  await enqueueMail(db, { to: email, template: 'verify-email', data: { token, validHours: VALID_HOURS }, userId });
}

/** Tells the owner of `email` that someone tried to register it again. */
export async function sendAlreadyRegistered(db: Db, userId: string, email: string): Promise<void> {
  await enqueueMail(db, { to: email, template: 'already-registered', data: {}, userId });
}

export async function signUp(input: SignUp): Promise<void> {
  const passwordHash = await hashPassword(input.password); // also for a registered address: the same time
  const existing = await prisma.user.findUnique({ where: byEmail(input.email), select: { id: true } });
  if (existing) {
    await prisma.$transaction((tx) => sendAlreadyRegistered(tx, existing.id, input.email));
    return;
  }
  const userId = randomUUID(); // chosen here: the address and name are encrypted with the user's key, bound to the id
  const doctor = input.role === 'DOCTOR';
  try {
    await prisma.$transaction(async (tx) => {
      await tx.user.create({
        data: {
          id: userId,
          ...(await emailColumns(userId, input.email)),
          passwordHash,
          role: input.role,
          doctorApproval: doctor ? 'PENDING' : null,
          doctorLicenceNumber: doctor ? input.licenceNumber : null,
          doctorLicenceBody: doctor ? input.licenceBody : null,
          profile: { create: { displayName: await encryptDisplayName(userId, input.name), timeZone: input.timeZone } },
          preferences: { create: { language: input.language } },
        },
      });
      await sendVerificationMail(tx, userId, input.email);
    });
  } catch (error) {
    // Registered by a racing sign-up in the meantime: the same answer, the owner is told.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const owner = await prisma.user.findUnique({ where: byEmail(input.email), select: { id: true } });
    if (owner) await prisma.$transaction((tx) => sendAlreadyRegistered(tx, owner.id, input.email));
  }
}

/**
 * Uses a verification link: verifies the account's address, or makes a pending new address (an e-mail
 * change) the account's address and tells the old one. False when the link is unknown, used, expired,
 * for an address the account no longer has or wants, or when that address was taken meanwhile.
 */
export async function verifyEmail(token: string): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      const used = await useAccountToken(tx, 'VERIFY_EMAIL', token);
      if (!used?.emailIndex) return false;
      const user = await tx.user.findUniqueOrThrow({
        where: { id: used.userId },
        select: { emailIndex: true, emailCiphertext: true, emailVerifiedAt: true, pendingEmailIndex: true, pendingEmailCiphertext: true, disabledAt: true },
      });
      if (user.disabledAt) return false;
      if (used.emailIndex === user.emailIndex) {
        if (!user.emailVerifiedAt) await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: new Date() } });
        return true;
      }
      if (used.emailIndex !== user.pendingEmailIndex || !user.pendingEmailCiphertext) return false;
      const oldEmail = await decryptEmail(used.userId, user.emailCiphertext);
      const newEmail = await decryptPendingEmail(used.userId, user.pendingEmailCiphertext);
      await tx.user.update({
        where: { id: used.userId },
        data: { ...(await emailColumns(used.userId, newEmail)), emailVerifiedAt: new Date(), pendingEmailIndex: null, pendingEmailCiphertext: null },
      });
      await enqueueMail(tx, { to: oldEmail, template: 'email-changed', data: {}, userId: used.userId });
      return true;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false; // the new address was registered meanwhile
    throw error;
  }
}

/** The address a user's verification links go to: the current one until verified, else a pending new one. */
export async function verificationAddress(userId: string): Promise<string | null> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailCiphertext: true, emailVerifiedAt: true, pendingEmailCiphertext: true } });
  if (!user.emailVerifiedAt) return decryptEmail(userId, user.emailCiphertext);
  return user.pendingEmailCiphertext ? decryptPendingEmail(userId, user.pendingEmailCiphertext) : null;
}

/**
 * Sends the signed-in user's verification link again (to verificationAddress); a pending address that
 * someone registered meanwhile gets its owner the "already registered" message instead.
 */
export async function resendVerification(userId: string, to: string): Promise<void> {
  const taken = await prisma.user.findFirst({ where: { ...byEmail(to), id: { not: userId } }, select: { id: true } });
  await prisma.$transaction((tx) => (taken ? sendAlreadyRegistered(tx, taken.id, to) : sendVerificationMail(tx, userId, to)));
}
