// Field encryption against the real database's user_keys: round trip, AAD binding, tampering, nonces,
// destroyed keys, wrapped keys bound to their user.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { emailIndex } from './blind-index';
import { decryptField, DecryptionError, encryptField, parseCiphertext } from './fields';
import { envMasterKeyProvider } from './key-provider';
import { destroyUserKeys, KeyUnavailableError } from './user-keys';

const ref = { table: 'profiles', column: 'display_name', rowId: 'row-1' };

describe('encryptField / decryptField', () => {
  it('round-trips unicode text and stores no plaintext', async () => {
    const userId = randomUUID();
    const ciphertext = await encryptField(userId, ref, 'Zoë Łukasiewicz 🩺');
    expect(ciphertext).toMatch(/^v1\.1\.[\w-]+\.[\w-]+$/);
    expect(ciphertext).not.toContain('Zo');
    expect(await decryptField(userId, ref, ciphertext)).toBe('Zoë Łukasiewicz 🩺');
    expect(await prisma.userKey.count({ where: { userId } })).toBe(1);
  });

  it('fails for another row, column, table or owner (a copied value does not decrypt)', async () => {
    const userId = randomUUID();
    const other = randomUUID();
    await encryptField(other, ref, 'x'); // the other owner has a key too
    const ciphertext = await encryptField(userId, ref, 'secret');
    await expect(decryptField(userId, { ...ref, rowId: 'row-2' }, ciphertext)).rejects.toThrow(DecryptionError);
    await expect(decryptField(userId, { ...ref, column: 'other' }, ciphertext)).rejects.toThrow(DecryptionError);
    await expect(decryptField(userId, { ...ref, table: 'devices' }, ciphertext)).rejects.toThrow(DecryptionError);
    await expect(decryptField(other, ref, ciphertext)).rejects.toThrow(DecryptionError);
  });

  it('fails on a tampered ciphertext or a malformed value', async () => {
    const userId = randomUUID();
    const ciphertext = await encryptField(userId, ref, 'secret value');
    const parsed = parseCiphertext(ciphertext)!;
    parsed.sealed[0] ^= 1;
    const tampered = ['v1', '1', parsed.nonce.toString('base64url'), parsed.sealed.toString('base64url')].join('.');
    await expect(decryptField(userId, ref, tampered)).rejects.toThrow(/authentication failed/);
    await expect(decryptField(userId, ref, 'plain text')).rejects.toThrow(/not a v1 ciphertext/);
  });

  it('uses a fresh nonce for every value', async () => {
    const userId = randomUUID();
    const nonces = new Set<string>();
    for (let i = 0; i < 200; i++) nonces.add(parseCiphertext(await encryptField(userId, ref, 'same'))!.nonce.toString('hex'));
    expect(nonces.size).toBe(200);
  });

  it('a destroyed key stops working at once and is erased from the table', async () => {
    const userId = randomUUID();
    const ciphertext = await encryptField(userId, ref, 'secret');
    expect(await destroyUserKeys(userId)).toBe(1);
    await expect(decryptField(userId, ref, ciphertext)).rejects.toThrow(KeyUnavailableError);
    await expect(encryptField(userId, ref, 'new')).rejects.toThrow(KeyUnavailableError);
    const row = await prisma.userKey.findFirstOrThrow({ where: { userId } });
    expect(row.wrappedKey).toBeNull();
    expect(row.destroyedAt).not.toBeNull();
  });
});

describe('master key wrapping', () => {
  const provider = envMasterKeyProvider([
    { id: 'new', key: Buffer.alloc(32, 1) },
    { id: 'old', key: Buffer.alloc(32, 2) },
  ]);

  it('unwraps under the master that wrapped it, bound to its context', async () => {
    const dataKey = Buffer.alloc(32, 9);
    const old = await provider.wrap(dataKey, 'user-key|a|1', 'old');
    expect(await provider.unwrap(old.wrapped, 'old', 'user-key|a|1')).toEqual(dataKey);
    await expect(provider.unwrap(old.wrapped, 'new', 'user-key|a|1')).rejects.toThrow();
    await expect(provider.unwrap(old.wrapped, 'old', 'user-key|b|1')).rejects.toThrow();
    expect((await provider.wrap(dataKey, 'c')).masterKeyId).toBe('new');
    await expect(provider.unwrap(old.wrapped, 'gone', 'c')).rejects.toThrow(/not configured/);
  });
});

describe('emailIndex', () => {
  it('is deterministic over the normalized address and reveals nothing of it', () => {
    expect(emailIndex(' Alice@Example.TEST ')).toBe(emailIndex('alice@example.test'));
    expect(emailIndex('alice@example.test')).not.toBe(emailIndex('bob@example.test'));
    expect(emailIndex('alice@example.test')).not.toContain('alice');
  });
});
