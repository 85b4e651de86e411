// GET /api/v1/users/me/two-factor — { enabled, required, pending, recoveryCodesLeft } (also while held at
// enrolment). DELETE { code } | { password } — a patient or caregiver turns two-factor sign-in off; doctors
// and admins cannot (403): it is required of them.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { verifyPassword } from '@/lib/auth/password';
import { requireCaller } from '@/lib/auth/session';
import { TWO_FACTOR_ROLES, disableTwoFactor, twoFactorRequired, twoFactorState, spendSecondFactor } from '@/lib/auth/two-factor';
import { underSecondFactorLimit } from '@/lib/auth/two-factor-limit';
import { prisma } from '@/lib/db/client';
import { findMe } from '@/lib/data/users';
import { readJson, route } from '@/lib/http/handler';
import { ApiError } from '@/lib/http/errors';

export const GET = route('caller', async () => {
  const caller = await requireCaller(undefined, { enrolment: true });
  const me = await findMe(caller.id);
  return NextResponse.json({ twoFactor: { ...(await twoFactorState(caller.id)), required: twoFactorRequired(caller.role, me.email) } });
});

const disableSchema = z
  .strictObject({ code: z.string().min(1).max(20).optional(), password: z.string().min(1).max(200).optional() })
  .refine((body) => (body.code === undefined) !== (body.password === undefined), { message: 'give either the current code or your password', path: ['code'] });

export const DELETE = route('caller', async (req) => {
  const caller = await requireCaller();
  if (TWO_FACTOR_ROLES.includes(caller.role)) throw new ApiError('FORBIDDEN', 'two-factor sign-in is required for doctors and administrators: it cannot be turned off');
  const body = disableSchema.parse((await readJson(req, 4 * 1024)).json);
  if (!(await twoFactorState(caller.id)).enabled) throw new ApiError('CONFLICT', 'two-factor sign-in is not on');
  await underSecondFactorLimit(caller.id, async () => {
    if (body.code !== undefined) {
      if (!(await spendSecondFactor(caller.id, { code: body.code }))) throw new ApiError('VALIDATION_ERROR', 'the code is not right', [{ field: 'code', reason: 'is not the current code of your authenticator app' }]);
      return;
    }
    const user = await prisma.user.findUniqueOrThrow({ where: { id: caller.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, body.password!))) throw new ApiError('VALIDATION_ERROR', 'the password is not right', [{ field: 'password', reason: 'is not your password' }]);
  });
  await disableTwoFactor(caller.id);
  return NextResponse.json({ twoFactor: { ...(await twoFactorState(caller.id)), required: false } });
});
