// POST /api/v1/notifications/:id/read — marks one of the caller's notifications read.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { isUuid } from '@/lib/data/access';
import { markNotificationRead } from '@/lib/data/notification-center';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

export const POST = route<{ id: string }>({ kind: 'notification', param: 'id' }, async (_req, { id }) => {
  const caller = await requireCaller();
  if (!isUuid(id) || !(await markNotificationRead(caller.id, id))) throw notFound('notification');
  return NextResponse.json({ id, status: 'READ' });
});
