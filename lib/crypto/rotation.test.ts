// Key rotation against the real database: a resumable re-encryption that survives a "crash" mid-way and
// retires the old key only at the end; master re-wrap; legacy plaintext encrypted on the way.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pool, prisma } from '../db/client';
import { decryptDeviceName } from '../data/device-fields';
import { registerDevice } from '../data/devices';
import { decryptDisplayName } from '../data/profile-fields';
import { decryptSampleRowMetadata } from '../data/sample-fields';
import { decryptEmail } from '../data/user-email';
import { findUserForSignIn } from '../data/users';
import { insertRawSamples } from '../maintenance/test-factories';
import { createUser } from '@/test/factories';
import { ciphertextVersion } from './fields';
import { ENCRYPTED_COLUMNS } from './encrypted-columns';
import { envMasterKeyProvider } from './key-provider';
import { reencryptUser } from './reencrypt';
import { rewrapUserKeys } from './rewrap';
import { userKey, wrapContext } from './user-keys';

async function storedNames(userId: string) {
  const devices = await prisma.device.findMany({ where: { userId }, orderBy: { id: 'asc' } });
  const profile = await prisma.profile.findUniqueOrThrow({ where: { userId } });
  return { devices, profile };
}

describe('reencryptUser', () => {
  it('resumes after a crash, re-encrypts everything, retires the old key only at the end', async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await registerDevice(user.id, { name: `Device ${i}`, type: 'watch' });

    // "Crash" after the first batch of two devices (each column before them takes one batch, empty or not):
    // some values moved, the old key still active for reading.
    const maxBatches = ENCRYPTED_COLUMNS.findIndex((c) => c.table === 'devices') + 1;
    const first = await reencryptUser(user.id, { batchSize: 2, maxBatches, settleMs: 0 });
    expect(first).toMatchObject({ finished: false, version: 2 });
    const mid = await storedNames(user.id);
    const versions = [mid.profile.displayName, ...mid.devices.map((d) => d.name)].map(ciphertextVersion);
    expect(versions).toContain(1);
    expect(versions).toContain(2);
    expect((await prisma.userKey.findUniqueOrThrow({ where: { userId_version: { userId: user.id, version: 1 } } })).retiredAt).toBeNull();

    const second = await reencryptUser(user.id, { batchSize: 2, settleMs: 0 });
    expect(second).toMatchObject({ finished: true, version: 2, reencrypted: 7 }); // 5 devices, name, e-mail
    const after = await storedNames(user.id);
    expect(ciphertextVersion(after.profile.displayName)).toBe(2);
    const { emailCiphertext } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(ciphertextVersion(emailCiphertext)).toBe(2);
    expect(await decryptEmail(user.id, emailCiphertext)).toBe(user.email);
    expect(await decryptDisplayName(user.id, after.profile.displayName)).toBe('Test User');
    for (const d of after.devices) {
      expect(ciphertextVersion(d.name)).toBe(2);
      expect(await decryptDeviceName(user.id, d.id, d.name)).toMatch(/^Device \d$/);
    }
    const keys = await prisma.userKey.findMany({ where: { userId: user.id }, orderBy: { version: 'asc' } });
    expect(keys.map((k) => [k.version, k.retiredAt !== null])).toEqual([[1, true], [2, false]]);
    const run = await prisma.jobRun.findFirstOrThrow({ where: { functionId: 'keys/reencrypt', userId: user.id } });
    expect(run.status).toBe('SUCCEEDED');
  });

  it('encrypts a value still stored in plaintext (written before encryption)', async () => {
    const user = await createUser();
    await prisma.profile.update({ where: { userId: user.id }, data: { displayName: 'Legacy Name' } });
    await reencryptUser(user.id, { settleMs: 0 });
    const { profile } = await storedNames(user.id);
    expect(profile.displayName).not.toContain('Legacy');
    expect(await decryptDisplayName(user.id, profile.displayName)).toBe('Legacy Name');
  });

  it('encrypts an e-mail from before the blind index and fills the index, so its owner can sign in', async () => {
    const user = await createUser();
    await prisma.user.update({ where: { id: user.id }, data: { emailCiphertext: user.email, emailIndex: null } });
    expect(await findUserForSignIn(user.email)).toBeNull();
    await reencryptUser(user.id, { settleMs: 0 });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.emailCiphertext).not.toContain('@');
    expect(await decryptEmail(user.id, row.emailCiphertext)).toBe(user.email);
    expect((await findUserForSignIn(` ${user.email.toUpperCase()} `))?.id).toBe(user.id);
  });

  it('re-encrypts sample metadata under its sample identity (no record id, record id, legacy JSON text)', async () => {
    const user = await createUser();
    await insertRawSamples([
      { userId: user.id, type: 'HEART_RATE', startAt: '1969-12-31T23:59:59.123Z', endAt: '1970-01-01T00:00:00.456Z', metadata: { a: 1 } },
      { userId: user.id, type: 'HEART_RATE', startAt: '2026-10-02T08:00:00Z', clientRecordId: 'rec-1', metadata: { b: 2 } },
      { userId: user.id, type: 'STEPS', startAt: '2026-10-03T08:00:00Z', clientRecordId: 'rec-2' },
    ]);
    await pool().query(`UPDATE health_samples SET metadata = '{"c": 3}' WHERE user_id = $1 AND type = 'STEPS'`, [user.id]);
    expect(await reencryptUser(user.id, { batchSize: 2, settleMs: 0 })).toMatchObject({ finished: true, reencrypted: 5 }); // 3 samples, name, e-mail
    const samples = await prisma.healthSample.findMany({ where: { userId: user.id }, orderBy: { startAt: 'asc' } });
    expect(samples.map((s) => ciphertextVersion(s.metadata!))).toEqual([2, 2, 2]);
    expect(await Promise.all(samples.map(decryptSampleRowMetadata))).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });
});

describe('rewrapUserKeys', () => {
  it('moves every live key to the current master; the data key itself is unchanged', async () => {
    const userId = randomUUID();
    const old = envMasterKeyProvider([{ id: `old-${userId.slice(0, 8)}`, key: Buffer.alloc(32, 3) }]);
    const { wrapped, masterKeyId } = await old.wrap(Buffer.alloc(32, 5), wrapContext(userId, 1));
    await prisma.userKey.create({ data: { userId, version: 1, wrappedKey: wrapped, masterKeyId } });
    const both = envMasterKeyProvider([{ id: 'next', key: Buffer.alloc(32, 4) }, { id: masterKeyId, key: Buffer.alloc(32, 3) }]);
    expect(await rewrapUserKeys({ provider: both, from: masterKeyId })).toBe(1);
    const row = await prisma.userKey.findUniqueOrThrow({ where: { userId_version: { userId, version: 1 } } });
    expect(row.masterKeyId).toBe('next');
    expect(await both.unwrap(row.wrappedKey!, 'next', wrapContext(userId, 1))).toEqual(Buffer.alloc(32, 5));
    expect(await rewrapUserKeys({ provider: both, from: masterKeyId })).toBe(0); // idempotent: a crash simply runs it again
  });
});

// Retiring stops a version from encrypting, not from decrypting: only crypto-shredding destroys it.
it('a retired key still decrypts (backups, archives) until destroyed', async () => {
  const user = await createUser();
  await reencryptUser(user.id, { settleMs: 0 });
  expect((await userKey(user.id, 1)).length).toBe(32);
});
