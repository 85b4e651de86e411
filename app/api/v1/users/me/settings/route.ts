// GET /api/v1/users/me/settings — display name, time zone, units. PATCH — change any of them; a new time
// zone re-labels every local day, so it marks the history dirty and starts the pipeline after the response.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { findSettings, settingsPatchSchema, updateSettings } from '@/lib/data/settings';
import { readJson, route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller();
  return NextResponse.json(await findSettings(caller.id));
});

export const PATCH = route('caller', async (req) => {
  const caller = await requireCaller();
  const patch = settingsPatchSchema.parse((await readJson(req, 16 * 1024)).json);
  const { settings, historyMarkedDirty } = await updateSettings(caller.id, patch);
  if (historyMarkedDirty) after(() => dispatch([{ key: 'samplesSynced', data: { userId: caller.id } }]));
  return NextResponse.json(settings);
});
