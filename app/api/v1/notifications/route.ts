// GET /api/v1/notifications?unread=&category=&before=&limit= — the caller's delivered notifications,
// newest first, each with where it leads for them and (emergencies) the episode's state; with the
// caller's unread count and the cursor of the next page. Any signed-in role.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listNotificationPage } from '@/lib/data/notification-center';
import { route } from '@/lib/http/handler';
import { listQuery, parseQuery } from './query';

export const GET = route({ caller: true, list: 'notifications' }, async (req) => {
  const caller = await requireCaller();
  return NextResponse.json(await listNotificationPage(caller, parseQuery(listQuery, req)));
});
