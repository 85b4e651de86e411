// DELETE /api/v1/users/me/push-subscriptions/:id — stop Web Push to one of the caller's browsers (the
// list's Remove). Someone else's subscription is not found.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { deletePushSubscription } from '@/lib/data/push-subscriptions';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const DELETE = route<{ id: string }>('caller', async (_req, { id }) => {
  const caller = await requireCaller();
  if (!z.uuid().safeParse(id).success || !(await deletePushSubscription(caller.id, id))) throw notFound('push subscription');
  return new NextResponse(null, { status: 204 });
});
