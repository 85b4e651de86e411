// Rate limits kept in PostgreSQL, so every app instance counts against the same limit: fixed windows
// and growing delays (backoff), one atomic upsert per check. Keys are hashed (scope + subject), so no
// e-mail or IP is stored in the clear.
import { createHash } from 'node:crypto';
import { prisma } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { ApiError } from '../http/errors';

export type RateLimitRule = { scope: string; limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

// Rows of windows older than this are deleted now and then (no window is longer than a day).
const CLEANUP_PROBABILITY = 0.01;

export function rateLimitKey(scope: string, subject: string): string {
  return `${scope}:${createHash('sha256').update(subject).digest('hex')}`;
}

/** Counts one request for `subject` under `rule`; past the limit, `allowed` is false until the window ends. */
export async function hitRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const key = rateLimitKey(rule.scope, subject);
  const seconds = rule.windowSeconds;
  // The window is aligned on the database clock, the one clock all instances share.
  const [row] = await prisma.$queryRaw<{ count: number; retry_after: number }[]>`
    INSERT INTO rate_limits (key, window_start, count)
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${seconds}::int) * ${seconds}::int), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.count + 1 ELSE 1 END,
      window_start = EXCLUDED.window_start
    RETURNING count, greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => ${seconds}::int) - now())))::int AS retry_after`;
  if (Math.random() < CLEANUP_PROBABILITY) await deleteOldRateLimitWindows();
  return { allowed: row!.count <= rule.limit, count: row!.count, retryAfterSeconds: row!.retry_after };
}

/** This window's count for `subject` under `rule`, without counting. */
export async function peekRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const key = rateLimitKey(rule.scope, subject);
  const seconds = rule.windowSeconds;
  const [row] = await prisma.$queryRaw<{ count: number; retry_after: number }[]>`
    SELECT count, greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => ${seconds}::int) - now())))::int AS retry_after
    FROM rate_limits
    WHERE key = ${key} AND window_start = to_timestamp(floor(extract(epoch FROM now()) / ${seconds}::int) * ${seconds}::int)`;
  const count = row?.count ?? 0;
  return { allowed: count < rule.limit, count, retryAfterSeconds: row?.retry_after ?? 1 };
}

export type BackoffRule = { scope: string; freeTries: number; maxWaitSeconds: number };

/**
 * A delay that grows with each try: `freeTries` pass at once; after n tries each next one waits 2^n
 * seconds from the last (at most `maxWaitSeconds`). A try during the wait is refused and not counted.
 * The count lapses a day after the last try, or at once with clearBackoff. The row's window_start is
 * the last counted try.
 */
export async function hitBackoff(rule: BackoffRule, subject: string): Promise<RateLimitResult> {
  const key = rateLimitKey(rule.scope, subject);
  const wait = Prisma.sql`make_interval(secs => least(power(2, rate_limits.count), ${rule.maxWaitSeconds}::int))`;
  const [counted] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start < now() - interval '1 day' THEN 1 ELSE rate_limits.count + 1 END,
      window_start = now()
    WHERE rate_limits.count < ${rule.freeTries}::int OR rate_limits.window_start + ${wait} <= now()
    RETURNING count`;
  if (counted) return { allowed: true, count: counted.count, retryAfterSeconds: 0 };
  const [waiting] = await prisma.$queryRaw<{ count: number; retry_after: number }[]>`
    SELECT count, greatest(1, ceil(extract(epoch FROM window_start + ${wait} - now())))::int AS retry_after
    FROM rate_limits WHERE key = ${key}`;
  return { allowed: false, count: waiting?.count ?? rule.freeTries, retryAfterSeconds: waiting?.retry_after ?? 1 };
}

export async function clearBackoff(rule: BackoffRule, subject: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM rate_limits WHERE key = ${rateLimitKey(rule.scope, subject)}`;
}

export async function deleteOldRateLimitWindows(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`;
}

/** The 429 every limited API answers with: the one error shape plus Retry-After in seconds. */
export function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError('RATE_LIMITED', `too many requests, retry in ${retryAfterSeconds} s`, { retryAfterSeconds }, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/** Checks every rule (all are counted); throws the 429 of the longest wait if any is exceeded. */
export async function enforceRateLimits(checks: { rule: RateLimitRule; subject: string }[]): Promise<void> {
  const results = await Promise.all(checks.map(({ rule, subject }) => hitRateLimit(rule, subject)));
  const refused = results.filter((result) => !result.allowed);
  if (refused.length > 0) throw rateLimited(Math.max(...refused.map((result) => result.retryAfterSeconds)));
}
