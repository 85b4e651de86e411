// Structured JSON logs (pino) to stdout. Each request's lines carry its request id (see
// `requestLogger`). Anything that could identify a person or hold a secret or a health value is
// redacted by key wherever it appears, so a careless `log.info({ body })` still leaks nothing; secrets
// that ride in a URL (a share link's code, a credential in a query string) are cut out of every text
// of a line, whatever its key, the message included.
import pino from 'pino';

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'passwordHash',
  'token',
  'code',
  'secret',
  'api-secret', // Nightscout clients' header (a hash of the site's secret, as good as the secret)
  'apiSecret',
  'email',
  'displayName',
  'dateOfBirth',
  'name',
  'value',
  'values',
  'samples',
  'metadata',
  'payload',
  'note',
  'notes',
];

const CENSOR = '[redacted]';

// A share link's code, in the path of older links (/share/{code}, not the /share/exchange endpoint or a
// route template such as /share/[code]) or after `#` when a whole link is logged; a Nightscout access
// token in the path of /api/v2/authorization/request/{token} (not the template's [accessToken]); and the
// value of any query parameter named like a credential.
const SECRETS_IN_URLS: [RegExp, string][] = [
  [/(\/share\/)(?!exchange(?![\w-])|\[)[^/?#\s"'<>]+/g, `$1${CENSOR}`],
  [/(\/authorization\/request\/)(?!\[)[^/?#\s"'<>]+/gi, `$1${CENSOR}`],
  [/(\/share#)[^\s"'<>]+/g, `$1${CENSOR}`],
  [/([?&;](?:code|token|access_token|refresh_token|id_token|key|api_key|secret|password|grant|signature|sig)=)[^&;#\s"'<>]*/gi, `$1${CENSOR}`],
];

/** The text with every secret a URL can carry replaced by `[redacted]`. */
export function redactUrlSecrets(text: string): string {
  return SECRETS_IN_URLS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** Every string of a log object passed through `redactUrlSecrets` (plain objects and arrays, a few levels deep). */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactUrlSecrets(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // errors and the like: their serializers decide
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/** The app's logger; `destination` (tests) replaces stdout. */
export function createLogger(destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level: process.env.NODE_ENV === 'test' ? 'warn' : 'info',
    base: { service: 'pulse' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers["${k}"]`]), censor: CENSOR },
    formatters: { level: (label) => ({ level: label }), log: (object) => scrub(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactUrlSecrets(arg) : arg)) as Parameters<pino.LogFn>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger();

/** A child logger whose every line carries the request id. */
export function requestLogger(requestId: string) {
  return log.child({ requestId });
}
