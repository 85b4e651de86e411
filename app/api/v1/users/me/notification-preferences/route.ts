// GET /api/v1/users/me/notification-preferences — the caller's channels per kind, quiet hours, values in
// messages, (caregivers) the daily digest, (patients) escalation timings, and which channels they have.
// PATCH — change any of them; a bad field is named and nothing changes.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { getNotificationPreferences, preferencesPatchSchema, updateNotificationPreferences } from '@/lib/data/notification-preferences';
import { readJson, route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller();
  return NextResponse.json(await getNotificationPreferences(caller.id));
});

export const PATCH = route('caller', async (req) => {
  const caller = await requireCaller();
  const patch = preferencesPatchSchema.parse((await readJson(req, 8 * 1024)).json);
  return NextResponse.json(await updateNotificationPreferences(caller.id, caller.role, patch));
});
