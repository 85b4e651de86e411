// A person's notification preferences (GET/PATCH /api/v1/users/me/notification-preferences): channels per
// kind, quiet hours, values in messages outside the app, the caregivers' optional digest, and a patient's
// escalation timings (which their doctors may also set, with the alert thresholds). What channels the
// person actually has is shown beside them: a verified address, the browsers subscribed to push.
import { z } from 'zod';
import { prisma } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { ApiError } from '../http/errors';
import { channelsSchema, effectiveChannels, hhmmOf, minutesOf } from '../notify/preferences';
import { DEFAULT_ESCALATION } from './emergency-escalation';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (00:00–23:59)');

export const escalationSchema = z
  .object({
    escalateAfterMinutes: z.number().int().min(1, 'must be at least 1 minute').max(240, 'must be at most 240 minutes'),
    escalateAgainAfterMinutes: z.number().int().min(2, 'must be at least 2 minutes').max(480, 'must be at most 480 minutes'),
    recheckAfterMinutes: z.number().int().min(1, 'must be at least 1 minute').max(120, 'must be at most 120 minutes'),
  })
  .strict()
  .refine((e) => e.escalateAgainAfterMinutes > e.escalateAfterMinutes, { path: ['escalateAgainAfterMinutes'], message: 'must be later than escalateAfterMinutes' });
export type EscalationTimings = z.output<typeof escalationSchema>;

export const preferencesPatchSchema = z
  .object({
    channels: channelsSchema.optional(),
    quietHours: z.object({ start: hhmm, end: hhmm }).strict().refine((q) => q.start !== q.end, { path: ['end'], message: 'must differ from start' }).nullable().optional(),
    valuesInMessages: z.boolean().optional(),
    caregiverDigest: z.boolean().optional(),
    escalation: escalationSchema.optional(),
  })
  .strict();
export type PreferencesPatch = z.output<typeof preferencesPatchSchema>;

type Row = Prisma.UserPreferencesGetPayload<object> | null;

function view(row: Row, role: string, available: { email: boolean; pushBrowsers: number }) {
  return {
    channels: effectiveChannels(row?.notificationChannels),
    quietHours: row?.quietHoursStart != null && row.quietHoursEnd != null ? { start: hhmmOf(row.quietHoursStart), end: hhmmOf(row.quietHoursEnd) } : null,
    valuesInMessages: row?.valuesInMessages ?? false,
    caregiverDigest: row?.caregiverDigest ?? false,
    ...(role === 'PATIENT'
      ? { escalation: row ? { escalateAfterMinutes: row.escalateAfterMinutes, escalateAgainAfterMinutes: row.escalateAgainAfterMinutes, recheckAfterMinutes: row.recheckAfterMinutes } : { ...DEFAULT_ESCALATION } }
      : {}),
    available,
  };
}
export type NotificationPreferences = ReturnType<typeof view>;

export async function getNotificationPreferences(userId: string): Promise<NotificationPreferences> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, emailVerifiedAt: true, preferences: true, _count: { select: { pushSubscriptions: true } } },
  });
  return view(user.preferences, user.role, { email: user.emailVerifiedAt !== null, pushBrowsers: user._count.pushSubscriptions });
}

export async function updateNotificationPreferences(userId: string, role: string, patch: PreferencesPatch): Promise<NotificationPreferences> {
  if (patch.escalation && role !== 'PATIENT') {
    throw new ApiError('VALIDATION_ERROR', 'escalation timings belong to a patient', [{ field: 'escalation', reason: 'only a patient has escalation timings' }]);
  }
  if (patch.caregiverDigest !== undefined && role !== 'CAREGIVER') {
    throw new ApiError('VALIDATION_ERROR', 'the daily digest choice belongs to a caregiver', [{ field: 'caregiverDigest', reason: 'only caregivers choose a daily digest (doctors always get one)' }]);
  }
  const current = await prisma.userPreferences.findUnique({ where: { userId }, select: { notificationChannels: true } });
  const data: Prisma.UserPreferencesUpdateInput = {
    ...(patch.channels ? { notificationChannels: { ...((current?.notificationChannels as object | null) ?? {}), ...patch.channels } } : {}),
    ...(patch.quietHours !== undefined
      ? { quietHoursStart: patch.quietHours ? minutesOf(patch.quietHours.start) : null, quietHoursEnd: patch.quietHours ? minutesOf(patch.quietHours.end) : null }
      : {}),
    ...(patch.valuesInMessages !== undefined ? { valuesInMessages: patch.valuesInMessages } : {}),
    ...(patch.caregiverDigest !== undefined ? { caregiverDigest: patch.caregiverDigest } : {}),
    ...(patch.escalation ?? {}),
  };
  await prisma.userPreferences.upsert({ where: { userId }, create: { userId, ...(data as Prisma.UserPreferencesCreateWithoutUserInput) }, update: data });
  return getNotificationPreferences(userId);
}

/** A patient's escalation timings set by their doctor (with the alert thresholds). */
export async function setEscalationTimings(patientId: string, timings: EscalationTimings): Promise<void> {
  await prisma.userPreferences.upsert({ where: { userId: patientId }, create: { userId: patientId, ...timings }, update: timings });
}

export async function escalationTimingsOf(patientId: string): Promise<EscalationTimings> {
  const row = await prisma.userPreferences.findUnique({ where: { userId: patientId }, select: { escalateAfterMinutes: true, escalateAgainAfterMinutes: true, recheckAfterMinutes: true } });
  return row ?? { ...DEFAULT_ESCALATION };
}
