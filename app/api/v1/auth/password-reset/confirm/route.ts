// POST /api/v1/auth/password-reset/confirm — { token, password } → 200: sets the password, ends every
// session of the account, verifies its address and lifts the sign-in delay. An unknown, used or expired
// link → 404 (the one answer of every account link); a password the rule refuses → 422, link still usable.
import { NextResponse } from 'next/server';
import { checkNewPassword, linkNotUsable, passwordResetConfirmBody } from '@/lib/api/auth';
import { getCaller } from '@/lib/auth/session';
import { confirmPasswordReset, findResetAccount } from '@/lib/data/password-reset';
import { readJson, route } from '@/lib/http/handler';

export const POST = route('nobody', async (req) => {
  await getCaller(); // a signed-in caller is named in the audit row
  const { token, password } = passwordResetConfirmBody.parse((await readJson(req, 4 * 1024)).json);
  const account = await findResetAccount(token);
  if (!account) throw linkNotUsable();
  checkNewPassword(password, account);
  if (!(await confirmPasswordReset(token, password))) throw linkNotUsable();
  return NextResponse.json({ reset: true });
});
