// npm run db:migrate | db:rollback [steps] — applies or reverts SQL migrations (see lib/db/migrate.ts),
// then mirrors the health type catalogue. Uses DATABASE_URL, else the embedded PostgreSQL.
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateDown, migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from './local-db';

const [command = 'up', stepsArg] = process.argv.slice(2);
const { url, stop } = await resolveDatabase('health');
try {
  if (command === 'down') {
    const reverted = await migrateDown(url, Number(stepsArg ?? 1));
    console.log(reverted.length ? `reverted: ${reverted.join(', ')}` : 'nothing to revert');
  } else {
    const applied = await migrateUp(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await syncHealthTypeCatalogue(client).finally(() => client.end());
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  }
} finally {
  await stop();
}
