// Devices of a user. Every query is scoped to the owner: another user's device is simply not found.
import { randomUUID } from 'node:crypto';
import { generateDeviceToken, hashToken } from '../auth/tokens';
import { prisma } from '../db/client';
import { DEFAULT_PRIORITY, type DeviceType } from '../devices/device-types';
import type { HealthType } from '../health';
import { notFound } from '../http/errors';
import { encryptDeviceName, withDeviceName } from './device-fields';

const PUBLIC_FIELDS = { id: true, name: true, type: true, priority: true, lastSyncAt: true, createdAt: true, revokedAt: true } as const;

export async function registerDevice(ownerId: string, input: { name: string; type: DeviceType; priority?: number }) {
  const { token, hash } = generateDeviceToken();
  const id = randomUUID(); // chosen here: the encrypted name is bound to the row
  const device = await prisma.device.create({
    data: {
      id,
      userId: ownerId,
      name: await encryptDeviceName(ownerId, id, input.name),
      type: input.type,
      priority: input.priority ?? DEFAULT_PRIORITY[input.type],
      tokenHash: hash,
    },
    select: { id: true, name: true, type: true, priority: true },
  });
  return { ...(await withDeviceName(ownerId, device)), token };
}

export async function listDevices(ownerId: string) {
  const devices = await prisma.device.findMany({ where: { userId: ownerId }, select: PUBLIC_FIELDS, orderBy: [{ priority: 'desc' }, { id: 'asc' }] });
  return Promise.all(devices.map((d) => withDeviceName(ownerId, d)));
}

export async function revokeDevice(ownerId: string, deviceId: string) {
  const { count } = await prisma.device.updateMany({
    where: { id: deviceId, userId: ownerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const exists = await prisma.device.count({ where: { id: deviceId, userId: ownerId } });
    if (exists === 0) throw notFound('device');
  }
}

/**
 * Renames or re-prioritizes a device. A priority change changes which source wins dedup, so the
 * device's whole history (every type it has samples of) is marked dirty for recompute, in the same
 * transaction.
 */
export async function updateDevice(ownerId: string, deviceId: string, input: { name?: string; priority?: number }) {
  const name = input.name === undefined ? undefined : await encryptDeviceName(ownerId, deviceId, input.name);
  const updated = await prisma.$transaction(async (tx) => {
    const before = await tx.device.findFirst({ where: { id: deviceId, userId: ownerId }, select: { priority: true } });
    if (!before) throw notFound('device');
    const device = await tx.device.update({ where: { id: deviceId }, data: { name, priority: input.priority }, select: PUBLIC_FIELDS });
    if (input.priority !== undefined && input.priority !== before.priority) {
      await tx.$executeRaw`
        INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
        SELECT ${ownerId}::uuid, s.type, (min(s.start_at) AT TIME ZONE z.tz)::date, (max(s.end_at) AT TIME ZONE z.tz)::date
        FROM health_samples s
        -- A user without a profile row reads in UTC (as everywhere else); an inner join would mark nothing.
        CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM profiles WHERE user_id = ${ownerId}::uuid), 'UTC') AS tz) z
        WHERE s.user_id = ${ownerId}::uuid AND s.device_id = ${deviceId}::uuid
        GROUP BY s.type, z.tz`;
    }
    return device;
  });
  return withDeviceName(ownerId, updated);
}

/** Resolves a bearer token to its active device, with the owner's time zone; null if unknown or revoked. */
export async function findDeviceByToken(token: string) {
  const device = await prisma.device.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, user: { select: { disabledAt: true, profile: { select: { timeZone: true } } } } },
  });
  if (!device || device.revokedAt || device.user.disabledAt) return null;
  return { id: device.id, userId: device.userId, timeZone: device.user.profile?.timeZone ?? 'UTC' };
}

/**
 * Sets or clears per-type priority overrides of one device (null clears). Each changed type's history
 * of this device is marked dirty in the same transaction, so the pipeline recomputes who wins.
 */
export async function setTypePriorities(ownerId: string, deviceId: string, overrides: Partial<Record<HealthType, number | null>>) {
  return prisma.$transaction(async (tx) => {
    const device = await tx.device.findFirst({ where: { id: deviceId, userId: ownerId }, select: { id: true } });
    if (!device) throw notFound('device');
    const entries = Object.entries(overrides) as [HealthType, number | null][];
    for (const [healthType, priority] of entries) {
      if (priority === null) await tx.deviceTypePriority.deleteMany({ where: { deviceId, healthType } });
      else await tx.deviceTypePriority.upsert({ where: { deviceId_healthType: { deviceId, healthType } }, create: { deviceId, healthType, priority }, update: { priority } });
    }
    const types = entries.map(([t]) => t);
    if (types.length > 0) {
      await tx.$executeRaw`
        INSERT INTO dirty_ranges (user_id, type, day_from, day_to)
        SELECT ${ownerId}::uuid, s.type, (min(s.start_at) AT TIME ZONE z.tz)::date, (max(s.end_at) AT TIME ZONE z.tz)::date
        FROM health_samples s
        CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM profiles WHERE user_id = ${ownerId}::uuid), 'UTC') AS tz) z
        WHERE s.user_id = ${ownerId}::uuid AND s.device_id = ${deviceId}::uuid AND s.type = ANY(${types}::"HealthType"[])
        GROUP BY s.type, z.tz`;
    }
    return tx.deviceTypePriority.findMany({ where: { deviceId }, select: { healthType: true, priority: true } });
  });
}

/** Every per-type priority override of the owner's devices (the devices page shows and edits them). */
export function listTypePriorities(ownerId: string) {
  return prisma.deviceTypePriority.findMany({
    where: { device: { userId: ownerId } },
    select: { deviceId: true, healthType: true, priority: true },
    orderBy: [{ deviceId: 'asc' }, { healthType: 'asc' }],
  });
}
