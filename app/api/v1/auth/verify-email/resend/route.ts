// POST /api/v1/auth/verify-email/resend — the signed-in user's verification link again (for their address
// while unverified, else for a pending new address) → 202 { sent }; rate-limited per address and IP.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { enforceAccountMailLimits } from '@/lib/auth/account-limits';
import { requireCaller } from '@/lib/auth/session';
import { resendVerification, verificationAddress } from '@/lib/data/signup';
import { route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';
import { clientIp } from '@/lib/security/client-address';

export const POST = route('caller', async (req) => {
  const caller = await requireCaller();
  const to = await verificationAddress(caller.id);
  if (!to) return NextResponse.json({ sent: false }, { status: 202 }); // nothing to verify
  await enforceAccountMailLimits('verify-email', { email: to, ip: clientIp(req.headers) });
  await resendVerification(caller.id, to);
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json({ sent: true }, { status: 202 });
});
