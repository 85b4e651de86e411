// POST /api/v1/users/me/two-factor/confirm { code } — the first code of the pending secret turns two-factor
// sign-in on; answers { recoveryCodes: [10] }, shown this once. A wrong code is a 422 (field code) and
// counts against the account's delay (429 + Retry-After). Open while held at enrolment.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { confirmTwoFactorSetup } from '@/lib/auth/two-factor';
import { underSecondFactorLimit } from '@/lib/auth/two-factor-limit';
import { readJson, route } from '@/lib/http/handler';

const codeSchema = z.strictObject({ code: z.string().min(1).max(20) });

export const POST = route('caller', async (req) => {
  const caller = await requireCaller(undefined, { enrolment: true });
  const { code } = codeSchema.parse((await readJson(req, 4 * 1024)).json);
  const recoveryCodes = await underSecondFactorLimit(caller.id, () => confirmTwoFactorSetup(caller.id, code));
  return NextResponse.json({ recoveryCodes });
});
