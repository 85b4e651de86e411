// POST /api/v1/admin/doctors/:userId/approve — an admin approves a pending doctor (who can then be
// invited) and the doctor is e-mailed; 404 for an id that is not a doctor's, 409 once decided.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { reviewDoctor } from '@/lib/data/doctor-review';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { MAIL_DELIVERY_EVENT } from '@/lib/mail/enqueue';

export const POST = route<{ userId: string }>({ kind: 'user', param: 'userId' }, async (_req, { userId }) => {
  await requireCaller(['ADMIN']);
  if (!z.uuid().safeParse(userId).success) throw notFound('doctor');
  const result = await reviewDoctor(userId, { approve: true });
  after(() => dispatch([MAIL_DELIVERY_EVENT]));
  return NextResponse.json(result);
});
