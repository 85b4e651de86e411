// POST /api/v1/admin/deliveries/:channel/:id/retry — puts a failed e-mail or push delivery back in its
// queue (409 when it is not failed, or a push whose subscription is gone); its channel's job runs after
// the answer. The audit row carries the channel and id.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { DELIVERY_CHANNELS, DELIVERY_EVENT, retryDelivery } from '@/lib/data/admin-deliveries';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

const params = z.object({ channel: z.enum(DELIVERY_CHANNELS), id: z.uuid() });

export const POST = route<{ channel: string; id: string }>('nobody', async (_req, raw) => {
  await requireCaller(['ADMIN']);
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw notFound('delivery');
  const { channel, id } = parsed.data;
  const result = await retryDelivery(channel, id);
  after(() => dispatch([DELIVERY_EVENT[channel]]));
  return NextResponse.json(result);
});
