// GET /api/v1/notifications — the caller's delivered notifications, newest first.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listNotifications } from '@/lib/data/notifications';
import { route } from '@/lib/http/handler';

export const GET = route({ caller: true, list: 'notifications' }, async () => {
  const caller = await requireCaller();
  return NextResponse.json({ notifications: await listNotifications(caller.id) });
});
