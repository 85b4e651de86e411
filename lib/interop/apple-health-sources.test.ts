// Unit: how an Apple Health source becomes one of our device kinds (and so its dedup priority).
import { describe, expect, it } from 'vitest';
import { describeSource } from './apple-health-sources';

const device = (name: string, model: string, hardware = '') =>
  `<<HKDevice: 0x1>, name:${name}, manufacturer:Some Inc., model:${model}${hardware ? `, hardware:${hardware}` : ''}, software:1.0>`;

describe('describeSource', () => {
  it('takes a CGM app or device for a continuous glucose monitor (priority 60), not a generic app', () => {
    expect(describeSource('Dexcom G7', device('G7', 'G7'))).toMatchObject({ kind: 'cgm', priority: 60 });
    expect(describeSource('LibreLink', undefined)).toMatchObject({ kind: 'cgm', priority: 60 });
    expect(describeSource('Health', device('Eversense', 'E3'))).toMatchObject({ kind: 'cgm' });
  });

  it('keeps watches, phones and other apps as before', () => {
    expect(describeSource('Watch', device('Apple Watch', 'Watch', 'Watch6,1'))).toMatchObject({ kind: 'watch', priority: 100 });
    expect(describeSource('Phone', device('iPhone', 'iPhone', 'iPhone14,2'))).toMatchObject({ kind: 'phone', priority: 80 });
    expect(describeSource('Glucose App', undefined)).toMatchObject({ kind: 'app', priority: 50 });
  });
});
