// A person's notification preferences (pure): which channels beyond in-app each kind of notification
// takes, quiet hours in their zone, and whether messages outside the app may carry values. By default an
// emergency goes to every channel the person has (e-mail, and push once a browser subscribed), everything
// else in-app and by e-mail. Emergencies pass through quiet hours; others wait for them to end.
import { z } from 'zod';
import type { NotificationChannel } from '../generated/prisma/enums';

export const NOTIFICATION_CATEGORIES = ['emergency', 'insight', 'medication', 'digest'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export const CHANNELS = ['EMAIL', 'PUSH'] as const satisfies readonly NotificationChannel[];

export const DEFAULT_CHANNELS: Record<NotificationCategory, NotificationChannel[]> = {
  emergency: ['EMAIL', 'PUSH'],
  insight: ['EMAIL'],
  medication: ['EMAIL'],
  digest: ['EMAIL'],
};

/** The category of a notification kind (`emergency.GLUCOSE_LOW`, `insight.…`, `medication.…`, `digest.…`). */
export function categoryOf(kind: string): NotificationCategory {
  const head = kind.split('.')[0];
  return (NOTIFICATION_CATEGORIES as readonly string[]).includes(head!) ? (head as NotificationCategory) : 'insight';
}

/** The stored JSON (`{ "insight": ["PUSH"] }`, kinds left out take the defaults). */
export const channelsSchema = z
  .object(Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, z.array(z.enum(CHANNELS)).max(2).optional()])) as Record<NotificationCategory, z.ZodOptional<z.ZodArray<z.ZodEnum<{ EMAIL: 'EMAIL'; PUSH: 'PUSH' }>>>>)
  .strict();
export type ChannelChoice = Partial<Record<NotificationCategory, NotificationChannel[]>>;

export function effectiveChannels(stored: unknown): Record<NotificationCategory, NotificationChannel[]> {
  const parsed = channelsSchema.safeParse(stored ?? {});
  const choice: ChannelChoice = parsed.success ? parsed.data : {};
  return Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, [...new Set(choice[c] ?? DEFAULT_CHANNELS[c])]])) as Record<NotificationCategory, NotificationChannel[]>;
}

export type QuietHours = { start: number; end: number } | null; // minutes after local midnight

/** "22:00" ↔ 1320. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function localMinutes(atMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(atMs);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * When a non-emergency message raised at `atMs` may leave the app: `atMs` itself outside quiet hours,
 * else the end of the quiet hours (the first instant whose local time is the end, searched minute by
 * minute up to a day ahead, which handles daylight-saving days without special cases).
 */
export function releaseTime(atMs: number, quiet: QuietHours, timeZone: string): number {
  if (!quiet || quiet.start === quiet.end) return atMs;
  const inQuiet = (m: number) => (quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end);
  if (!inQuiet(localMinutes(atMs, timeZone))) return atMs;
  const startOfMinute = atMs - (atMs % 60_000);
  for (let t = startOfMinute + 60_000; t <= atMs + 25 * 3600_000; t += 60_000) {
    if (!inQuiet(localMinutes(t, timeZone))) return t;
  }
  return atMs; // unreachable for valid hours; never hold a message forever
}
