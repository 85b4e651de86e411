// npm run dev — the one command for a fresh machine: database (embedded PostgreSQL unless DATABASE_URL
// is set), migrations, demo data, then the Next.js dev server on http://localhost:3000.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from './local-db';

const { url, stop } = await resolveDatabase('health');
process.env.DATABASE_URL = url;
const applied = await migrateUp(url);
if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
const client = new pg.Client({ connectionString: url });
await client.connect();
await syncHealthTypeCatalogue(client).finally(() => client.end());

const { seedDemo } = await import('../prisma/seed');
const { closeDb } = await import('../lib/db/client');
// Data from before this checkout had its own generated master key is still wrapped under the old public
// one (unwrap-only): move it over first, so the seed and sign-in find its users by their e-mail index.
const { env } = await import('../lib/env');
const { LEGACY_DEV_MASTER_KEY } = await import('../lib/security/dev-secrets');
if (env().masterKeys.includes(LEGACY_DEV_MASTER_KEY)) {
  const { moveOffMasterKey } = await import('../lib/crypto/rewrap');
  const moved = await moveOffMasterKey(LEGACY_DEV_MASTER_KEY.id);
  if (moved.rewrapped) console.log(`moved ${moved.users} users' data off the old development master key (${moved.rewrapped} data keys re-wrapped)`);
}
const started = Date.now();
const seed = await seedDemo();
await closeDb();
console.log(seed.seeded ? `demo data seeded: ${seed.samples} samples in ${Date.now() - started} ms` : 'demo data already present');

// Next.js behind our own server (server/index.mjs: it sets the client's address); `start` serves a build.
const mode = process.argv[2] === 'start' ? [] : ['--dev'];
const next = spawn('node', ['server/index.mjs', ...mode, '--port', process.env.PORT ?? '3000'], { stdio: 'inherit', env: process.env });
const shutdown = () => next.kill('SIGTERM');
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
next.on('exit', async (code) => {
  await stop();
  process.exit(code ?? 0);
});
