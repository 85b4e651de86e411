// The test push service's own checks are real: a message encrypted to other keys, or tampered with, does
// not decrypt; a VAPID header for another origin, expired or signed by another key is refused.
import { createECDH, randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { checkVapid, decryptAes128gcm } from './push-receiver';

function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16) };
}

const encryptFor = (keys: ReturnType<typeof browserKeys>, text: string) =>
  webpush.encrypt(keys.ecdh.getPublicKey().toString('base64url'), keys.auth.toString('base64url'), text, 'aes128gcm').cipherText;

describe('the test push receiver', () => {
  it('decrypts what is encrypted to its keys, and nothing else', () => {
    const keys = browserKeys();
    const body = encryptFor(keys, '{"title":"hello"}');
    expect(decryptAes128gcm(body, keys)).toBe('{"title":"hello"}');
    expect(() => decryptAes128gcm(body, { ecdh: keys.ecdh, auth: randomBytes(16) })).toThrow();
    expect(() => decryptAes128gcm(body, browserKeys())).toThrow();
    const tampered = Buffer.from(body);
    tampered[tampered.length - 20]! ^= 1;
    expect(() => decryptAes128gcm(tampered, keys)).toThrow();
  });

  it('accepts a VAPID header only for its origin, unexpired, signed by the key it names', () => {
    const { publicKey, privateKey } = webpush.generateVAPIDKeys();
    const header = (audience: string, exp?: number) => webpush.getVapidHeaders(audience, 'mailto:ops@example.org', publicKey, privateKey, 'aes128gcm', exp).Authorization;
    expect(checkVapid(header('https://127.0.0.1:8443'), 'https://127.0.0.1:8443')).toMatchObject({ ok: true, publicKey, claims: { sub: 'mailto:ops@example.org' } });
    expect(checkVapid(header('https://other.example'), 'https://127.0.0.1:8443').problems).toEqual(['aud is https://other.example, not https://127.0.0.1:8443']);
    const later = Date.now() + 25 * 3600_000; // the same header, a day later: expired
    expect(checkVapid(header('https://127.0.0.1:8443'), 'https://127.0.0.1:8443', later).ok).toBe(false);
    const other = webpush.generateVAPIDKeys();
    const forged = header('https://127.0.0.1:8443').replace(publicKey, other.publicKey);
    expect(checkVapid(forged, 'https://127.0.0.1:8443').problems).toEqual(['the signature does not verify with k']);
  });
});
