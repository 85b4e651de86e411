// The integrator guide's examples (/developers), in one place: the page renders them (as curl commands and
// answers) and lib/docs/integrator-examples.test.ts replays every one against the real server, so what
// the guide shows is what the server does. `<name>` in a request is a value an earlier answer gave (or the
// caller's session); in an answer it is a value that varies, bound the first time it is seen and the same
// wherever it appears again. `<name:number>` is a number.

export const EXAMPLE_ORIGIN = 'https://pulse.example.org';

export type HttpExample = {
  method: 'POST';
  /** Below the server's origin. */
  path: string;
  headers: Record<string, string>;
  /** Sent as pretty-printed JSON (bodyText): the exact bytes an Idempotency-Key's replay compares. */
  body: unknown;
  status: number;
  /** Headers of the answer worth knowing (others are not shown). */
  responseHeaders?: Record<string, string>;
  /** The whole answer: every field, no more. */
  response: unknown;
};

const json = { 'Content-Type': 'application/json' };
const session = { Cookie: 'next-auth.session-token=<session>' };
const device = (key: string) => ({ Authorization: 'Bearer <token>', ...json, 'Idempotency-Key': key });
const syncPath = '/api/v1/devices/<deviceId>/sync';

const heartRate = { type: 'HEART_RATE', value: 62, unit: 'count/min', startDate: '2025-06-01T07:30:00+05:30', endDate: '2025-06-01T07:30:00+05:30', clientRecordId: 'hr-20250601-0730' };
const steps = { type: 'STEPS', value: 1200, unit: 'count', startDate: '2025-06-01T07:00:00+05:30', endDate: '2025-06-01T07:30:00+05:30', clientRecordId: 'steps-20250601-0700' };
const implausible = { type: 'HEART_RATE', value: 620, unit: 'count/min', startDate: '2025-06-01T07:31:00+05:30', endDate: '2025-06-01T07:31:00+05:30', clientRecordId: 'hr-20250601-0731' };
const syncBody = { samples: [heartRate, steps, implausible] };
const syncAnswer = { accepted: 2, duplicates: 0, rejected: [{ index: 2, field: 'value', reason: 'must be between 20 and 300 count/min' }] };

const badSamples = [
  { type: 'HEART_RATE', value: 64, unit: 'count/min', startDate: '2025-06-01 07:45', endDate: '2025-06-01 07:45' },
  { type: 'HEARTRATE', value: 64, unit: 'count/min', startDate: '2025-06-01T07:45:00+05:30', endDate: '2025-06-01T07:45:00+05:30' },
];
const badRejections = [
  { index: 0, field: 'startDate', reason: 'must be ISO-8601 with a time zone offset, e.g. 2026-11-21T08:30:00Z' },
  { index: 1, field: 'type', reason: 'is not a known health type' },
];

const cgmEntry = { type: 'sgv', sgv: 112, direction: 'Flat', device: 'xDrip-DexcomG6', date: 1748761200000, dateString: '2025-06-01T07:00:00.000Z' };

