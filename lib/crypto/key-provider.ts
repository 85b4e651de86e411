// Wraps and unwraps users' data keys with a master key. Here the masters come from the environment
// (lib/env.ts); in production a KMS implements the same type (wrap/unwrap calls, the master never leaves it).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../env';

/** A master key; `unwrapOnly` keys open existing wrapped keys but never wrap (a retired public key). */
export type MasterKey = { id: string; key: Buffer; unwrapOnly?: boolean };

export type KeyProvider = {
  /** The master key id new wraps use. */
  currentMasterKeyId(): string;
  /** `context` (user and version) is bound as additional data: a wrapped key moved to another row fails. */
  wrap(dataKey: Buffer, context: string, masterKeyId?: string): Promise<{ wrapped: string; masterKeyId: string }>;
  unwrap(wrapped: string, masterKeyId: string, context: string): Promise<Buffer>;
};

export function envMasterKeyProvider(keys: MasterKey[] = env().masterKeys): KeyProvider {
  const master = (id: string, use: 'wrap' | 'unwrap') => {
    const found = keys.find((k) => k.id === id);
    if (!found) throw new Error(`master key "${id}" is not configured (ENCRYPTION_MASTER_KEYS)`);
    if (use === 'wrap' && found.unwrapOnly) throw new Error(`master key "${id}" only unwraps; new keys are wrapped under the current one`);
    return found.key;
  };
  return {
    currentMasterKeyId: () => keys[0].id,
    async wrap(dataKey, context, masterKeyId = keys[0].id) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master(masterKeyId, 'wrap'), nonce).setAAD(Buffer.from(context));
      const sealed = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
      return { wrapped: `${nonce.toString('base64url')}.${sealed.toString('base64url')}`, masterKeyId };
    },
    async unwrap(wrapped, masterKeyId, context) {
      const [nonce, sealed] = wrapped.split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', master(masterKeyId, 'unwrap'), nonce).setAAD(Buffer.from(context));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    },
  };
}

let provider: KeyProvider | undefined;

export function keyProvider(): KeyProvider {
  provider ??= envMasterKeyProvider();
  return provider;
}
