// Integration: POST /api/v1/devices/:id/sync is rate-limited per device (429 RATE_LIMITED, Retry-After).
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { createDevice, createUser } from '@/test/factories';
import { api } from '@/test/http';

describe('POST /api/v1/devices/:id/sync rate limit', () => {
  it('answers 429 with Retry-After past the per-device limit, and only for that device', async () => {
    const user = await createUser();
    const device = await createDevice(user.id);
    const other = await createDevice(user.id, 'phone');
    const limit = env().rateLimits.syncPerDevicePerMinute;
    // A body that is not JSON is refused cheaply (415) but still counts. At most two windows' worth.
    const send = (d: { id: string; token: string }) => api(`/api/v1/devices/${d.id}/sync`, { method: 'POST', body: 'x', token: d.token });
    let limited: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i <= 2 * limit && !limited; i++) {
      const res = await send(device);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(415);
    }
    expect(limited?.body.error).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await send(other)).status).toBe(415);
    // Without the token nobody uses up the device's allowance: the answer stays 401.
    expect((await api(`/api/v1/devices/${device.id}/sync`, { method: 'POST', body: 'x', token: 'hdt_wrong' })).status).toBe(401);
  });
});
