// GET /api/v1/notifications/unread-count — { unread, emergencies }: how many of the caller's delivered
// notifications are unread, and how many of those are emergencies. Cheap: the bell polls it.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { countUnread } from '@/lib/data/notification-center';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async () => {
  const caller = await requireCaller();
  return NextResponse.json(await countUnread(caller.id));
});
