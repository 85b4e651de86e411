// POST /api/v1/auth/password-reset — { email } → 202 always; the reset link (30 min, single use) is
// e-mailed only when the address has an enabled account. Rate-limited per address and IP.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { passwordResetBody } from '@/lib/api/auth';
import { enforceAccountMailLimits } from '@/lib/auth/account-limits';
import { getCaller } from '@/lib/auth/session';
import { requestPasswordReset } from '@/lib/data/password-reset';
import { readJson, route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';
import { clientIp } from '@/lib/security/client-address';

export const POST = route('nobody', async (req) => {
  await getCaller(); // a signed-in caller is named in the audit row
  const { email } = passwordResetBody.parse((await readJson(req, 4 * 1024)).json);
  await enforceAccountMailLimits('password-reset', { email, ip: clientIp(req.headers) });
  await requestPasswordReset(email);
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json({ email, next: 'check-your-email' }, { status: 202 });
});
