// Integration (real PostgreSQL): the per-type priority overrides of a user's devices.
import { describe, expect, it } from 'vitest';
import { createDevice, createUser } from '@/test/factories';
import { listTypePriorities, setTypePriorities } from './devices';

describe('listTypePriorities', () => {
  it("lists the overrides of the owner's devices only, by device and type", async () => {
    const owner = await createUser();
    const other = await createUser();
    const watch = await createDevice(owner.id, 'watch', 'Watch');
    const phone = await createDevice(owner.id, 'phone', 'Phone');
    const theirs = await createDevice(other.id, 'watch', 'Their watch');
    expect(await listTypePriorities(owner.id)).toEqual([]);

    await setTypePriorities(owner.id, watch.id, { STEPS: 20, HEART_RATE: 120 });
    await setTypePriorities(owner.id, phone.id, { STEPS: 90 });
    await setTypePriorities(other.id, theirs.id, { STEPS: 1 });
    const rows = await listTypePriorities(owner.id);
    // By device id, then in catalogue order (STEPS before HEART_RATE).
    const watchRows = [
      { deviceId: watch.id, healthType: 'STEPS', priority: 20 },
      { deviceId: watch.id, healthType: 'HEART_RATE', priority: 120 },
    ];
    const phoneRows = [{ deviceId: phone.id, healthType: 'STEPS', priority: 90 }];
    expect(rows).toEqual(watch.id < phone.id ? [...watchRows, ...phoneRows] : [...phoneRows, ...watchRows]);

    await setTypePriorities(owner.id, watch.id, { STEPS: null });
    expect((await listTypePriorities(owner.id)).filter((r) => r.deviceId === watch.id)).toEqual([{ deviceId: watch.id, healthType: 'HEART_RATE', priority: 120 }]);
  });
});
