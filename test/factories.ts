// Small factories for integration tests: random e-mails, so tests never collide in the shared database.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../lib/auth/password';
import { prisma } from '../lib/db/client';
import { registerDevice } from '../lib/data/devices';
import type { DeviceType } from '../lib/devices/device-types';
import type { Role } from '../lib/generated/prisma/enums';
import { signIn } from './http';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function createUser(opts: { role?: Role; timeZone?: string; disabled?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${(opts.role ?? 'PATIENT').toLowerCase()}-${randomUUID()}@test.example`;
  const user = await prisma.user.create({
    data: {
      email,
      passwordHash: await passwordHash,
      role: opts.role ?? 'PATIENT',
      disabledAt: opts.disabled ? new Date() : null,
      profile: { create: { displayName: 'Test User', timeZone: opts.timeZone ?? 'UTC' } },
      preferences: { create: {} },
    },
    select: { id: true, email: true, role: true },
  });
  return user;
}

export async function createSignedInUser(opts: { role?: Role; timeZone?: string } = {}) {
  const user = await createUser(opts);
  const cookie = await signIn(user.email, PASSWORD);
  if (!cookie) throw new Error('sign-in failed in factory');
  return { ...user, cookie };
}

export function createDevice(userId: string, type: DeviceType = 'watch', name = 'Test device') {
  return registerDevice(userId, { name, type });
}

export function linkCare(opts: { patientId: string; carerId: string; kind: 'DOCTOR' | 'CAREGIVER'; canView?: boolean; revoked?: boolean }) {
  return prisma.careRelationship.create({
    data: {
      patientId: opts.patientId,
      carerId: opts.carerId,
      kind: opts.kind,
      canView: opts.canView ?? true,
      revokedAt: opts.revoked ? new Date() : null,
    },
  });
}
