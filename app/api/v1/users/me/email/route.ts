// POST /api/v1/users/me/email — { email, currentPassword } → 202 { pendingEmail }: the new address
// becomes the account's once the link e-mailed to it is used (then the old one is told). An address that
// has an account answers the same (its owner is told instead). Rate-limited per address and IP.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { emailChangeBody } from '@/lib/api/auth';
import { enforceAccountMailLimits } from '@/lib/auth/account-limits';
import { requireCaller } from '@/lib/auth/session';
import { requestEmailChange } from '@/lib/data/email-change';
import { readJson, route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';
import { clientIp } from '@/lib/security/client-address';

export const POST = route('caller', async (req) => {
  const caller = await requireCaller();
  const body = emailChangeBody.parse((await readJson(req, 4 * 1024)).json);
  await enforceAccountMailLimits('email-change', { email: body.email, ip: clientIp(req.headers) });
  const result = await requestEmailChange({ userId: caller.id, ...body });
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json(result, { status: 202 });
});
