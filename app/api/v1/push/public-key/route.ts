// GET /api/v1/push/public-key — the VAPID public key a browser subscribes with (its applicationServerKey);
// 404 PUSH_NOT_CONFIGURED when Web Push is off on this server.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { ApiError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { PUSH_OFF_REASON, vapid } from '@/lib/notify/push-config';

export const GET = route('caller', async () => {
  await requireCaller();
  const keys = vapid();
  if (!keys) throw new ApiError('PUSH_NOT_CONFIGURED', PUSH_OFF_REASON);
  return NextResponse.json({ publicKey: keys.publicKey });
});
