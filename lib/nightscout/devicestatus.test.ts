// Unit: the latest devicestatus documents summed up (Loop from NightscoutKit's fixtures, Trio's
// NightscoutStatus.swift, AndroidAPS's nssdk RemoteDeviceStatus, xDrip+'s battery-only status) and
// what needs a look.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { deviceStatusWarnings, summarizeDeviceStatuses } from './devicestatus';

const require = createRequire(import.meta.url);
const loop = require('/work/shared/fixtures/nightscout/nightscoutkit-devicestatus.js') as Record<string, Record<string, unknown> & { created_at: string }>;

const at = (d: { created_at: string }) => Date.parse(d.created_at);
const MIN = 60_000;

describe('summarizeDeviceStatuses', () => {
  it('Loop (NightscoutKit fullLoop): pump, loop and phone', () => {
    const s = summarizeDeviceStatuses([{ doc: loop.fullLoop!, dateMs: at(loop.fullLoop!) }])!;
    expect(s.device).toBe('loop://iPhone');
    expect(s.uploader).toMatchObject({ battery: 72 });
    expect(s.pump).toMatchObject({ reservoir: 125.5, suspended: false, battery: null });
    expect(s.loop).toMatchObject({ system: 'Loop', lastRunMs: at(loop.fullLoop!), iob: 2.5, cob: 25, enacted: { rate: 1.2, durationMin: 30, received: true }, failureReason: null });
    expect(deviceStatusWarnings(s, at(loop.fullLoop!) + 5 * MIN)).toEqual([]);
    expect(deviceStatusWarnings(s, at(loop.fullLoop!) + 16 * MIN)).toEqual(['loop-stale']);
  });

  it('a failed Loop run: the failure, and the last successful run from an older status', () => {
    const ok = { doc: loop.withEnacted!, dateMs: at(loop.withEnacted!) };
    const failed = { doc: { ...loop.withFailure!, created_at: loop.fullLoop!.created_at, loop: { ...(loop.withFailure!.loop as object), timestamp: loop.fullLoop!.created_at } }, dateMs: at(loop.fullLoop!) };
    const s = summarizeDeviceStatuses([failed, ok])!;
    expect(s.loop).toMatchObject({ failureReason: 'Pump communication timeout', lastRunMs: at(loop.withEnacted!) });
    expect(deviceStatusWarnings(s, at(loop.fullLoop!))).toEqual(['loop-failed']);
  });

  it('Trio (NightscoutStatus.swift): openaps iob/suggested/enacted, pump status, uploader battery', () => {
    const t = Date.UTC(2026, 10, 20, 8, 0, 0);
    const iso = (ms: number) => new Date(ms).toISOString();
    const doc = {
      device: 'Trio',
      openaps: {
        iob: { iob: 1.25, basaliob: 0.3, time: iso(t) },
        suggested: { timestamp: iso(t), COB: 18, IOB: 1.25, rate: 0.9, duration: 30, reason: 'COB: 18, Dev: 5' },
        enacted: { timestamp: iso(t - 5 * MIN), rate: 1.1, duration: 30, received: true, COB: 20 },
        version: '0.5.0',
      },
      pump: { clock: iso(t), battery: { percent: 15 }, reservoir: 12.5, status: { status: 'normal', suspended: false, bolusing: false } },
      uploader: { battery: 80, isCharging: true },
    };
    const s = summarizeDeviceStatuses([{ doc, dateMs: t }])!;
    expect(s.loop).toMatchObject({ system: 'Trio', lastRunMs: t, iob: 1.25, cob: 18, suggested: { rate: 0.9 }, enacted: { rate: 1.1, atMs: t - 5 * MIN } });
    expect(s.pump).toMatchObject({ reservoir: 12.5, battery: 15, suspended: false, clockMs: t });
    expect(s.uploader).toMatchObject({ battery: 80, charging: true });
    expect(deviceStatusWarnings(s, t + MIN)).toEqual(['reservoir-low', 'pump-battery-low']);
  });

  it('AndroidAPS (nssdk RemoteDeviceStatus) with a suspended pump; xDrip+ battery-only statuses in between', () => {
    const t = Date.UTC(2026, 10, 20, 8, 0, 0);
    const aaps = {
      device: 'openaps://samsung SM-A525F',
      created_at: new Date(t).toISOString(),
      uploaderBattery: 18,
      pump: { clock: new Date(t).toISOString(), reservoir: 80, battery: { percent: 60 }, status: { status: 'suspended', timestamp: new Date(t).toISOString() } },
      openaps: { suggested: { timestamp: new Date(t).toISOString(), IOB: 0.4, COB: 0, rate: 0, duration: 30, reason: 'low' }, iob: { iob: 0.4, time: new Date(t).toISOString() } },
    };
    const xdrip = { device: 'xDrip-DexcomG6', uploaderBattery: 90 };
    const s = summarizeDeviceStatuses([{ doc: xdrip, dateMs: t + 2 * MIN }, { doc: aaps, dateMs: t }])!;
    expect(s.device).toBe('xDrip-DexcomG6');
    expect(s.uploader).toMatchObject({ battery: 90, device: 'xDrip-DexcomG6' }); // the newest phone report
    expect(s.loop).toMatchObject({ system: 'AndroidAPS', lastRunMs: t, iob: 0.4 });
    expect(s.pump).toMatchObject({ suspended: true, reservoir: 80 });
    expect(deviceStatusWarnings(s, t + 3 * MIN)).toEqual(['pump-suspended']);
  });

  it('nothing posted: null; a status without a loop never claims the loop ran', () => {
    expect(summarizeDeviceStatuses([])).toBeNull();
    const s = summarizeDeviceStatuses([{ doc: loop.minimal!, dateMs: at(loop.minimal!) }])!;
    expect(s).toMatchObject({ loop: null, pump: null, uploader: null });
    expect(deviceStatusWarnings(s, at(loop.minimal!))).toEqual([]);
  });
});
