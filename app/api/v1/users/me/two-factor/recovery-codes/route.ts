// POST /api/v1/users/me/two-factor/recovery-codes { code } — ten new recovery codes (the old ones stop
// working), shown this once; needs a current code of the authenticator app (422 field code when wrong,
// counted against the account's delay).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { regenerateRecoveryCodes } from '@/lib/auth/two-factor';
import { underSecondFactorLimit } from '@/lib/auth/two-factor-limit';
import { readJson, route } from '@/lib/http/handler';

const codeSchema = z.strictObject({ code: z.string().min(1).max(20) });

export const POST = route('caller', async (req) => {
  const caller = await requireCaller();
  const { code } = codeSchema.parse((await readJson(req, 4 * 1024)).json);
  const recoveryCodes = await underSecondFactorLimit(caller.id, () => regenerateRecoveryCodes(caller.id, code));
  return NextResponse.json({ recoveryCodes });
});
