// POST /api/v1/auth/signup — { email, password, name, role: PATIENT|CAREGIVER|DOCTOR, timeZone?,
// licenceNumber?, licenceBody? (a doctor's), language? (else the page's: switcher cookie, else Accept-Language) } → 201 with the same answer whether or not the address is
// registered (its owner is told by e-mail instead); the new account is unverified until its link is used.
import { after, NextResponse } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { signUpBody } from '@/lib/api/auth';
import { enforceAccountMailLimits } from '@/lib/auth/account-limits';
import { getCaller } from '@/lib/auth/session';
import { signUp } from '@/lib/data/signup';
import { readJson, route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';
import { clientIp } from '@/lib/security/client-address';
import { LOCALE_COOKIE, requestLocale } from '@/lib/i18n/locales';

export const POST = route('nobody', async (req) => {
  await getCaller(); // a signed-in caller is named in the audit row
  const body = signUpBody.parse((await readJson(req, 16 * 1024)).json);
  await enforceAccountMailLimits('signup', { email: body.email, ip: clientIp(req.headers) });
  const language = body.language ?? requestLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get('accept-language'));
  await signUp({ ...body, language });
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json({ email: body.email, next: 'check-your-email' }, { status: 201 });
});
