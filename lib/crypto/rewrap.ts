// Master key rotation: re-wraps every live data key under the current master (the old master must still
// be configured until this has run). Data and ciphertexts are untouched. Idempotent, so a crash simply
// resumes: keys already under the target master are skipped.
import { prisma } from '../db/client';
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
