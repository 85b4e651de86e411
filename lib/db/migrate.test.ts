// The migrate command on a database of its own: applies every migration once, records it exactly as
// Prisma Migrate does, rolls back with down.sql and re-applies.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateUp, migrationStatus, readMigrations } from './migrate';

const name = `health_migrate_test_${process.pid}`;
const adminUrl = process.env.DATABASE_URL!.replace(/\/[^/?]+(\?|$)/, '/postgres$1');
const url = process.env.DATABASE_URL!.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const tables = () =>
  withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)).rows[0].n as number);

beforeAll(() => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE); `).then(() => c.query(`CREATE DATABASE ${name}`))));
afterAll(() => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

describe('migrate', () => {
  it('status on an empty database: every migration pending, and nothing written', async () => {
    const status = await migrationStatus(url);
    expect(status).toEqual(readMigrations().map((m) => ({ name: m.name, state: 'pending', appliedAt: null })));
    expect(await withClient(url, async (c) => (await c.query(`SELECT to_regclass('_prisma_migrations') AS t`)).rows[0].t)).toBeNull();
  });

  it('applies all migrations once and records sha256 checksums like Prisma Migrate', async () => {
    const all = readMigrations().map((m) => m.name);
    expect(await migrateUp(url)).toEqual(all);
    expect(await migrateUp(url)).toEqual([]);
    const rows = await withClient(url, async (c) =>
      (await c.query('SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name')).rows,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    for (const row of rows) {
      const file = readFileSync(`prisma/migrations/${row.migration_name}/migration.sql`);
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await tables()).toBeGreaterThan(20);
  });

  it('rolls every migration back with its down script, then re-applies', async () => {
    const all = readMigrations().map((m) => m.name);
    expect(await migrateDown(url, all.length)).toEqual([...all].reverse());
    expect(await tables()).toBe(0);
    expect(await migrateUp(url)).toEqual(all);
    expect(await tables()).toBeGreaterThan(20);
  });

  it('status lists applied migrations with when, pending ones, and flags a changed file or a missing one', async () => {
    const all = readMigrations().map((m) => m.name);
    await migrateDown(url, 2);
    const [changed, ...rest] = all;
    await withClient(url, async (c) => {
      await c.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = $1 AND rolled_back_at IS NULL`, [changed]);
      await c.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (gen_random_uuid(), repeat('1', 64), '00000000000000_gone', now(), 1)`);
      // Prisma Migrate's failed state: started, never finished.
      await c.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (gen_random_uuid(), repeat('2', 64), $1)`, [all.at(-1)]);
    });
    const status = await migrationStatus(url);
    expect(status.map((s) => [s.name, s.state])).toEqual([
      ['00000000000000_gone', 'missing'],
      [changed, 'changed'],
      ...rest.slice(0, -2).map((name) => [name, 'applied']),
      [all.at(-2), 'pending'],
      [all.at(-1), 'failed'],
    ]);
    for (const s of status) expect(s.appliedAt instanceof Date, s.name).toBe(s.state !== 'pending' && s.state !== 'failed');

    await withClient(url, async (c) => {
      await c.query(`DELETE FROM _prisma_migrations WHERE migration_name = '00000000000000_gone' OR finished_at IS NULL`);
      await c.query(`UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1 AND rolled_back_at IS NULL`, [changed, readMigrations()[0]!.checksum]);
    });
    expect(await migrateUp(url)).toEqual(all.slice(-2));
    expect((await migrationStatus(url)).every((s) => s.state === 'applied')).toBe(true);
  });

  it('refuses to continue when an applied migration was modified', async () => {
    await withClient(url, (c) => c.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE rolled_back_at IS NULL`));
    await expect(migrateUp(url)).rejects.toThrow(/modified after it was applied/);
  });

  it('every migration has a down script', () => {
    for (const m of readMigrations()) expect(m.downSql, m.name).toBeTruthy();
  });
});
