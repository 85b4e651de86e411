// POST /api/v1/invitations/redeem { code } — a verified patient types a doctor's desk code: the
// invitation becomes theirs to accept. Rate-limited per account and per address against guessing; a
// wrong, used or expired code is 404.
import { NextResponse } from 'next/server';
import { enforceCodeRedeemLimit } from '@/lib/api/invitations-limits';
import { redeemInputSchema } from '@/lib/api/invitations';
import { requireCaller } from '@/lib/auth/session';
import { redeemDeskCode } from '@/lib/data/invitations';
import { readJson, route } from '@/lib/http/handler';
import { clientIp } from '@/lib/security/client-address';

export const POST = route({ kind: 'invitation', created: true }, async (req) => {
  const caller = await requireCaller(['PATIENT']);
  const body = (await readJson(req, 1024)).json;
  await enforceCodeRedeemLimit(caller.id, clientIp(req.headers));
  const { code } = redeemInputSchema.parse(body);
  return NextResponse.json(await redeemDeskCode(caller, code));
});
