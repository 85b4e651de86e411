// POST /api/v1/notifications/read-all?category=&through= — marks the caller's unread notifications read
// (of one category; delivered no later than `through`, so one that arrived after the page loaded stays
// unread) → { marked }. Never anyone else's.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { markAllNotificationsRead } from '@/lib/data/notification-center';
import { route } from '@/lib/http/handler';
import { parseQuery, readAllQuery } from '../query';

export const POST = route('caller', async (req) => {
  const caller = await requireCaller();
  return NextResponse.json({ marked: await markAllNotificationsRead(caller.id, parseQuery(readAllQuery, req)) });
});
