// GET /api/v1/users/me/push-subscriptions — the caller's browsers that receive Web Push. POST — subscribe
// this browser (PushSubscription.toJSON(), optional label): 201 new, 200 when the browser registered
// again (keys replaced). DELETE ?endpoint= — unsubscribe the browser holding that endpoint (204; 404 none).
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { deletePushSubscriptionByEndpoint, listPushSubscriptions, savePushSubscription } from '@/lib/data/push-subscriptions';
import { ApiError, notFound } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/handler';
import { PUSH_OFF_REASON, vapid } from '@/lib/notify/push-config';
import { browserLabel } from '@/lib/notify/push-label';
import { getLocale } from '@/lib/i18n/server';
import { subscriptionBody } from '@/lib/notify/push-subscription-input';

export const GET = route('caller', async () => {
  const caller = await requireCaller();
  return NextResponse.json({ subscriptions: await listPushSubscriptions(caller.id) });
});

export const POST = route('caller', async (req: NextRequest) => {
  const caller = await requireCaller();
  if (!vapid()) throw new ApiError('PUSH_NOT_CONFIGURED', PUSH_OFF_REASON);
  const body = subscriptionBody().parse((await readJson(req, 8 * 1024)).json);
  const saved = await savePushSubscription(caller.id, {
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    label: body.label ?? browserLabel(req.headers.get('user-agent'), await getLocale()),
  });
  return NextResponse.json({ id: saved.id, label: saved.label, createdAt: saved.createdAt }, { status: saved.created ? 201 : 200 });
});

const byEndpoint = z.object({ endpoint: z.string().min(1, 'is required: the subscription endpoint to remove').max(2048) });

export const DELETE = route('caller', async (req: NextRequest) => {
  const caller = await requireCaller();
  const { endpoint } = byEndpoint.parse({ endpoint: req.nextUrl.searchParams.get('endpoint') ?? '' });
  if (!(await deletePushSubscriptionByEndpoint(caller.id, endpoint))) throw notFound('push subscription');
  return new NextResponse(null, { status: 204 });
});
