// Which thrown errors mean "the database is not there right now" (503 with Retry-After, so clients retry)
// rather than a bug (500): PostgreSQL and Node codes directly, or wrapped by Prisma's driver adapter, as
// seen during database restarts under load (npm run chaos).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponse } from './errors';

const prismaError = (code: string, meta?: unknown) => Object.assign(new Error('prisma'), { name: 'PrismaClientKnownRequestError', code, meta });

describe('errorResponse', () => {
  it.each([
    ['a PostgreSQL admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['Prisma: database unreachable', prismaError('P1001')],
    ['Prisma: connection closed', prismaError('P1017')],
    ['Prisma wrapping "starting up"', prismaError('P2039', { driverAdapterError: { cause: { originalCode: '57P03', kind: 'postgres' } } })],
    ['Prisma: a connection reset mid-query', prismaError('P2010', { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } })],
    ['node-postgres: a pooled connection broke mid-request', new Error('Client has encountered a connection error and is not queryable')],
    ['node-postgres: the pool could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a driver error in a cause chain', Object.assign(new Error('query failed'), { cause: Object.assign(new Error('Connection terminated unexpectedly'), {}) })],
  ])('%s → 503 with Retry-After', async (_name, error) => {
    const res = errorResponse(error);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: 'database unavailable, retry later' } });
  });

  it('a bug is a 500 without internal detail', async () => {
    const res = errorResponse(prismaError('P2002', { target: ['email'] }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
  });

  it('a zod error is a 422 naming each field', async () => {
    const parsed = z.object({ from: z.string() }).safeParse({});
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toEqual([{ field: 'from', reason: expect.any(String) }]);
  });
});
