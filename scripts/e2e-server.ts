// The server Playwright tests run against: a fresh e2e database (DATABASE_URL's server, else the
// embedded PostgreSQL), migrated and seeded with the demo data, and the production build of the app.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from './local-db';

// Several browser-test runs can share the machine: each names its port, database and build folder.
const port = process.env.E2E_PORT ?? '3200';
const distDir = process.env.E2E_DIST_DIR ?? '.next-e2e';
const devMode = process.env.E2E_DEV === '1'; // faster iteration: next dev instead of a production build
const { url, stop } = await resolveDatabase(process.env.E2E_DATABASE ?? 'health_e2e', { fresh: true });
process.env.DATABASE_URL = url;
// The seed (here) and the production server must share one master key: a throwaway one per run.
process.env.ENCRYPTION_MASTER_KEYS ??= `e2e:${randomBytes(32).toString('base64')}`;
await migrateUp(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
await syncHealthTypeCatalogue(client).finally(() => client.end());
const { seedDemo } = await import('../prisma/seed');
const { closeDb } = await import('../lib/db/client');
await seedDemo();
await closeDb();

const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: distDir, NEXTAUTH_URL: `http://localhost:${port}` };
// E2E_SKIP_BUILD=1 reuses the build folder when it holds a build (re-running a spec after a test-only change).
if (!devMode && !(process.env.E2E_SKIP_BUILD === '1' && existsSync(`${distDir}/BUILD_ID`))) {
  const build = spawn('npx', ['next', 'build'], { stdio: 'inherit', env });
  const built = await new Promise<number>((resolve) => build.on('exit', (code) => resolve(code ?? 1)));
  if (built !== 0) {
    await stop();
    process.exit(built);
  }
}
// Our server (server/index.mjs) over the build in the custom distDir, as `next start` would serve it
// (the standalone folder is for deployment; see the README).
const server = devMode
  ? spawn('node', ['server/index.mjs', '--dev', '--port', port], { stdio: 'inherit', env })
  : spawn('node', ['server/index.mjs', '--port', port], {
      stdio: 'inherit',
      env: { ...env, NODE_ENV: 'production', SEED_DEMO: 'true', NEXTAUTH_SECRET: randomBytes(32).toString('hex') },
    });
const shutdown = () => server.kill('SIGTERM');
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.on('exit', async (code) => {
  await stop();
  process.exit(code ?? 0);
});
