// Device types and their default dedup priority (dedup.md: watch 100, phone 80, tablet 70, third-party
// wearable 50, continuous glucose monitor 60, third-party scale / cuff / glucometer 40, manual entry 10).
// The seed design's names are accepted as aliases. A `cgm` device's glucose is interstitial, another
// measurement than a meter's fingerstick: the two never cancel each other in dedup.
import { z } from 'zod';

export const DEVICE_TYPES = [
  'watch',
  'phone',
  'tablet',
  'wearable',
  'scale',
  'bp_monitor',
  'glucometer',
  'cgm',
  'thermometer',
  'pulse_oximeter',
  'manual',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const DEFAULT_PRIORITY: Record<DeviceType, number> = {
  watch: 100,
  phone: 80,
  tablet: 70,
  wearable: 50,
  scale: 40,
  bp_monitor: 40,
  glucometer: 40,
  cgm: 60,
  thermometer: 40,
  pulse_oximeter: 40,
  manual: 10,
};

export const DEVICE_TYPE_ALIASES: Record<string, DeviceType> = {
  apple_watch: 'watch',
  iphone: 'phone',
  ipad: 'tablet',
  third_party_wearable: 'wearable',
  third_party_scale: 'scale',
  manual_entry: 'manual',
  continuous_glucose_monitor: 'cgm',
};

/** Accepts a device type or one of its seed-design aliases; outputs the canonical type. */
export const deviceTypeSchema = z
  .string()
  .transform((value) => DEVICE_TYPE_ALIASES[value] ?? value)
  .pipe(z.enum(DEVICE_TYPES, { message: `must be one of: ${DEVICE_TYPES.join(', ')}` }));

export const PRIORITY_RANGE = { min: 0, max: 1000 } as const;
