// npm run db:migrate | db:rollback [steps] | db:status — applies or reverts SQL migrations (see
// lib/db/migrate.ts), then mirrors the health type catalogue; or lists every migration with where it
// stands, changing nothing. Uses DATABASE_URL, else the embedded PostgreSQL.
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateDown, migrateUp, migrationStatus, type MigrationStatus } from '../lib/db/migrate';
import { resolveDatabase } from './local-db';

const CHECKSUM: Record<MigrationStatus['state'], string> = { applied: 'ok', changed: 'CHANGED', pending: '-', failed: '-', missing: 'no file' };

function printStatus(rows: MigrationStatus[]) {
  console.log(`${'state'.padEnd(8)}  ${'applied at'.padEnd(24)}  ${'checksum'.padEnd(8)}  migration`);
  for (const row of rows) {
    const at = row.appliedAt ? row.appliedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '-';
    console.log(`${row.state.padEnd(8)}  ${at.padEnd(24)}  ${CHECKSUM[row.state].padEnd(8)}  ${row.name}`);
  }
  const count = (state: MigrationStatus['state']) => rows.filter((r) => r.state === state).length;
  const applied = count('applied') + count('changed') + count('missing');
  console.log(`${applied} applied, ${count('pending')} pending`);
  if (count('changed')) console.log(`${count('changed')} changed after it was applied: db:migrate refuses to run until the file is restored`);
  if (count('failed')) console.log(`${count('failed')} failed mid-way: resolve by hand before db:migrate`);
  if (count('missing')) console.log(`${count('missing')} applied but missing here: this checkout is older than the database`);
}

const [command = 'up', stepsArg] = process.argv.slice(2);
if (!['up', 'down', 'status'].includes(command)) {
  console.error(`unknown command "${command}": use up, down [steps] or status`); // a typo must not migrate
  process.exit(2);
}
const { url, stop } = await resolveDatabase('health');
try {
  if (command === 'status') {
    printStatus(await migrationStatus(url));
  } else if (command === 'down') {
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
