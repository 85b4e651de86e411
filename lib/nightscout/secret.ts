// A Nightscout site's API secret. Clients send `api-secret: <lower-case hex SHA-1 of the secret>` (xDrip+,
// Loop, AndroidAPS v1); cgm-remote-monitor's enclave also accepts the SHA-512 hex, and we accept the
// secret itself (what a person types into curl). Only the two hashes are stored: the secret's 160 random
// bits make a slow hash unnecessary, and the SHA-1 is what the protocol needs to compare.
import { createHash, randomBytes } from 'node:crypto';
import { safeEqual } from '../auth/tokens';

export type SecretHashes = { secretSha1: string; secretSha512: string };

export const sha1Hex = (text: string) => createHash('sha1').update(text).digest('hex');
export const sha512Hex = (text: string) => createHash('sha512').update(text).digest('hex');

/** A new secret (27 URL-safe characters, well above Nightscout's minimum of 12) and its hashes. */
export function generateApiSecret(): { secret: string } & SecretHashes {
  const secret = randomBytes(20).toString('base64url');
  return { secret, secretSha1: sha1Hex(secret), secretSha512: sha512Hex(secret) };
}

/** Whether what a client sent (a hash of the secret, or the secret) is this site's secret; constant time per comparison. */
export function secretMatches(given: string, site: SecretHashes): boolean {
  const lower = given.trim().toLowerCase();
  if (/^[0-9a-f]{40}$/.test(lower)) return safeEqual(lower, site.secretSha1);
  if (/^[0-9a-f]{128}$/.test(lower)) return safeEqual(lower, site.secretSha512);
  return safeEqual(sha1Hex(given), site.secretSha1);
}
