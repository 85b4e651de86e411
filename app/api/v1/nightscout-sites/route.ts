// GET /api/v1/nightscout-sites — the patient's Nightscout uploaders (never secrets). POST — create one:
// its base URL and API secret, the secret shown only in this answer (only its hashes are kept).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { createNightscoutSite, listNightscoutSites } from '@/lib/data/nightscout-sites';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http/handler';
import { freeText } from '@/lib/http/text';
import { generateApiSecret } from '@/lib/nightscout/secret';

const createBody = z.object({ name: freeText(100) }).strict();

export const GET = route('caller', async () => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json({ sites: await listNightscoutSites(caller.id) });
});

export const POST = route({ kind: 'device', created: true }, async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const body = createBody.parse((await readJson(req, 16 * 1024)).json);
  const { secret, ...hashes } = generateApiSecret();
  const { id } = await createNightscoutSite(caller.id, { name: body.name, ...hashes });
  // The app's public address (APP_URL, else NEXTAUTH_URL), as in e-mails: never a Host header's.
  const baseUrl = `${env().mail.appUrl}/ns/${id}/`;
  return NextResponse.json({ id, name: body.name, baseUrl, apiSecret: secret }, { status: 201 });
});