export const EXAMPLES = {
  /** A signed-in patient registers a device; the token is in this answer only. */
  register: {
    method: 'POST',
    path: '/api/v1/devices',
    headers: { ...session, ...json },
    body: { name: 'My watch', type: 'watch' },
    status: 201,
    response: { id: '<deviceId>', name: 'My watch', type: 'watch', priority: 100, token: '<token>' },
  },
  registerInvalid: {
    method: 'POST',
    path: '/api/v1/devices',
    headers: { ...session, ...json },
    body: { name: 'My watch', type: 'smartwatch' },
    status: 422,
    response: {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'request validation failed',
        details: [{ field: 'type', reason: 'must be one of: watch, phone, tablet, wearable, scale, bp_monitor, glucometer, cgm, thermometer, pulse_oximeter, manual' }],
      },
    },
  },
  /** Two good samples and an implausible one: the good ones are stored, the bad one named. */
  sync: { method: 'POST', path: syncPath, headers: device('watch-batch-0001'), body: syncBody, status: 200, response: syncAnswer },
  /** The same request again (its answer was lost, say): the first answer, nothing stored twice. */
  replay: {
    method: 'POST', path: syncPath, headers: device('watch-batch-0001'), body: syncBody, status: 200,
    responseHeaders: { 'Idempotent-Replayed': 'true' }, response: syncAnswer,
  },
  /** The same samples under a new key (or after the key expired): their record ids make them duplicates. */
  resendNewKey: {
    method: 'POST', path: syncPath, headers: device('watch-batch-0002'), body: syncBody, status: 200,
    response: { ...syncAnswer, accepted: 0, duplicates: 2 },
  },
  keyReused: {
    method: 'POST', path: syncPath, headers: device('watch-batch-0001'), body: { samples: [heartRate] }, status: 422,
    response: { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'this Idempotency-Key was used with a different body' } },
  },
  allRejected: {
    method: 'POST', path: syncPath, headers: device('watch-batch-0003'), body: { samples: badSamples }, status: 422,
    response: { error: { code: 'VALIDATION_ERROR', message: 'every sample was rejected', details: badRejections }, accepted: 0, duplicates: 0, rejected: badRejections },
  },
  badToken: {
    method: 'POST', path: syncPath, headers: { ...device('watch-batch-0004'), Authorization: 'Bearer hdt_revoked-or-mistyped' }, body: { samples: [heartRate] }, status: 401,
    response: { error: { code: 'UNAUTHORIZED', message: 'invalid or revoked device token' } },
  },
  /** Past the device's requests per minute. */
  rateLimited: {
    method: 'POST', path: syncPath, headers: device('watch-batch-0005'), body: { samples: [heartRate] }, status: 429,
    responseHeaders: { 'Retry-After': '<seconds:number>' },
    response: { error: { code: 'RATE_LIMITED', message: 'too many requests, retry in <seconds:number> s', details: { retryAfterSeconds: '<seconds:number>' } } },
  },
  /** A signed-in patient creates a Nightscout uploader; the API secret is in this answer only. */
  nightscoutSite: {
    method: 'POST',
    path: '/api/v1/nightscout-sites',
    headers: { ...session, ...json },
    body: { name: 'xDrip+ on my phone' },
    status: 201,
    response: { id: '<siteId>', name: 'xDrip+ on my phone', baseUrl: `${EXAMPLE_ORIGIN}/ns/<siteId>/`, apiSecret: '<apiSecret>' },
  },
  /** One CGM reading uploaded as Nightscout clients do (they send the secret's SHA-1; the secret itself works too). */
  nightscoutEntries: {
    method: 'POST',
    path: '/ns/<siteId>/api/v1/entries',
    headers: { 'api-secret': '<apiSecret>', ...json },
    body: [cgmEntry],
    status: 200,
    response: [{ ...cgmEntry, _id: '<entryId>' }],
  },
} as const satisfies Record<string, HttpExample>;

export type ExampleName = keyof typeof EXAMPLES;

/** The request body exactly as the guide shows and sends it. */
export function bodyText(example: HttpExample): string {
  return JSON.stringify(example.body, null, 2);
}

/** A placeholder as the guide shows it: `<seconds:number>` is written bare, as the number it stands for. */
export function showJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"<(\w+):number>"/g, '<$1>').replace(/<(\w+):number>/g, '<$1>');
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The example as a curl command against `origin`. */
export function curlCommand(example: HttpExample): string {
  return [
    `curl -X ${example.method} ${shellQuote(EXAMPLE_ORIGIN + example.path)}`,
    ...Object.entries(example.headers).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  --data-raw ${shellQuote(bodyText(example))}`,
  ].join(' \\\n');
}

/** The answer as the guide shows it: status line, the headers worth knowing, the JSON body. */
export function answerText(example: HttpExample): string {
  const headers = Object.entries(example.responseHeaders ?? {}).map(([name, value]) => `${name}: ${value.replace(/<(\w+):number>/g, '<$1>')}`);
  return [`HTTP ${example.status}`, ...headers, '', showJson(example.response)].join('\n');
}
