// The benchmark's own database (health_bench_pipeline on the shared embedded PostgreSQL, or
// DATABASE_URL), emptied and migrated. The in-process measurements run on it before the server
// starts, so the server's sweep cannot recompute the benchmark user's dirty ranges behind our back.
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../../lib/db/catalogue';
import { migrateUp } from '../../lib/db/migrate';
import { resolveDatabase } from '../../scripts/local-db';

export const DATABASE = 'health_bench_pipeline';

export async function prepareDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await resolveDatabase(DATABASE, { fresh: true });
  await migrateUp(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await syncHealthTypeCatalogue(client).finally(() => client.end());
  process.env.DATABASE_URL = db.url;
  return db;
}
