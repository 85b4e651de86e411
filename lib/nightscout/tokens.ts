// Nightscout access tokens: `<name-slug>-<hex>` as cgm-remote-monitor shapes them (lib/authorization/
// storage.js: the name lower-cased, non-word characters dropped, 10 characters, a dash, 16 hex digits of
// a digest), but with 32 random hex digits (128 bits) so a token cannot be guessed. Only the SHA-256 and
// the SHA-1 are kept: a client sends the token itself (`?token=`, or in `api-secret`), or its SHA-1 in
// `api-secret` (xDrip+, Loop and Trio hash whatever is typed where the secret goes). The token's
// entropy makes a slow hash unnecessary.
import { createHash, randomBytes } from 'node:crypto';
import { sha1Hex } from './secret';

export type TokenDigests = { tokenSha256: string; tokenSha1: string };

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The part of the token before the dash: what Nightscout derives from the subject's name. */
export function tokenSlug(name: string): string {
  return name.toLowerCase().replace(/\W/g, '').slice(0, 10) || 'token';
}

export function generateAccessToken(name: string): { token: string } & TokenDigests {
  const token = `${tokenSlug(name)}-${randomBytes(16).toString('hex')}`;
  return { token, tokenSha256: sha256Hex(token), tokenSha1: sha1Hex(token) };
}

/**
 * How to find the token a client sent: by the SHA-256 of what it sent (the token itself), or, when what
 * it sent is 40 hex digits, also as the token's SHA-1. Null for what cannot be a token (empty, too long).
 */
export function tokenLookup(given: string): { tokenSha256: string; tokenSha1?: string } | null {
  const text = given.trim();
  if (text.length === 0 || text.length > 200) return null;
  const lower = text.toLowerCase();
  return { tokenSha256: sha256Hex(text), ...(/^[0-9a-f]{40}$/.test(lower) ? { tokenSha1: lower } : {}) };
}
