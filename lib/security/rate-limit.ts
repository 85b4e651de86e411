// Fixed-window rate limits kept in PostgreSQL, so every app instance counts against the same limit: one
// atomic upsert per check. Keys are hashed (scope + subject), so no e-mail or IP is stored in the clear.
import { createHash } from 'node:crypto';
import { prisma } from '../db/client';
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
