// Malformed sync requests, deterministic for a seed: random JSON (fast-check), wrong types, huge and
// non-finite numbers, impossible dates, hostile unicode, deep nesting, oversized bodies, wrong content
// types. `validSamples` is how many valid, never-seen samples the payload also carries (a batch with
// some valid samples is accepted in part; all the others must change nothing).
import fc from 'fast-check';
import { createRng, type Rng } from '../../lib/demo/prng';

export type Payload = { kind: string; body: string | Uint8Array; contentType: string | null; validSamples: number };

const DAY = 86_400_000;
const TYPES = ['HEART_RATE', 'STEPS', 'WEIGHT', 'BLOOD_GLUCOSE', 'SLEEP_ANALYSIS', 'OXYGEN_SATURATION', 'WORKOUT'];
const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', '💓', 'ＨＥＡＲＴ＿ＲＡＴＥ', 'heart_rate', 'HEART_RATE\n', '\u202eETAR_TRAEH', 'null', 'NaN', 'Infinity',
  '-Infinity', '1e309', '<script>alert(1)</script>', "'; DROP TABLE health_samples; --", '%00', '../../etc/passwd', 'x'.repeat(300), 'é'.repeat(200),
];
const HOSTILE_NUMBERS = ['1e309', '-1e309', '1e308', '-1e308', '5e-324', '-0', '9007199254740993', '123456789012345678901234567890', '0.1e-400', '2147483648', '-1'];
const BAD_DATES = [
  '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-01T24:00:01Z', '2026-01-01T23:59:60Z', '2026-01-01T10:61:00Z',
  '+275760-09-13T00:00:01Z', '-271821-04-19T23:59:59Z', '0000-00-00T00:00:00Z', '9999-12-31T23:59:59Z', '1969-12-31T23:59:59Z', '2026-01-01',
  '2026-01-01T00:00:00', '2026-01-01T00:00:00+25:00', '2026-W01-1', 'yesterday', '', '\u0000', '1700000000000', '２０２６-01-01T00:00:00Z',
];
const CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json-seq', 'json', '*/*', 'application/jsonx'];

function validSample(rng: Rng, id: string): Record<string, unknown> {
  const at = new Date(Date.now() - rng.int(1, 20) * DAY - rng.int(0, 86_000) * 1000).toISOString();
  return { type: 'HEART_RATE', value: rng.int(40, 180), unit: 'count/min', startDate: at, endDate: at, clientRecordId: id };
}

/** One plausible sample with one field broken. */
function brokenSample(rng: Rng): Record<string, unknown> {
  const sample: Record<string, unknown> = validSample(rng, `broken-${rng.int(0, 1e9)}`);
  const field = rng.pick(['type', 'value', 'unit', 'startDate', 'endDate', 'clientRecordId', 'version', 'metadata', 'order']);
  const weird = () => rng.pick<unknown>([null, true, 0, -1, [], {}, [1, 2], { a: 1 }, rng.pick(HOSTILE_STRINGS), 1e308, -1e308]);
  switch (field) {
    case 'type': sample.type = rng.next() < 0.5 ? rng.pick(HOSTILE_STRINGS) : weird(); break;
    case 'value': sample.value = rng.next() < 0.5 ? rng.pick(['NaN', 'Infinity', '72', '', null, {}, [72], true]) : rng.pick([1e308, -1e308, -5, 1e6, 5e-324]); break;
    case 'unit': sample.unit = rng.next() < 0.5 ? rng.pick(HOSTILE_STRINGS) : weird(); break;
    case 'startDate': sample.startDate = rng.next() < 0.7 ? rng.pick(BAD_DATES) : weird(); break;
    case 'endDate': sample.endDate = rng.next() < 0.5 ? rng.pick(BAD_DATES) : new Date(Date.parse(sample.startDate as string) - 60_000).toISOString(); break;
    case 'clientRecordId': sample.clientRecordId = rng.next() < 0.5 ? rng.pick(['', '\u0000', '\ud800x', 'x'.repeat(257), 'y'.repeat(5000)]) : weird(); break;
    case 'version': sample.version = rng.pick([-1, 1.5, 2 ** 31, 2 ** 53, '3', null, {}, 1e309]); break;
    case 'metadata': sample.metadata = rng.pick<unknown>(['text', 42, [1], { k: '\u0000' }, { '\ud800': 1 }, nest(rng.int(9, 50)), { big: 'z'.repeat(5000) }]); break;
    default: sample.type = 'WEIGHT'; // a heart-rate value in kg-less units: unit mismatch
  }
  return sample;
}

