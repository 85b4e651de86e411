// Small factories for integration tests: random e-mails, so tests never collide in the shared database.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../lib/auth/password';
import { TOTP_PERIOD_SECONDS, newTotpSecret, totpCode, totpStep } from '../lib/auth/totp';
import { TWO_FACTOR_ROLES, encryptTotpSecret } from '../lib/auth/two-factor';
import { pool, prisma } from '../lib/db/client';
import { registerDevice } from '../lib/data/devices';
import { encryptDisplayName } from '../lib/data/profile-fields';
import { emailColumns } from '../lib/data/user-email';
import { vouchedAccount } from '../lib/data/users';
import type { DeviceType } from '../lib/devices/device-types';
import type { HealthType, Period, Role } from '../lib/generated/prisma/enums';
import { api, signIn } from './http';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function createUser(opts: { role?: Role; timeZone?: string; disabled?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${(opts.role ?? 'PATIENT').toLowerCase()}-${randomUUID()}@test.example`;
  const id = randomUUID();
  const user = await prisma.user.create({
    data: {
      id,
      ...(await emailColumns(id, email)),
      passwordHash: await passwordHash,
      ...vouchedAccount(opts.role ?? 'PATIENT'),
      role: opts.role ?? 'PATIENT',
      disabledAt: opts.disabled ? new Date() : null,
      profile: { create: { displayName: await encryptDisplayName(id, 'Test User'), timeZone: opts.timeZone ?? 'UTC' } },
      preferences: { create: {} },
    },
    select: { id: true, role: true },
  });
  return { ...user, email };
}

/** Sets a user's display name (stored encrypted, so tests go through this rather than Prisma). */
export async function setDisplayName(userId: string, name: string): Promise<void> {
  await prisma.profile.update({ where: { userId }, data: { displayName: await encryptDisplayName(userId, name) } });
}

/**
 * A signed-in user. Doctors and admins must sign in with a second factor (lib/auth/two-factor.ts): theirs
 * is turned on with a secret the tests know, and they sign in with a code computed from it, through the
 * real sign-in (signInAs signs them in again).
 */
export async function createSignedInUser(opts: { role?: Role; timeZone?: string } = {}) {
  const user = await createUser(opts);
  if (TWO_FACTOR_ROLES.includes(user.role)) await enableTwoFactorFor(user.id);
  const cookie = await signInAs(user);
  if (!cookie) throw new Error('sign-in failed in factory');
  return { ...user, cookie };
}

// The TOTP secrets of the users whose second factor a test turned on, by user id.
const totpSecrets = new Map<string, string>();

/** Turns two-factor sign-in on for a user, as a confirmed enrolment leaves it, with a secret the tests know. */
export async function enableTwoFactorFor(userId: string): Promise<string> {
  const secret = newTotpSecret();
  const secretCiphertext = await encryptTotpSecret(userId, secret);
  await prisma.userTwoFactor.upsert({ where: { userId }, create: { userId, secretCiphertext, enabledAt: new Date() }, update: { secretCiphertext, enabledAt: new Date(), lastUsedStep: null } });
  totpSecrets.set(userId, secret);
  return secret;
}

/**
 * A code the server will accept now for this user's secret: of the current step, or of the next one
 * when the current one was used already (each code works once); waits for the clock past that.
 */
export async function nextTotpCode(userId: string, secret = totpSecrets.get(userId)): Promise<string> {
  if (!secret) throw new Error(`no known TOTP secret for user ${userId}`);
  for (;;) {
    const row = await prisma.userTwoFactor.findUnique({ where: { userId }, select: { lastUsedStep: true } });
    const now = Date.now();
    const step = totpStep(now);
    const target = Math.max(step, (row?.lastUsedStep ?? -1) + 1);
    if (target <= step + 1) return totpCode(secret, target * TOTP_PERIOD_SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * TOTP_PERIOD_SECONDS * 1000 - now + 50));
  }
}

/** Signs a factory user in (again): with a fresh code when the test turned their second factor on. */
export async function signInAs(user: { id: string; email: string }, password = PASSWORD): Promise<string | null> {
  return signIn(user.email, password, totpSecrets.has(user.id) ? { code: await nextTotpCode(user.id) } : {});
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

/** Stores samples through the real sync endpoint with the device's token; throws unless all were accepted. */
export async function syncSamples(device: { id: string; token: string }, samples: Record<string, unknown>[]) {
  const res = await api<{ accepted: number; duplicates: number; rejected: unknown[] }>(`/api/v1/devices/${device.id}/sync`, {
    json: { samples },
    token: device.token,
  });
  if (res.status !== 200 || res.body.rejected.length > 0) throw new Error(`sync failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Inserts one aggregate row as the pipeline would. `periodStart` is the local wall-clock label
 * 'YYYY-MM-DDTHH:mm:ss' (or a day 'YYYY-MM-DD'); the column is a zone-less timestamp.
 */
export function createAggregate(opts: {
  userId: string;
  type: HealthType;
  period: Period;
  periodStart: string;
  value: number;
  min?: number | null;
  max?: number | null;
  count?: number;
  sources?: Record<string, number>;
}) {
  const label = opts.periodStart.length === 10 ? `${opts.periodStart}T00:00:00` : opts.periodStart;
  return prisma.healthAggregate.create({
    data: {
      userId: opts.userId,
      type: opts.type,
      period: opts.period,
      periodStart: new Date(`${label}Z`),
      value: opts.value,
      min: opts.min === undefined ? opts.value : opts.min,
      max: opts.max === undefined ? opts.value : opts.max,
      count: opts.count ?? 1,
      sum: opts.value * (opts.count ?? 1),
      sources: opts.sources ?? {},
    },
  });
}

/** Polls `probe` until it returns something other than undefined / null / false; throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits until the background pipeline has caught up with a user's syncs: no dirty ranges left, no
 * aggregate run in flight, and one run finished since `since` (so "nothing happened" is a real answer).
 * In-process, an aggregate run ends only once the insights run it triggers is over (a 20 s debounce).
 */
export async function waitForPipeline(userId: string, since: Date, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    async () => {
      const [dirty, running, done] = await Promise.all([
        prisma.dirtyRange.count({ where: { userId } }),
        prisma.jobRun.count({ where: { userId, functionId: 'aggregate', status: 'RUNNING' } }),
        prisma.jobRun.count({ where: { userId, functionId: 'aggregate', status: 'SUCCEEDED', startedAt: { gte: since } } }),
      ]);
      return dirty === 0 && running === 0 && done > 0;
    },
    `the pipeline to finish for user ${userId}`,
    timeoutMs,
  );
}

/**
 * Runs `fn` while the user's background aggregation is held back (the test takes the same advisory lock
 * the recompute takes), so a test can look at the dirty ranges a request wrote before the pipeline,
 * started after the response, consumes them.
 */
export async function withPipelinePaused<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`aggregate:${userId}`]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`aggregate:${userId}`]).catch(() => undefined);
    client.release();
  }
}
