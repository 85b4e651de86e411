// Key rotation from the command line.
//   npm run keys:rewrap       — re-wrap every data key (or those of --from <master id>) under the current
//                               master (ENCRYPTION_MASTER_KEYS' first entry; keep the old one listed until
//                               this has finished), then recompute every e-mail blind index under it
//   npm run keys:reencrypt    — a new data key version for every user (or --user <id>), their values
//                               re-encrypted in batches, old versions retired at the end; resumable.
//                               Also encrypts values written before encryption was deployed, and fills
//                               the e-mail blind index of users from before it existed.
import { parseArgs } from 'node:util';
import { closeDb, prisma } from '../lib/db/client';
import { reencryptUser } from '../lib/crypto/reencrypt';
import { rewrapUserKeys } from '../lib/crypto/rewrap';
import { reindexEmail } from '../lib/data/user-email';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { user: { type: 'string' }, batch: { type: 'string' }, from: { type: 'string' } },
});

async function main() {
  if (positionals[0] === 'rewrap') {
    console.log(`re-wrapped ${await rewrapUserKeys({ from: values.from })} data keys`);
    const users = await prisma.user.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    for (const { id } of users) await reindexEmail(id);
    console.log(`re-indexed ${users.length} e-mail addresses`);
  } else if (positionals[0] === 'reencrypt') {
    const users = values.user ? [values.user] : (await prisma.user.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
    for (const userId of users) {
      const result = await reencryptUser(userId, { batchSize: values.batch ? Number(values.batch) : undefined });
      console.log(`user ${userId}: key v${result.version}, ${result.reencrypted} values re-encrypted`);
    }
  } else {
    throw new Error('usage: tsx scripts/rotate-keys.ts rewrap | reencrypt [--user <id>] [--batch <n>]');
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
