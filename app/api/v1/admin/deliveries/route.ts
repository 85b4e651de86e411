// GET /api/v1/admin/deliveries — per channel (email, push) the messages queued in the last 24 h and 7 days
// by status (sent, failed, pending) and the latest failures with their reasons; admins only. Names no
// address, endpoint or message content.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { deliveryOverview } from '@/lib/data/admin-deliveries';
import { route } from '@/lib/http/handler';

export const GET = route('nobody', async () => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await deliveryOverview());
});
