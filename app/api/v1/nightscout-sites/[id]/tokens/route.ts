// GET /api/v1/nightscout-sites/:id/tokens — the access tokens of the patient's site still in force (never a
// token). POST — a new one with a Nightscout role, for a follower or an app: the token is shown only in
// this answer (only its hashes are kept). Another patient's site is 404.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { noteAudit } from '@/lib/audit/context';
import { requireCaller } from '@/lib/auth/session';
import { createNightscoutToken, listNightscoutTokens } from '@/lib/data/nightscout-tokens';
import { notFound } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/handler';
import { freeText } from '@/lib/http/text';
import { NIGHTSCOUT_ROLES } from '@/lib/nightscout/permissions';
import { generateAccessToken } from '@/lib/nightscout/tokens';

const createBody = z.object({ name: freeText(100), role: z.enum(NIGHTSCOUT_ROLES) }).strict();

const siteId = (id: string) => {
  if (!z.uuid().safeParse(id).success) throw notFound('Nightscout site');
  return id;
};

export const GET = route<{ id: string }>({ kind: 'device', param: 'id' }, async (_req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  return NextResponse.json({ tokens: await listNightscoutTokens(caller.id, siteId(id)) });
});

export const POST = route<{ id: string }>({ kind: 'device', param: 'id' }, async (req, { id }) => {
  const caller = await requireCaller(['PATIENT']);
  const body = createBody.parse((await readJson(req, 16 * 1024)).json);
  const { token, ...digests } = generateAccessToken(body.name);
  const created = await createNightscoutToken(caller.id, siteId(id), { name: body.name, role: body.role, ...digests });
  noteAudit({ details: { tokenId: created.id, role: body.role } });
  return NextResponse.json({ id: created.id, name: body.name, role: body.role, token, createdAt: created.createdAt }, { status: 201 });
});
