// Master key rotation: re-wraps every live data key under the current master (the old master must still
// be configured until this has run). Data and ciphertexts are untouched. Idempotent, so a crash simply
// resumes: keys already under the target master are skipped.
import { prisma } from '../db/client';
import { reindexInvitations } from '../data/invitations';
import { reindexEmail } from '../data/user-email';
import { keyProvider, type KeyProvider } from './key-provider';
import { wrapContext } from './user-keys';

export async function rewrapUserKeys(args: { provider?: KeyProvider; from?: string; batchSize?: number } = {}): Promise<number> {
  const { provider = keyProvider(), from, batchSize = 500 } = args;
  const target = provider.currentMasterKeyId();
  let rewrapped = 0;
  for (;;) {
    const rows = await prisma.userKey.findMany({
      where: { masterKeyId: from ?? { not: target }, destroyedAt: null, wrappedKey: { not: null } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return rewrapped;
    for (const row of rows) {
      const context = wrapContext(row.userId, row.version);
      const dataKey = await provider.unwrap(row.wrappedKey!, row.masterKeyId, context);
      const { wrapped } = await provider.wrap(dataKey, context, target);
      // Skipped if destroyed or re-wrapped meanwhile.
      const { count } = await prisma.userKey.updateMany({
        where: { id: row.id, masterKeyId: row.masterKeyId, destroyedAt: null },
        data: { wrappedKey: wrapped, masterKeyId: target },
      });
      rewrapped += count;
    }
  }
}

/**
 * Moves the data of one retired master key (`from`) to the current one, for `npm run dev` leaving the old
 * public development key: the e-mail blind indexes of its users first (they are keyed by the current
 * master; each still decrypts through `from`), then their data keys. A crash anywhere is repaired by
 * running it again, since users keep keys under `from` until the very end. Cheap: one row per user and
 * key version, no data is re-encrypted.
 */
export async function moveOffMasterKey(from: string): Promise<{ users: number; rewrapped: number }> {
  const keys = await prisma.userKey.findMany({
    where: { masterKeyId: from, destroyedAt: null, wrappedKey: { not: null } },
    distinct: ['userId'],
    select: { userId: true },
  });
  const users = await prisma.user.findMany({ where: { id: { in: keys.map((k) => k.userId) } }, select: { id: true }, orderBy: { id: 'asc' } });
  for (const { id } of users) {
    await reindexEmail(id);
    await reindexInvitations(id);
  }
  return { users: users.length, rewrapped: await rewrapUserKeys({ from }) };
}
