// The bridges' route bodies: the sync route's per-device rate limit (keyed on the token, as the URL names
// no device), then the shared receiver; `onStored` (the route's) starts the pipeline after the answer.
import { env } from '../env';
import { enforceRateLimits } from '../security/rate-limit';
import { bridgeToken, receiveBridge, type Bridge } from './receive';

export async function handleBridge(req: Request, bridge: Bridge, onStored: (userId: string) => void): Promise<Response> {
  const token = bridgeToken(req.headers);
  if (token) {
    const rule = { scope: 'sync:bridge', limit: env().rateLimits.syncPerDevicePerMinute, windowSeconds: 60 };
    await enforceRateLimits([{ rule, subject: token }]);
  }
  return receiveBridge(req, bridge, onStored);
}
