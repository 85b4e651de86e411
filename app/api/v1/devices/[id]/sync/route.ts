// POST /api/v1/devices/:id/sync — a device pushes samples with its bearer token (see lib/ingest); after
// the response, the pipeline aggregates them.
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { route } from '@/lib/http/handler';
import { syncDeviceSamples } from '@/lib/ingest/sync-device';

export const POST = route<{ id: string }>((req, { id }) =>
  syncDeviceSamples(req, id, (userId) => after(() => dispatch([{ key: 'samplesSynced', data: { userId } }]))),
);
