// TOTP (RFC 6238) through the maintained `otpauth` library, with the parameters every authenticator app
// uses: HMAC-SHA-1, 6 digits, 30-second steps. A code is accepted for the current step and one step on
// either side (clock drift); which step matched is returned so the caller can refuse a replay.
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW = 1;
const ISSUER = 'Pulse';

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A fresh 160-bit secret (RFC 4226's recommended length), base32 without padding. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or pasted): issuer Pulse, the account's e-mail. */
export function totpUri(secretBase32: string, accountName: string): string {
  return totp(secretBase32, accountName).toString();
}

/** The 30-second step a time falls in. */
export function totpStep(timestampMs: number): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: timestampMs });
}

/** The code of the step that `timestampMs` falls in. */
export function totpCode(secretBase32: string, timestampMs: number): string {
  return totp(secretBase32).generate({ timestamp: timestampMs });
}

/** A code as typed ("123 456" or "123456"), or null when it cannot be a code. */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The step whose code `code` is, within one step of `timestampMs`; null if none. */
export function matchTotpStep(secretBase32: string, code: string, timestampMs: number): number | null {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: timestampMs, window: WINDOW });
  return delta === null ? null : totpStep(timestampMs) + delta;
}
