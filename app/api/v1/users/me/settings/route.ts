// GET /api/v1/users/me/settings — display name, time zone, units, language. PATCH — change any of them; a
// new time zone re-labels every local day, so it marks the history dirty and starts the pipeline after the
// response; a new language is also kept in the switcher's cookie, so this browser's pages before the next
// sign-in read in it too.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { findSettings, settingsPatchSchema, updateSettings } from '@/lib/data/settings';
import { readJson, route } from '@/lib/http/handler';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

export const GET = route('caller', async () => {
  const caller = await requireCaller();
  return NextResponse.json(await findSettings(caller.id));
});

export const PATCH = route('caller', async (req) => {
  const caller = await requireCaller();
  const patch = settingsPatchSchema.parse((await readJson(req, 16 * 1024)).json);
  const { settings, historyMarkedDirty } = await updateSettings(caller.id, patch);
  if (historyMarkedDirty) after(() => dispatch([{ key: 'samplesSynced', data: { userId: caller.id } }]));
  const res = NextResponse.json(settings);
  if (patch.language) res.cookies.set(LOCALE_COOKIE, patch.language, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax' });
  return res;
});
