// POST /api/v1/admin/doctors/:userId/reject — { reason } → an admin rejects a pending doctor, who is
// e-mailed the reason; 404 for an id that is not a doctor's, 409 once decided.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch } from '@/inngest/dispatch';
import { doctorRejectBody } from '@/lib/api/auth';
import { requireCaller } from '@/lib/auth/session';
import { reviewDoctor } from '@/lib/data/doctor-review';
import { notFound } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';

export const POST = route<{ userId: string }>({ kind: 'user', param: 'userId' }, async (req, { userId }) => {
  await requireCaller(['ADMIN']);
  const { reason } = doctorRejectBody.parse((await readJson(req, 8 * 1024)).json);
  if (!z.uuid().safeParse(userId).success) throw notFound('doctor');
  const result = await reviewDoctor(userId, { approve: false, reason });
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json(result);
});
