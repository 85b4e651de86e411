// Nightscout sites of a patient (issue 16). A site is a device of type cgm with the same id plus its
// secret's hashes; each uploader that posts to it becomes a cgm device of its own under it. Every query
// is scoped to the owner: another patient's site is simply not found.
import { createHash, randomUUID } from 'node:crypto';
import { generateDeviceToken } from '../auth/tokens';
import { prisma } from '../db/client';
import { DEFAULT_PRIORITY } from '../devices/device-types';
import { notFound } from '../http/errors';
import type { SecretHashes } from '../nightscout/secret';
import { encryptDeviceName, withDeviceName } from './device-fields';

export type ActiveSite = SecretHashes & { id: string; userId: string; timeZone: string };

// A site authenticates by its API secret, never by a device token: the token column gets the hash of
// a token nobody is shown, so no bearer token can ever match it.
const unusableTokenHash = () => generateDeviceToken().hash;

export async function createNightscoutSite(ownerId: string, input: { name: string } & SecretHashes) {
  const id = randomUUID();
  await prisma.device.create({
    data: {
      id,
      userId: ownerId,
      name: await encryptDeviceName(ownerId, id, input.name),
      type: 'cgm',
      priority: DEFAULT_PRIORITY.cgm,
      tokenHash: unusableTokenHash(),
      nightscoutSite: { create: { secretSha1: input.secretSha1, secretSha512: input.secretSha512 } },
    },
  });
  return { id };
}

export async function listNightscoutSites(ownerId: string) {
  const sites = await prisma.nightscoutSite.findMany({
    where: { device: { userId: ownerId } },
    select: {
      deviceId: true,
      createdAt: true,
      device: { select: { name: true, revokedAt: true } },
      uploaders: { select: { device: { select: { id: true, name: true, priority: true, lastSyncAt: true } } } },
    },
    orderBy: [{ createdAt: 'asc' }, { deviceId: 'asc' }],
  });
  return Promise.all(
    sites.map(async (s) => ({
      id: s.deviceId,
      name: (await withDeviceName(ownerId, { id: s.deviceId, name: s.device.name })).name,
      createdAt: s.createdAt,
      revokedAt: s.device.revokedAt,
      uploaders: await Promise.all(s.uploaders.map((u) => withDeviceName(ownerId, u.device))),
    })),
  );
}

/** Revokes the site's device and its uploaders' devices: every client stops on its next request. */
export async function revokeNightscoutSite(ownerId: string, siteId: string) {
  const site = await prisma.nightscoutSite.findFirst({ where: { deviceId: siteId, device: { userId: ownerId } }, select: { deviceId: true } });
  if (!site) throw notFound('Nightscout site');
  await prisma.device.updateMany({
    where: { userId: ownerId, revokedAt: null, OR: [{ id: siteId }, { nightscoutUploader: { siteId } }] },
    data: { revokedAt: new Date() },
  });
}

type SiteKey = { deviceId: string } | { secretSha1: string } | { secretSha512: string };

/** The site with that key when it is active (not revoked, owner not disabled), else null. */
async function findActiveSite(where: SiteKey): Promise<ActiveSite | null> {
  const site = await prisma.nightscoutSite.findUnique({
    where,
    select: {
      deviceId: true,
      secretSha1: true,
      secretSha512: true,
      device: { select: { userId: true, revokedAt: true, user: { select: { disabledAt: true, profile: { select: { timeZone: true } } } } } },
    },
  });
  if (!site || site.device.revokedAt || site.device.user.disabledAt) return null;
  const { userId, user } = site.device;
  return { id: site.deviceId, userId, timeZone: user.profile?.timeZone ?? 'UTC', secretSha1: site.secretSha1, secretSha512: site.secretSha512 };
}

/** The site behind /ns/<siteId>/ when it is active, else null. */
export const findActiveNightscoutSite = (siteId: string) => findActiveSite({ deviceId: siteId });

/** The active site whose secret has this hash (a request at the host root names no site), else null. */
export const findActiveNightscoutSiteBySecret = (hash: { secretSha1: string } | { secretSha512: string }) => findActiveSite(hash);

const nameHash = (uploader: string) => createHash('sha256').update(uploader).digest('hex');

/**
 * The device of one uploader of a site (the entry's `device`, e.g. "xDrip-DexcomG6"), created on its
 * first upload: a cgm source of its own, so dedup.md's rule between two relays of one sensor applies.
 * Null when the patient revoked that uploader (as a device): its uploads are refused, the site's others go on.
 */
export async function uploaderDevice(site: ActiveSite, uploader: string): Promise<string | null> {
  const key = { siteId_nameHash: { siteId: site.id, nameHash: nameHash(uploader) } };
  const found = await prisma.nightscoutUploader.findUnique({ where: key, select: { deviceId: true, device: { select: { revokedAt: true } } } });
  if (found) return found.device.revokedAt ? null : found.deviceId;
  const id = randomUUID();
  const name = await encryptDeviceName(site.userId, id, uploader.slice(0, 100));
  try {
    await prisma.device.create({
      data: {
        id,
        userId: site.userId,
        name,
        type: 'cgm',
        priority: DEFAULT_PRIORITY.cgm,
        tokenHash: unusableTokenHash(),
        nightscoutUploader: { create: { siteId: site.id, nameHash: key.siteId_nameHash.nameHash } },
      },
    });
    return id;
  } catch (error) {
    // Two first uploads of one uploader at once: the other one created it.
    const again = await prisma.nightscoutUploader.findUnique({ where: key, select: { deviceId: true } });
    if (again) return again.deviceId;
    throw error;
  }
}

/** The uploader devices of a site with their effective priority for glucose (what reads deduplicate by). */
export async function siteUploaders(siteId: string) {
  const rows = await prisma.nightscoutUploader.findMany({
    where: { siteId },
    select: { device: { select: { id: true, priority: true, typePriorities: { where: { healthType: 'BLOOD_GLUCOSE' }, select: { priority: true } } } } },
  });
  return rows.map((r) => ({ deviceId: r.device.id, priority: r.device.typePriorities[0]?.priority ?? r.device.priority }));
}
