// POST /api/v1/devices/:id/sync — a device pushes samples with its bearer token (see lib/ingest); after
// the response, the pipeline aggregates them. Rate-limited per device and token (429 with Retry-After).
import { after } from 'next/server';
import { dispatch } from '@/inngest/dispatch';
import { bearerToken } from '@/lib/auth/tokens';
import { env } from '@/lib/env';
import { route } from '@/lib/http/handler';
import { syncDeviceSamples } from '@/lib/ingest/sync-device';
import { enforceRateLimits } from '@/lib/security/rate-limit';

export const POST = route<{ id: string }>({ kind: 'device', param: 'id' }, async (req, { id }) => {
  // Keyed on the token too, so a caller without the device's token cannot use up the device's allowance.
  const token = bearerToken(req.headers.get('authorization'));
  if (token) {
    const rule = { scope: 'sync:device', limit: env().rateLimits.syncPerDevicePerMinute, windowSeconds: 60 };
    await enforceRateLimits([{ rule, subject: `${id}\n${token}` }]);
  }
  return syncDeviceSamples(req, id, (userId) => after(() => dispatch([{ key: 'samplesSynced', data: { userId } }])));
});
