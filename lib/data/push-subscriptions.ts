// A person's Web Push subscriptions, one per browser (the browser's push service address and the keys
// the message is encrypted to). Endpoint and keys are encrypted with the owner's data key, bound to the
// row; the endpoint's SHA-256 finds a browser that registers again. Every query is scoped to the owner:
// someone else's subscription is simply not found.
import { createHash, randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '../crypto/fields';
import { prisma } from '../db/client';
import { Prisma } from '../generated/prisma/client';

export type NewSubscription = { endpoint: string; p256dh: string; auth: string; label: string };
export type SubscriptionView = { id: string; label: string | null; createdAt: Date; lastSuccessAt: Date | null };
/** What a push is sent to (decrypted, never logged). */
export type PushTarget = { id: string; userId: string; endpoint: string; p256dh: string; auth: string };

const hashOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');
const ref = (id: string, column: 'endpoint' | 'p256dh' | 'auth') => ({ table: 'push_subscriptions', column, rowId: id });

async function sealed(ownerId: string, id: string, s: Pick<NewSubscription, 'endpoint' | 'p256dh' | 'auth'>) {
  const [endpoint, p256dh, auth] = await Promise.all([
    encryptField(ownerId, ref(id, 'endpoint'), s.endpoint),
    encryptField(ownerId, ref(id, 'p256dh'), s.p256dh),
    encryptField(ownerId, ref(id, 'auth'), s.auth),
  ]);
  return { endpoint, p256dh, auth };
}

const VIEW = { id: true, label: true, createdAt: true, lastSuccessAt: true } as const;

/**
 * Keeps the browser's subscription for `ownerId`. The same endpoint again from the same person replaces
 * its keys and label (`created: false`); one another person registered (a browser has one subscription
 * per site, and whoever signed in on it now owns it) is removed with its queued messages' link and made
 * anew for the caller, so nothing of the earlier owner's is ever sent to it.
 */
export async function savePushSubscription(ownerId: string, input: NewSubscription): Promise<SubscriptionView & { created: boolean }> {
  const endpointHash = hashOf(input.endpoint);
  for (let attempt = 0; ; attempt++) {
    const existing = await prisma.pushSubscription.findUnique({ where: { endpointHash }, select: { id: true, userId: true } });
    if (existing?.userId === ownerId) {
      const data = { ...(await sealed(ownerId, existing.id, input)), label: input.label };
      const { count } = await prisma.pushSubscription.updateMany({ where: { id: existing.id, userId: ownerId }, data });
      if (count === 1) return { ...(await prisma.pushSubscription.findUniqueOrThrow({ where: { id: existing.id }, select: VIEW })), created: false };
      continue; // removed meanwhile: make it anew
    }
    const id = randomUUID();
    const data = { id, userId: ownerId, endpointHash, label: input.label, ...(await sealed(ownerId, id, input)) };
    try {
      const [, row] = await prisma.$transaction([prisma.pushSubscription.deleteMany({ where: { endpointHash } }), prisma.pushSubscription.create({ data, select: VIEW })]);
      return { ...row, created: true };
    } catch (error) {
      // The same browser registering twice at once: the other request's row is there now; go again.
      if (attempt < 2 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
}

export async function listPushSubscriptions(ownerId: string): Promise<SubscriptionView[]> {
  return prisma.pushSubscription.findMany({ where: { userId: ownerId }, select: VIEW, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}

/** Removes one of the owner's subscriptions; false when the owner has no such one. */
export async function deletePushSubscription(ownerId: string, id: string): Promise<boolean> {
  return (await prisma.pushSubscription.deleteMany({ where: { id, userId: ownerId } })).count === 1;
}

/** Removes the owner's subscription of this endpoint (a browser knows only its endpoint); false when none. */
export async function deletePushSubscriptionByEndpoint(ownerId: string, endpoint: string): Promise<boolean> {
  return (await prisma.pushSubscription.deleteMany({ where: { endpointHash: hashOf(endpoint), userId: ownerId } })).count === 1;
}

/** The subscription a push goes to, when it still exists and still belongs to `recipientId`. */
export async function findPushTarget(id: string, recipientId: string): Promise<PushTarget | null> {
  const row = await prisma.pushSubscription.findFirst({ where: { id, userId: recipientId }, select: { id: true, userId: true, endpoint: true, p256dh: true, auth: true } });
  if (!row) return null;
  const [endpoint, p256dh, auth] = await Promise.all([
    decryptField(row.userId, ref(row.id, 'endpoint'), row.endpoint),
    decryptField(row.userId, ref(row.id, 'p256dh'), row.p256dh),
    decryptField(row.userId, ref(row.id, 'auth'), row.auth),
  ]);
  return { id: row.id, userId: row.userId, endpoint, p256dh, auth };
}

/** A push service said the subscription is gone (404/410): it is removed (its deliveries keep a null link). */
export async function removeExpiredSubscription(id: string): Promise<void> {
  await prisma.pushSubscription.deleteMany({ where: { id } });
}

export async function markPushSuccess(id: string, at: Date): Promise<void> {
  await prisma.pushSubscription.updateMany({ where: { id }, data: { lastSuccessAt: at } });
}
