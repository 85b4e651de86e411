// The migrate command on a database of its own: applies every migration once, records it exactly as
// Prisma Migrate does, rolls back with down.sql and re-applies.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateUp, readMigrations } from './migrate';

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

  it('refuses to continue when an applied migration was modified', async () => {
    await withClient(url, (c) => c.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE rolled_back_at IS NULL`));
    await expect(migrateUp(url)).rejects.toThrow(/modified after it was applied/);
  });

  it('every migration has a down script', () => {
    for (const m of readMigrations()) expect(m.downSql, m.name).toBeTruthy();
  });
});
