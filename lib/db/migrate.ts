// Applies prisma/migrations/*/migration.sql in order and records them in _prisma_migrations exactly as
// Prisma Migrate does (sha256 checksum of the file, same columns, same advisory lock), so
// `prisma migrate deploy` accepts this history wherever Prisma's schema engine can be installed.
// Each migration folder also holds a down.sql, used by rollback.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');
const PRISMA_MIGRATE_LOCK = 72707369; // the advisory lock id Prisma Migrate takes

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string; downSql: string | null };

export function readMigrations(): Migration[] {
  const dir = MIGRATIONS_DIR;
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const downPath = path.join(dir, name, 'down.sql');
      return {
        name,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
        downSql: existsSync(downPath) ? readFileSync(downPath, 'utf8') : null,
      };
    });
}

type Applied = { migration_name: string; checksum: string };

async function withLockedClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_TABLE);
    return await fn(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function appliedMigrations(client: pg.Client): Promise<Applied[]> {
  const { rows } = await client.query<Applied>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
  return rows;
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrateUp(url: string): Promise<string[]> {
  return withLockedClient(url, async (client) => {
    const applied = new Map((await appliedMigrations(client)).map((row) => [row.migration_name, row.checksum]));
    const done: string[] = [];
    for (const migration of readMigrations()) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was modified after it was applied (checksum mismatch)`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    return done;
  });
}

/** Reverts the last `steps` applied migrations with their down.sql, marking them rolled back as Prisma does. */
export async function migrateDown(url: string, steps = 1): Promise<string[]> {
  return withLockedClient(url, async (client) => {
    const byName = new Map(readMigrations().map((m) => [m.name, m]));
    const applied = (await appliedMigrations(client)).reverse().slice(0, steps);
    const reverted: string[] = [];
    for (const row of applied) {
      const migration = byName.get(row.migration_name);
      if (!migration?.downSql) throw new Error(`no down.sql for ${row.migration_name}`);
      await client.query('BEGIN');
      try {
        await client.query(migration.downSql);
        await client.query(
          `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND rolled_back_at IS NULL`,
          [row.migration_name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      reverted.push(row.migration_name);
    }
    return reverted;
  });
}

/** True when every migration on disk is applied (used by /ready). */
export async function pendingMigrations(client: pg.Pool | pg.Client): Promise<string[]> {
  const { rows } = await client
    .query<Applied>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    )
    .catch(() => ({ rows: [] as Applied[] }));
  const applied = new Set(rows.map((row) => row.migration_name));
  return readMigrations()
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
}

export type MigrationStatus = { name: string; state: 'applied' | 'changed' | 'pending' | 'failed' | 'missing'; appliedAt: Date | null };

/**
 * Where each migration stands (db:status): `applied` with its file unchanged, or `changed` since (which
 * stops migrateUp), `pending`, `failed` (started, never finished: Prisma Migrate's failed state, resolved
 * by hand) or `missing` (applied, its folder gone). Reads only: no lock, no table created.
 */
export async function migrationStatus(url: string): Promise<MigrationStatus[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows: { migration_name: string; checksum: string; finished_at: Date | null }[] = [];
  try {
    const { rows: table } = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    if (table[0]?.present) {
      ({ rows } = await client.query(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
      ));
    }
  } finally {
    await client.end();
  }
  const finished = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r]));
  const started = new Set(rows.map((r) => r.migration_name));
  const onDisk = readMigrations();
  const names = new Set(onDisk.map((m) => m.name));
  const status: MigrationStatus[] = onDisk.map((m) => {
    const row = finished.get(m.name);
    if (row) return { name: m.name, state: row.checksum === m.checksum ? 'applied' : 'changed', appliedAt: row.finished_at };
    return { name: m.name, state: started.has(m.name) ? 'failed' : 'pending', appliedAt: null };
  });
  for (const row of finished.values()) {
    if (!names.has(row.migration_name)) status.push({ name: row.migration_name, state: 'missing', appliedAt: row.finished_at });
  }
  return status.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
