// Shared by the benchmarks: a fresh database and the production build of the app served on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { syncHealthTypeCatalogue } from '../lib/db/catalogue';
import { migrateUp } from '../lib/db/migrate';
import { resolveDatabase } from '../scripts/local-db';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

export async function startBenchServer(opts: { port: number; database: string }) {
  const db = await resolveDatabase(opts.database, { fresh: true });
  await migrateUp(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await syncHealthTypeCatalogue(client).finally(() => client.end());
  process.env.DATABASE_URL = db.url;
  // The benchmark process (which creates users) and the production server share one master key.
  process.env.ENCRYPTION_MASTER_KEYS ??= `bench:${randomBytes(32).toString('base64')}`;

  const env = { ...process.env, DATABASE_URL: db.url, NEXT_DIST_DIR: '.next-bench', NODE_ENV: 'production' as const };
  console.log('building the production app…');
  await run('npx', ['next', 'build'], env);
  const server: ChildProcess = spawn('npx', ['next', 'start', '--port', String(opts.port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, NEXTAUTH_SECRET: randomBytes(32).toString('hex'), DATABASE_POOL_MAX: '20' },
    detached: true,
  });
  const baseUrl = `http://localhost:${opts.port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) break;
    } catch {
      // starting
    }
    if (i > 240) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    url: db.url,
    pid: server.pid!,
    stop: async () => {
      process.kill(-server.pid!, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      await db.stop();
    },
  };
}
