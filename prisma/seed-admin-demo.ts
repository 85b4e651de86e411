// Demo data for the admin pages: one share link of patient2@demo.test (steps and heart rate of the last
// 30 days in the patient's zone, expiring in 14 days), so an admin has something to review and revoke.
// The link code is 32 random bytes, returned once; only its SHA-256 is stored, like device tokens.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../lib/auth/tokens';
import { prisma } from '../lib/db/client';
import { byEmail } from '../lib/data/user-email';
import { localDate } from '../lib/time';

const DAY_MS = 86_400_000;
const SHARE_DAYS = 30;
const EXPIRES_IN_DAYS = 14;

/** Creates the demo share unless patient2 already has a link share; null when skipped. */
export async function seedAdminDemo(now = new Date()): Promise<{ shareId: string; code: string } | null> {
  const patient = await prisma.user.findUnique({
    where: byEmail('patient2@demo.test'),
    select: { id: true, profile: { select: { timeZone: true } } },
  });
  if (!patient) throw new Error('seedAdminDemo runs after the demo accounts exist (prisma/seed.ts)');
  if ((await prisma.shareToken.count({ where: { patientId: patient.id, codeHash: { not: null } } })) > 0) return null;

  const timeZone = patient.profile?.timeZone ?? 'UTC';
  const code = randomBytes(32).toString('base64url');
  const today = localDate(now.getTime(), timeZone);
  const firstDay = localDate(now.getTime() - (SHARE_DAYS - 1) * DAY_MS, timeZone);
  const share = await prisma.shareToken.create({
    data: {
      patientId: patient.id,
      codeHash: hashToken(code),
      types: ['STEPS', 'HEART_RATE'],
      dataFrom: new Date(`${firstDay}T00:00:00Z`),
      dataTo: new Date(`${today}T00:00:00Z`),
      expiresAt: new Date(now.getTime() + EXPIRES_IN_DAYS * DAY_MS),
    },
    select: { id: true },
  });
  return { shareId: share.id, code };
}
