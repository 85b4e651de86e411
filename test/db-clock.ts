// The database's own clock, for tests that compare with a column PostgreSQL stamps itself (DEFAULT
// now()): the app's clock may differ from it (another host, or the faked clock of `npm run test:clock`).
import { prisma } from '@/lib/db/client';

export async function databaseNow(): Promise<Date> {
  const [row] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}