function nest(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) v = { n: v };
  return v;
}

/** Replaces numeric tokens of a JSON text with hostile ones (1e309, -0, 2^53+1…), which JSON.stringify cannot write. */
function withHostileNumbers(text: string, rng: Rng): string {
  return text.replace(/-?\d+(\.\d+)?/g, (m) => (rng.next() < 0.5 ? rng.pick(HOSTILE_NUMBERS) : m));
}

export function generatePayloads(count: number, seed: number): Payload[] {
  const rng = createRng(seed, 'chaos-payloads');
  const randomJson = fc.sample(fc.jsonValue({ maxDepth: 6 }), { numRuns: count, seed });
  const out: Payload[] = [];
  const json = (kind: string, value: unknown, validSamples = 0): Payload => ({ kind, body: JSON.stringify(value), contentType: 'application/json', validSamples });
  for (let i = 0; i < count; i += 1) {
    // Oversized bodies and 5,001-sample batches cost the most to send: 4 % of the payloads between them.
    const roll = rng.next() < 0.04 ? rng.pick([9, 10]) : rng.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13]);
    switch (roll) {
      case 0: out.push(json('random JSON body', randomJson[i])); break;
      case 1: out.push(json('samples: random JSON', { samples: randomJson[i] })); break;
      case 2: out.push(json('samples: random JSON items', { samples: [randomJson[i], randomJson[(i + 1) % count]] })); break;
      case 3: out.push(json('one field broken', { samples: Array.from({ length: rng.int(1, 20) }, () => brokenSample(rng)) })); break;
      case 4: {
        const valid = rng.int(1, 3);
        const samples = [...Array.from({ length: valid }, (_, k) => validSample(rng, `mixed-${seed}-${i}-${k}`)), ...Array.from({ length: rng.int(1, 5) }, () => brokenSample(rng))];
        out.push(json('valid and broken samples', { samples: samples.sort(() => rng.next() - 0.5) }, valid));
        break;
      }
      case 5: out.push({ ...json('hostile numbers', null), body: withHostileNumbers(JSON.stringify({ samples: [validSample(rng, `n-${i}`), { version: 1, value: 2 }] }), rng).replace('"value":', `"value":${rng.pick(HOSTILE_NUMBERS)},"v":`) }); break;
      case 6: out.push(json('impossible dates', { samples: [{ ...validSample(rng, `d-${i}`), startDate: rng.pick(BAD_DATES), endDate: rng.pick(BAD_DATES) }] })); break;
      case 7: out.push(json('hostile unicode', { samples: [{ ...validSample(rng, rng.pick(HOSTILE_STRINGS) || 'u'), type: rng.pick([...HOSTILE_STRINGS, ...TYPES]), unit: rng.pick(HOSTILE_STRINGS) }], [rng.pick(HOSTILE_STRINGS)]: 1 })); break;
      case 8: {
        const depth = rng.pick([100, 1000, 5000, 20_000, 200_000]);
        const text = rng.next() < 0.5 ? `{"samples":${'['.repeat(depth)}${']'.repeat(depth)}}` : `{"samples":[{"metadata":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`;
        out.push({ kind: 'deep nesting', body: text, contentType: 'application/json', validSamples: 0 });
        break;
      }
      case 9: {
        const size = rng.pick([8 * 1024 * 1024 + 1, 9 * 1024 * 1024, 12 * 1024 * 1024]);
        out.push({ kind: 'oversized body', body: new Uint8Array(size).fill(0x20), contentType: 'application/json', validSamples: 0 });
        break;
      }
      case 10: out.push({ ...json('too many samples', { samples: Array.from({ length: 5001 }, (_, k) => validSample(rng, `many-${i}-${k}`)) }) }); break;
      case 11: out.push({ ...json('wrong content type', { samples: [validSample(rng, `ct-${i}`)] }), contentType: rng.next() < 0.2 ? null : rng.pick(CONTENT_TYPES) }); break;
      case 12: {
        const text = JSON.stringify({ samples: [validSample(rng, `t-${i}`)] });
        const cut = rng.int(0, text.length - 1);
        out.push({ kind: 'truncated or garbled JSON', body: rng.next() < 0.5 ? text.slice(0, cut) : text.slice(0, cut) + '\u0000\ufffd}' + text.slice(cut), contentType: 'application/json', validSamples: 0 });
        break;
      }
      default: out.push({ kind: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x73, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x5b, 0x5d, 0x7d]), contentType: 'application/json', validSamples: 0 });
    }
  }
  return out;
}
