// Devices across all users, for admins: filtered keyset pages, re-prioritize and revoke. The changes
// reuse the owner-scoped functions of lib/data/devices.ts (a priority change marks the device's history
// dirty in the same transaction; a revoke stops the token at once). Never selects the token hash.
import { z } from 'zod';
import { prisma } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { DEVICE_TYPES, type DeviceType } from '../devices/device-types';
import { notFound } from '../http/errors';
import { searchableDeviceName, withDeviceName } from './device-fields';
import { decryptEmail, searchableEmail } from './user-email';
import { revokeDevice, updateDevice } from './devices';
import { storableText } from '../http/text';

export type DeviceStatus = 'active' | 'revoked';
export type AdminDeviceFilters = { q?: string; type?: DeviceType; status?: DeviceStatus; cursor?: string; limit?: number };

/** The list's query string (API and page URL). */
export const adminDeviceQuery = z.object({
  q: storableText().trim().max(200).optional().transform((v) => v || undefined),
  type: z.enum(DEVICE_TYPES).optional(),
  status: z.enum(['active', 'revoked']).optional(),
  cursor: z.uuid('is not a cursor from this API').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const ROW = {
  id: true,
  name: true,
  type: true,
  priority: true,
  lastSyncAt: true,
  createdAt: true,
  revokedAt: true,
  user: { select: { id: true, emailCiphertext: true } },
} satisfies Prisma.DeviceSelect;

async function toRow(device: Prisma.DeviceGetPayload<{ select: typeof ROW }>) {
  const { user, ...rest } = device;
  return { ...(await withDeviceName(user.id, rest)), owner: { id: user.id, email: await decryptEmail(user.id, user.emailCiphertext) } };
}

export type AdminDeviceRow = Awaited<ReturnType<typeof toRow>>;

// Device names are encrypted: a search decrypts the names of the devices the other filters leave (an
// admin-only, occasional query) and matches name or owner e-mail in the app.
async function idsMatching(q: string, where: Prisma.DeviceWhereInput): Promise<string[]> {
  const needle = q.toLowerCase();
  const candidates = await prisma.device.findMany({ where, select: { id: true, name: true, userId: true, user: { select: { emailCiphertext: true } } } });
  const matches = await Promise.all(
    candidates.map(async (d) =>
      (await searchableEmail(d.userId, d.user.emailCiphertext))?.includes(needle) || (await searchableDeviceName(d.userId, d.id, d.name))?.toLowerCase().includes(needle) ? d.id : null,
    ),
  );
  return matches.filter((id): id is string => id !== null);
}

/** One page of devices, newest first; `q` matches the owner's e-mail or the device name. */
export async function listDevicesForAdmin(filters: AdminDeviceFilters = {}) {
  const limit = filters.limit ?? 50;
  const q = filters.q;
  const base: Prisma.DeviceWhereInput = {
    type: filters.type,
    revokedAt: filters.status === 'active' ? null : filters.status === 'revoked' ? { not: null } : undefined,
  };
  const rows = await prisma.device.findMany({
    where: { ...base, id: q ? { in: await idsMatching(q, base) } : undefined },
    select: ROW,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const page = await Promise.all(rows.slice(0, limit).map(toRow));
  return { devices: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

export type DeviceChange = { priority?: number; revoked?: true };

/**
 * Applies an admin's change to any user's device. Returns the device and whether a recompute is due
 * (the caller starts the pipeline for `ownerId` after responding).
 */
export async function updateDeviceByAdmin(deviceId: string, change: DeviceChange) {
  const found = await prisma.device.findUnique({ where: { id: deviceId }, select: { userId: true } });
  if (!found) throw notFound('device');
  const ownerId = found.userId;
  if (change.priority !== undefined) await updateDevice(ownerId, deviceId, { priority: change.priority });
  if (change.revoked) await revokeDevice(ownerId, deviceId);
  const device = await prisma.device.findUniqueOrThrow({ where: { id: deviceId }, select: ROW });
  return { device: await toRow(device), ownerId, recompute: change.priority !== undefined };
}

/** Totals for the admin overview. */
export async function countDevicesForAdmin() {
  const [active, revoked] = await Promise.all([
    prisma.device.count({ where: { revokedAt: null } }),
    prisma.device.count({ where: { revokedAt: { not: null } } }),
  ]);
  return { active, revoked };
}
