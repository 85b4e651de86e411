// POST /api/v1/bridges/health-connect — Android Health Connect relayed by the HC Webhook app (JSON
// delivery) with a device token (Authorization: Bearer or X-Device-Token); stored like a sync (lib/bridges).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { route } from '@/lib/http/handler';
import { mapHealthConnectWebhook } from '@/lib/bridges/health-connect-webhook';
import { handleBridge } from '@/lib/bridges/routes';

const BRIDGE = { name: 'health-connect', map: mapHealthConnectWebhook, shape: 'HC Webhook JSON ({"timestamp": ..., "steps": [...], ...})' };

export const POST = route('device', (req) =>
  handleBridge(req, BRIDGE, (userId) => after(() => dispatch([{ key: 'samplesSynced', data: { userId } }]))),
);
