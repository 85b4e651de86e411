// The query parameters of the notification routes, read once here: a bad one is a 400 naming the
// parameter and why (nothing is read or changed).
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { decodeNotificationCursor, DEFAULT_PAGE, MAX_PAGE } from '@/lib/data/notification-center';
import { ApiError, zodDetails } from '@/lib/http/errors';
import { instant } from '@/lib/http/dates';
import { NOTIFICATION_CATEGORIES } from '@/lib/notify/preferences';

const category = z.enum(NOTIFICATION_CATEGORIES, { message: `must be one of ${NOTIFICATION_CATEGORIES.join(', ')}` }).optional();

export const listQuery = z.object({
  unread: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  category,
  before: z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const cursor = decodeNotificationCursor(value);
      if (cursor) return cursor;
      ctx.addIssue({ code: 'custom', message: 'must be a nextBefore from this API' });
      return z.NEVER;
    })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_PAGE}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PAGE, `must be a whole number from 1 to ${MAX_PAGE}`)
    .default(DEFAULT_PAGE),
});

/** Mark-all: `through` (an ISO-8601 instant) keeps notifications delivered after it unread. */
export const readAllQuery = z.object({ category, through: instant.transform((ms) => new Date(ms)).optional() });

export function parseQuery<T extends z.ZodType>(schema: T, req: NextRequest): z.output<T> {
  const parsed = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  if (parsed.success) return parsed.data;
  const details = zodDetails(parsed.error);
  throw new ApiError('BAD_REQUEST', `invalid query: ${details.map((d) => `${d.field} ${d.reason}`).join('; ')}`, details);
}
