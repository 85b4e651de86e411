// Passwords are hashed with argon2id (OWASP's first choice) with its recommended memory/time costs:
// 46 MiB, one pass (OWASP's first configuration, as strong as 19 MiB with two). The larger block matters
// to the server's memory: past 32 MB the C allocator maps each hash's memory and gives it back when
// done, where a 19 MiB block stayed in each of libuv's threads' arenas after the first sign-ins (about
// 80 MB held for good: bench's peak RSS). Hashes made with other costs still verify (they carry theirs).
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 47_104, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verifying against this when the e-mail is unknown makes both failures take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  dummyHash ??= argon2.hash('unknown-user-dummy-password', OPTIONS);
  const target = hash ?? (await dummyHash);
  const ok = await argon2.verify(target, password).catch(() => false);
  return hash !== null && ok;
}
