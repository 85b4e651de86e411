// Resolves the database for a script: DATABASE_URL when set, otherwise the embedded PostgreSQL
// (started or reused) with the named database. A fresh (throwaway) database for tests and benchmarks is
// created on DATABASE_URL's server rather than reusing the database it names. Returns the URL and a stop
// function.
import { ensureDatabase, startLocalPostgres } from '../lib/db/local-postgres';

export async function resolveDatabase(name: string, opts: { fresh?: boolean } = {}) {
  const external = process.env.DATABASE_URL;
  if (external && opts.fresh) return { url: await ensureDatabase(name, { ...opts, serverUrl: external }), stop: async () => undefined };
  if (external) return { url: external, stop: async () => undefined };
  const server = await startLocalPostgres();
  const url = await ensureDatabase(name, opts);
  return { url, stop: server.stop };
}
