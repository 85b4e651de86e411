// One error type and one JSON shape for every API error: { error: { code, message, details? } }.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { log, requestLogger } from '../observability/log';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'TWO_FACTOR_ENROLMENT_REQUIRED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION_ERROR'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'PUSH_NOT_CONFIGURED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_ENROLMENT_REQUIRED: 403, // a doctor or admin without a second factor yet (lib/auth/session.ts)
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_ERROR: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  PUSH_NOT_CONFIGURED: 404, // Web Push is off on this server (no VAPID keys in production)
  INTERNAL: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'resource') => new ApiError('NOT_FOUND', `${what} not found`);
export const unauthorized = (message = 'authentication required') => new ApiError('UNAUTHORIZED', message);

/** Zod issues as { field, reason } pairs, field being a dotted path ("samples.3.unit"). */
export function zodDetails(error: ZodError): { field: string; reason: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', reason: issue.message }));
}

// PostgreSQL errors that mean "the database is not there right now": connection refused or reset,
// shutting down, too many connections. Clients should retry; nothing was committed.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
// The same conditions through Prisma's driver adapter: P1001 unreachable, P1017 connection closed, a
// PostgreSQL/driver error kept as meta.driverAdapterError.cause (P2039/P2010 with 57P01/57P03 while the
// server shuts down or starts), or the adapter's kind for a lost connection (ECONNRESET becomes
// P2010 + kind ConnectionClosed, without the code). Each was found by `npm run chaos` as a 500 during
// database restarts under load.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'ConnectionClosed', 'DatabaseNotReachable', 'SocketTimeout', 'TooManyConnections']);
// node-postgres's own errors carry no code: a pooled connection that broke mid-request ("Client has
// encountered a connection error and is not queryable", also found by `npm run chaos`) or a pool that
// could not connect in time.
const UNAVAILABLE_MESSAGES = /connection terminated|connection (was )?closed|terminating connection|database system is (starting up|shutting down|in recovery mode)|ECONNREFUSED|ECONNRESET|Can't reach database server|is not queryable|timeout exceeded when trying to connect/i;

/** Every code (or, with `messages`, message) on the error, its Prisma metadata and its chain of causes. */
function* signals(error: unknown, messages: boolean, depth = 0): Generator<string> {
  if (depth > 4 || typeof error !== 'object' || error === null) return;
  const e = error as { code?: unknown; originalCode?: unknown; message?: unknown; kind?: unknown; cause?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown } };
  for (const value of messages ? [e.message] : [e.code, e.originalCode, e.kind, e.meta?.code]) if (typeof value === 'string') yield value;
  yield* signals(e.meta?.driverAdapterError, messages, depth + 1);
  yield* signals(e.cause, messages, depth + 1);
}

function isDatabaseUnavailable(error: unknown): boolean {
  for (const code of signals(error, false)) {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code)) return true;
  }
  for (const message of signals(error, true)) if (UNAVAILABLE_MESSAGES.test(message)) return true;
  return false;
}

function body(code: ErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Maps any thrown value to a response; unknown errors become a 500 without internal detail. */
export function errorResponse(error: unknown, requestId?: string): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json(body(error.code, error.message, error.details), {
      status: error.status,
      headers: error.headers,
    });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(body('VALIDATION_ERROR', 'request validation failed', zodDetails(error)), { status: 422 });
  }
  if (isDatabaseUnavailable(error)) {
    return NextResponse.json(body('SERVICE_UNAVAILABLE', 'database unavailable, retry later'), {
      status: 503,
      headers: { 'Retry-After': '5' },
    });
  }
  // The error's name and codes only: messages can carry data (a value, an e-mail address in a constraint error).
  const err = error instanceof Error ? error.name : typeof error;
  (requestId ? requestLogger(requestId) : log).error({ err, codes: [...new Set(signals(error, false))] }, 'unhandled error');
  return NextResponse.json(body('INTERNAL', 'internal error'), { status: 500 });
}
