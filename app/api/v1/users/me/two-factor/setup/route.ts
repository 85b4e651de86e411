// POST /api/v1/users/me/two-factor/setup — a new secret for the authenticator app: { secret (base32),
// otpauthUri }. Not used for sign-in until confirmed (…/confirm); again before that, it replaces the
// pending one. 409 once two-factor sign-in is on. Open while held at enrolment.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { beginTwoFactorSetup } from '@/lib/auth/two-factor';
import { findMe } from '@/lib/data/users';
import { route } from '@/lib/http/handler';

export const POST = route('caller', async () => {
  const caller = await requireCaller(undefined, { enrolment: true });
  const me = await findMe(caller.id);
  return NextResponse.json(await beginTwoFactorSetup(caller.id, me.email));
});
