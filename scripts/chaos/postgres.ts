// The chaos runs' own PostgreSQL (embedded, in .data/chaos-postgres on port 54377), so it can be stopped
// and started under load without touching anyone else's server. Stop is PostgreSQL's fast shutdown
// (SIGINT): open transactions are rolled back and clients are disconnected.
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres, ensureDatabase } from '../../lib/db/local-postgres';

const PORT = 54377;
const PASSWORD = 'chaos-local-only';
const DATA_DIR = path.resolve(process.cwd(), '.data/chaos-postgres');

export type ChaosPostgres = { url: string; stop: () => Promise<void>; start: () => Promise<void> };

export async function startChaosPostgres(database: string): Promise<ChaosPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port: PORT,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (message) => console.error('[chaos postgres]', message),
  });
  if (!existsSync(path.join(DATA_DIR, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = await ensureDatabase(database, { fresh: true, serverUrl: `postgresql://postgres:${PASSWORD}@127.0.0.1:${PORT}/postgres` });
  return { url, stop: () => server.stop(), start: () => server.start() };
}
