// Access tokens of a patient's Nightscout sites (issue 16): created, listed and revoked by the site's
// owner only (another patient's site, or a token of another site, is simply not found), and found by a
// hash of the token when a client presents it. The name is encrypted with the owner's data key, bound
// to the token row; the token itself is never stored (lib/nightscout/tokens.ts).
import { randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import type { NightscoutRole } from '../nightscout/permissions';
import type { TokenDigests } from '../nightscout/tokens';

const nameRef = (tokenId: string) => ({ table: 'nightscout_tokens', column: 'name', rowId: tokenId });

/** The owner's site (revoked or not), else 404. */
async function ownSite(ownerId: string, siteId: string) {
  const site = await prisma.nightscoutSite.findFirst({ where: { deviceId: siteId, device: { userId: ownerId } }, select: { device: { select: { revokedAt: true } } } });
  if (!site) throw notFound('Nightscout site');
  return site.device;
}

export async function createNightscoutToken(ownerId: string, siteId: string, input: { name: string; role: NightscoutRole } & TokenDigests) {
  const site = await ownSite(ownerId, siteId);
  if (site.revokedAt) throw new ApiError('CONFLICT', 'the Nightscout site is revoked: create a new site');
  const id = randomUUID();
  const created = await prisma.nightscoutToken.create({
    data: { id, siteId, name: await encryptField(ownerId, nameRef(id), input.name), role: input.role, tokenSha256: input.tokenSha256, tokenSha1: input.tokenSha1 },
    select: { id: true, createdAt: true },
  });
  return created;
}

/** The site's tokens still in force (a revoked one is gone from the list), oldest first; never a token or its hashes. */
export async function listNightscoutTokens(ownerId: string, siteId: string) {
  await ownSite(ownerId, siteId);
  const rows = await prisma.nightscoutToken.findMany({
    where: { siteId, revokedAt: null },
    select: { id: true, name: true, role: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(rows.map(async (row) => ({ ...row, name: await decryptField(ownerId, nameRef(row.id), row.name) })));
}

/** Revokes one token of the owner's site: its next request, and its JWTs', are 401. Revoking twice is harmless. */
export async function revokeNightscoutToken(ownerId: string, siteId: string, tokenId: string) {
  await ownSite(ownerId, siteId);
  const token = await prisma.nightscoutToken.findFirst({ where: { id: tokenId, siteId }, select: { id: true } });
  if (!token) throw notFound('access token');
  await prisma.nightscoutToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type PresentedToken = { id: string; siteId: string; role: NightscoutRole; revokedAt: Date | null; lastUsedAt: Date | null };

const presented = { id: true, siteId: true, role: true, revokedAt: true, lastUsedAt: true } as const;

/** The token a client presented, by the SHA-256 of the token or its SHA-1 (revoked ones too: the caller decides). */
export async function findTokenByDigest(lookup: { tokenSha256: string; tokenSha1?: string }): Promise<PresentedToken | null> {
  const row = await prisma.nightscoutToken.findFirst({
    where: { OR: [{ tokenSha256: lookup.tokenSha256 }, ...(lookup.tokenSha1 ? [{ tokenSha1: lookup.tokenSha1 }] : [])] },
    select: presented,
  });
  return row as PresentedToken | null;
}

/** The token a JWT names. */
export async function findTokenById(id: string): Promise<PresentedToken | null> {
  return (await prisma.nightscoutToken.findUnique({ where: { id }, select: presented })) as PresentedToken | null;
}

const TOUCH_EVERY_MS = 60_000;

/** Records that the token was used, at most once a minute (a follower polls every few minutes; no write per request). */
export async function touchNightscoutToken(token: PresentedToken, nowMs = Date.now()): Promise<void> {
  if (token.lastUsedAt && nowMs - token.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
  const now = new Date(nowMs);
  await prisma.nightscoutToken.updateMany({
    where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(nowMs - TOUCH_EVERY_MS) } }] },
    data: { lastUsedAt: now },
  });
}

/** A token's name, for the answer to its own holder (cgm-remote-monitor's `sub`). */
export async function nightscoutTokenName(ownerId: string, tokenId: string): Promise<string> {
  const row = await prisma.nightscoutToken.findUniqueOrThrow({ where: { id: tokenId }, select: { name: true } });
  return decryptField(ownerId, nameRef(tokenId), row.name);
}
