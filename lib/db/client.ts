// One pg pool per process, shared by Prisma (through the driver adapter) and the bulk SQL paths.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';

type Db = { pool: pg.Pool; prisma: PrismaClient };
const globalForDb = globalThis as unknown as { healthDb?: Db };

function create(): Db {
  const { databaseUrl, databasePoolMax } = env();
  // Sessions run in UTC whatever the server's default: the Prisma driver sends zone-less timestamps, and
  // local calendar math is done explicitly (lib/time), never by the session's zone.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: databasePoolMax,
    idleTimeoutMillis: 30_000,
    options: '-c TimeZone=UTC',
  });
  // A dropped idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => undefined);
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
}

function db(): Db {
  globalForDb.healthDb ??= create();
  return globalForDb.healthDb;
}

// Created on first use, so importing this module (e.g. during `next build`) needs no database.
export const prisma = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = db().prisma;
    const value: unknown = Reflect.get(client, prop);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export function pool(): pg.Pool {
  return db().pool;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.healthDb;
  globalForDb.healthDb = undefined;
  if (current) {
    await current.prisma.$disconnect();
    await current.pool.end();
  }
}

/**
 * A dedicated connection for a transaction. A connection dropped mid-transaction (database restart,
 * terminated backend) makes the pending query reject; the listener keeps the client's own 'error' event
 * from crashing the process.
 */
export async function connectClient(): Promise<pg.PoolClient> {
  const client = await pool().connect();
  if (client.listenerCount('error') === 0) client.on('error', () => undefined);
  return client;
}

/** Runs `work` in one transaction on a pooled client: COMMIT when it resolves, ROLLBACK (and a discarded client) when it throws. */
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await connectClient();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure);
  }
}
