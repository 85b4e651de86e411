// Puts a generated user into the database the way devices do: a user with a profile, one registered
// device per source, and each device's samples through the real sync path (parseSyncBatch, then
// storeSyncBatch) in batches of at most MAX_SAMPLES. Not timed: ingest has its own benchmark.
import { registerDevice } from '../../lib/data/devices';
import { storeSyncBatch } from '../../lib/data/sync-samples';
import type { DeviceType } from '../../lib/devices/device-types';
import { MAX_SAMPLES, parseSyncBatch } from '../../lib/ingest/sync-batch';
import { createBenchUser } from '../server';
import type { DeviceKey, UserData } from './generate';

const DEVICE_TYPES: Record<DeviceKey, DeviceType> = { watch: 'watch', phone: 'phone', scale: 'scale' };

export function createUser(opts: { label: string; timeZone: string; passwordHash?: string }): Promise<{ id: string; email: string }> {
  const email = `${opts.label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@bench.test`;
  return createBenchUser({ email, passwordHash: opts.passwordHash ?? 'not-a-hash', name: opts.label, timeZone: opts.timeZone });
}

/** Stores every device's samples; returns how many were stored (all of them, or it throws). */
export async function storeUserData(userId: string, timeZone: string, data: UserData): Promise<number> {
  let stored = 0;
  for (const key of Object.keys(data) as DeviceKey[]) {
    const device = await registerDevice(userId, { name: `Bench ${key}`, type: DEVICE_TYPES[key] });
    const samples = data[key];
    for (let i = 0; i < samples.length; i += MAX_SAMPLES) {
      const batch = parseSyncBatch({ samples: samples.slice(i, i + MAX_SAMPLES) }, Date.now());
      if (batch.rejected.length > 0) throw new Error(`generated sample rejected: ${JSON.stringify(batch.rejected[0])}`);
      const outcome = await storeSyncBatch({
        device: { id: device.id, userId, timeZone },
        samples: batch.samples,
        idempotency: null,
        buildResponse: (counts) => ({ status: 200, body: counts }),
      });
      if (outcome.kind !== 'stored' || outcome.duplicates > 0) throw new Error(`batch not fully stored: ${JSON.stringify(outcome)}`);
      stored += outcome.accepted;
    }
  }
  return stored;
}
