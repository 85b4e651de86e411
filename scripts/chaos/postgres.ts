// The chaos runs' own PostgreSQL (embedded, in .data/chaos-postgres on port 54377, or CHAOS_PG_PORT), so it
// can be stopped and started under load without touching anyone else's server. Stop is PostgreSQL's fast shutdown
// (SIGINT): open transactions are rolled back and clients are disconnected.
import path from 'node:path';
import { ensureDatabase, startEmbeddedCluster, type EmbeddedCluster } from '../../lib/db/local-postgres';

const PORT = Number(process.env.CHAOS_PG_PORT ?? 54377);
const PASSWORD = 'chaos-local-only';
const DATA_DIR = path.resolve(process.cwd(), '.data/chaos-postgres');

export type ChaosPostgres = EmbeddedCluster & { url: string };

export async function startChaosPostgres(database: string): Promise<ChaosPostgres> {
  const flags = ['-c', 'max_connections=200', '-c', 'fsync=on'];
  const cluster = await startEmbeddedCluster({ dataDir: DATA_DIR, port: PORT, password: PASSWORD, flags, label: 'chaos postgres' });
  const url = await ensureDatabase(database, { fresh: true, serverUrl: `postgresql://postgres:${PASSWORD}@127.0.0.1:${PORT}/postgres` });
  return { ...cluster, url };
}
