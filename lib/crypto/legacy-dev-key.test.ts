// The old public development master key (Buffer.alloc(32, 7), id "dev"): data wrapped under it stays
// readable, nothing new is wrapped under it, and the dev start (moveOffMasterKey) moves its data to the
// generated key, blind indexes included (addresses, pending changes and their links, invitations sent),
// so that its users can still sign in and their invitations still reach the invitee.
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '../db/client';
import { decryptEmail, pendingEmailColumns } from '../data/user-email';
import { findUserForSignIn } from '../data/users';
import { env } from '../env';
import { createUser } from '@/test/factories';
import { emailIndex } from './blind-index';
import { encryptField } from './fields';
import { envMasterKeyProvider, keyProvider } from './key-provider';
import { moveOffMasterKey } from './rewrap';
import { forgetUserKeys, userKey, wrapContext } from './user-keys';

const OLD_KEY = Buffer.alloc(32, 7);
/** The blind index as the old code computed it, under the old key. */
const oldEmailIndex = (email: string) =>
  createHmac('sha256', Buffer.from(hkdfSync('sha256', OLD_KEY, Buffer.alloc(0), 'blind-index:email', 32))).update(email).digest('base64url');

/** A user as the old code left them: data key wrapped under "dev", e-mail index keyed by it. */
async function legacyUser() {
  const user = await createUser();
  const dataKey = await userKey(user.id, 1);
  const { wrapped } = await envMasterKeyProvider([{ id: 'dev', key: OLD_KEY }]).wrap(dataKey, wrapContext(user.id, 1));
  await prisma.userKey.update({ where: { userId_version: { userId: user.id, version: 1 } }, data: { wrappedKey: wrapped, masterKeyId: 'dev' } });
  await prisma.user.update({ where: { id: user.id }, data: { emailIndex: oldEmailIndex(user.email) } });
  forgetUserKeys(user.id);
  return user;
}

const storedEmail = async (userId: string) =>
  decryptEmail(userId, (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailCiphertext: true } })).emailCiphertext);

describe('the old development master key', () => {
  it('is listed after the generated key, only to unwrap', () => {
    const [current, ...rest] = env().masterKeys;
    expect(current!.id).not.toBe('dev');
    expect(current!.key.equals(OLD_KEY)).toBe(false);
    expect(current!.unwrapOnly).toBeFalsy();
    expect(rest).toEqual([{ id: 'dev', key: OLD_KEY, unwrapOnly: true }]);
  });

  it('still unwraps old data, never wraps new keys', async () => {
    const user = await legacyUser();
    expect(await storedEmail(user.id)).toBe(user.email);
    const fresh = await keyProvider().wrap(Buffer.alloc(32, 1), wrapContext(user.id, 9));
    expect(fresh.masterKeyId).toBe(env().masterKeys[0]!.id);
    await expect(keyProvider().wrap(Buffer.alloc(32, 1), wrapContext(user.id, 9), 'dev')).rejects.toThrow('master key "dev" only unwraps');
  });

  it('the dev start moves its users to the generated key: readable, found by e-mail again, idempotent', async () => {
    const user = await legacyUser();
    expect(await findUserForSignIn(user.email)).toBeNull(); // the index is keyed by the old master
    // Its other indexes, keyed by the old master too: an e-mail change waiting, its link, an invitation sent.
    const pending = `new-${randomUUID()}@example.test`;
    const invitee = `invitee-${randomUUID()}@example.test`;
    const invitationId = randomUUID();
    await prisma.user.update({
      where: { id: user.id },
      data: { ...(await pendingEmailColumns(user.id, pending)), pendingEmailIndex: oldEmailIndex(pending) },
    });
    await prisma.accountToken.create({ data: { userId: user.id, purpose: 'VERIFY_EMAIL', tokenHash: randomUUID(), emailIndex: oldEmailIndex(pending), expiresAt: new Date(Date.now() + 3_600_000) } });
    await prisma.careInvitation.create({
      data: {
        id: invitationId,
        inviterId: user.id,
        role: 'CAREGIVER',
        inviteeEmailIndex: oldEmailIndex(invitee),
        inviteeEmailCiphertext: await encryptField(user.id, { table: 'care_invitations', column: 'invitee_email_ciphertext', rowId: invitationId }, invitee),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    const moved = await moveOffMasterKey('dev');
    expect(moved.users).toBeGreaterThanOrEqual(1);
    expect(moved.rewrapped).toBeGreaterThanOrEqual(1);
    const row = await prisma.userKey.findUniqueOrThrow({ where: { userId_version: { userId: user.id, version: 1 } } });
    expect(row.masterKeyId).toBe(env().masterKeys[0]!.id);
    forgetUserKeys(user.id);
    expect(await storedEmail(user.id)).toBe(user.email);
    expect((await findUserForSignIn(user.email))?.id).toBe(user.id);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ pendingEmailIndex: emailIndex(pending) });
    expect(await prisma.accountToken.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ emailIndex: emailIndex(pending) });
    expect(await prisma.careInvitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ inviteeEmailIndex: emailIndex(invitee) });
    expect(await prisma.userKey.count({ where: { masterKeyId: 'dev' } })).toBe(0);
    expect(await moveOffMasterKey('dev')).toEqual({ users: 0, rewrapped: 0 });
  });
});
