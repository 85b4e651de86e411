// The pump and loop status in the reader's language: times ago, warnings and numbers (Bengali in its
// own digits), the loop system's name and units as the apps write them.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/messages';
import type { DeviceStatusSummary } from '@/lib/nightscout/devicestatus';
import { ago, DeviceStatusView } from './device-status';

const NOW = Date.UTC(2026, 10, 21, 10);
const MIN = 60_000;

describe('ago', () => {
  it('says how long ago in English by default, and in the given language', () => {
    expect(ago(NOW - 4 * MIN, NOW)).toBe('4 min ago');
    expect(ago(NOW - 125 * MIN, NOW)).toBe('2 h 5 min ago');
    expect(ago(NOW - 3 * 24 * 60 * MIN, NOW)).toBe('3 days ago');
    expect(ago(null, NOW, translator('hi', 'nightscout'))).toBe('पता नहीं');
    expect(ago(NOW - 4 * MIN, NOW, translator('hi', 'nightscout'))).toBe('4 min पहले');
  });
});

describe('DeviceStatusView', () => {
  it('renders warnings and values in Bengali', () => {
    const status = {
      siteId: 's',
      atMs: NOW - 2 * MIN,
      device: 'Trio',
      loop: { system: 'Trio', lastRunMs: NOW - 20 * MIN, failureReason: null, iob: 1.25, cob: 10, enacted: null },
      pump: { reservoir: 9, battery: 80, batteryVoltage: null, status: null, suspended: false, clockMs: null, atMs: NOW },
      uploader: { battery: 55, charging: true, atMs: NOW, device: 'phone' },
    } as unknown as DeviceStatusSummary;
    const html = renderToStaticMarkup(<DeviceStatusView status={status} nowMs={NOW} locale="bn" />);
    expect(html).toContain('লুপ ১৫ মিনিটের বেশি চলেনি');
    expect(html).toContain('Trio-এর শেষ রান');
    expect(html).toContain('১.২৫ U');
    expect(html).toContain('৫৫%');
    expect(html).not.toContain('Reservoir');
  });
});
