// One pg pool per process, shared by Prisma (through the driver adapter) and the bulk SQL paths. Every
// query is timed by name (lib/observability/db-timing.ts): Prisma operations by a client extension, the
// bulk paths through a view of the pool whose query() and connect()ed clients are timed. Prisma's adapter
// gets the pool itself, so its queries are counted once, under their Prisma name.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { env } from '../env';
import { timeQuery, withTimedQueries } from '../observability/db-timing';

type Db = { pool: pg.Pool; timedPool: pg.Pool; prisma: PrismaClient };
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
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) }).$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        return timeQuery(model ? `${model}.${operation}` : 'raw', () => query(args));
      },
    },
  });
  // The extended client has every method of the plain one (queries inside $transaction are timed too).
  return { pool, timedPool: timedPool(pool), prisma: prisma as unknown as PrismaClient };
}

/** The pool's view for the bulk paths: query() timed, and connect() hands out clients whose query() is timed. */
function timedPool(pool: pg.Pool): pg.Pool {
  const view = withTimedQueries(pool);
  const connect = async () => withTimedQueries(await pool.connect());
  return new Proxy(view, {
    get(object, prop, receiver) {
      // connect(callback) is pg's other form: left as it is.
      if (prop === 'connect') return (...args: unknown[]) => (args.length === 0 ? connect() : (pool.connect as (...a: unknown[]) => unknown)(...args));
      return Reflect.get(object, prop, receiver);
    },
  });
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
  return db().timedPool;
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
