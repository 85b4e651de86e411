// POST /api/v1/auth/verify-email — { token } from the link of a verification e-mail → 200 { verified: true };
// an unknown, used or expired link → 404, the one answer of every account link. Changes nothing then.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { linkNotUsable, tokenBody } from '@/lib/api/auth';
import { getCaller } from '@/lib/auth/session';
import { verifyEmail } from '@/lib/data/signup';
import { readJson, route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';

export const POST = route('nobody', async (req) => {
  await getCaller(); // a signed-in caller is named in the audit row
  const { token } = tokenBody.parse((await readJson(req, 4 * 1024)).json);
  if (!(await verifyEmail(token))) throw linkNotUsable();
  after(() => dispatch([MAIL_DELIVERY_EVENT])); // an e-mail change tells the old address
  return NextResponse.json({ verified: true });
});
