// A sample sync body fitting each device type (for the instructions). The types' plain names are
// messages: devices.kinds.<type>.
import type { DeviceType } from '@/lib/devices/device-types';

type Sample = { type: string; value: number; unit: string; startDate: string; endDate: string; clientRecordId: string };

/** One or two realistic samples for this kind of device, ending `nowMs`. */
export function sampleBody(type: DeviceType, nowMs: number): { samples: Sample[] } {
  const at = new Date(nowMs - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const start = new Date(nowMs - 31 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const reading = (t: string, value: number, unit: string, id: string): Sample => ({ type: t, value, unit, startDate: at, endDate: at, clientRecordId: id });
  switch (type) {
    case 'scale':
      return { samples: [reading('WEIGHT', 70.5, 'kg', 'weight-1')] };
    case 'bp_monitor':
      return { samples: [reading('BLOOD_PRESSURE_SYSTOLIC', 121, 'mm[Hg]', 'bp-1-sys'), reading('BLOOD_PRESSURE_DIASTOLIC', 79, 'mm[Hg]', 'bp-1-dia')] };
    case 'glucometer':
      return { samples: [reading('BLOOD_GLUCOSE', 104, 'mg/dL', 'glucose-1')] };
    case 'cgm':
      return { samples: [reading('BLOOD_GLUCOSE', 112, 'mg/dL', 'cgm-1')] };
    case 'thermometer':
      return { samples: [reading('BODY_TEMPERATURE', 36.8, 'Cel', 'temp-1')] };
    case 'pulse_oximeter':
      return { samples: [reading('OXYGEN_SATURATION', 97, '%', 'spo2-1')] };
    default:
      return { samples: [{ type: 'STEPS', value: 1200, unit: 'count', startDate: start, endDate: at, clientRecordId: 'steps-1' }] };
  }
}

/** A copyable curl command that syncs `body` with the device's token. */
export function curlExample(opts: { origin: string; deviceId: string; token: string; body: unknown }): string {
  return [
    `curl -X POST '${opts.origin}/api/v1/devices/${opts.deviceId}/sync' \\`,
    `  -H 'Authorization: Bearer ${opts.token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Idempotency-Key: first-sync-1' \\`,
    `  -d '${JSON.stringify(opts.body)}'`,
  ].join('\n');
}
