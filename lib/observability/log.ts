// Structured JSON logs (pino) to stdout. Each request's lines carry its request id (see
// `requestLogger`). Anything that could identify a person or hold a secret or a health value is
// redacted by key wherever it appears, so a careless `log.info({ body })` still leaks nothing.
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

export const log = pino({
  level: process.env.NODE_ENV === 'test' ? 'warn' : 'info',
  base: { service: 'pulse' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers["${k}"]`]), censor: '[redacted]' },
  formatters: { level: (label) => ({ level: label }) },
});

/** A child logger whose every line carries the request id. */
export function requestLogger(requestId: string) {
  return log.child({ requestId });
}
