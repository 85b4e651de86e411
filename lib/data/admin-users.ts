// Users as an admin sees them: filtered keyset pages, creation with an initial password, and role or
// disabled changes. A role change or a disable bumps session_version, so every session of that user
// ends on its next request (getCaller compares the version). Never selects the password hash.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from '../auth/password';
import { prisma } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { Role } from '../generated/prisma/enums';
import { ApiError, notFound } from '../http/errors';
import { RETENTION } from '../maintenance/retention-policy';
import { encryptDisplayName, maybeDisplayName, searchableDisplayName } from './profile-fields';
import { vouchedAccount } from './users';
import { byEmail, decryptEmail, emailColumns, searchableEmail } from './user-email';
import { storableText } from '../http/text';

export const USER_SORTS = ['created', 'email'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export type UserStatus = 'active' | 'disabled';

export type AdminUserFilters = { q?: string; role?: Role; status?: UserStatus; sort?: UserSort; cursor?: string; limit?: number };

/** The list's query string (API and page URL): filters and sort from allowlists only. */
export const adminUserQuery = z.object({
  q: storableText().trim().max(200).optional().transform((v) => v || undefined),
  role: z.enum(Role).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.enum(USER_SORTS).optional(),
  cursor: z.uuid('is not a cursor from this API').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const ROW = {
  id: true,
  emailCiphertext: true,
  role: true,
  createdAt: true,
  disabledAt: true,
  profile: { select: { displayName: true, timeZone: true } },
  _count: { select: { devices: { where: { revokedAt: null } } } },
} satisfies Prisma.UserSelect;

type RowSource = Prisma.UserGetPayload<{ select: typeof ROW }>;

async function toRow(user: RowSource) {
  return {
    id: user.id,
    email: await decryptEmail(user.id, user.emailCiphertext),
    role: user.role,
    name: await maybeDisplayName(user.id, user.profile?.displayName ?? null),
    timeZone: user.profile?.timeZone ?? 'UTC',
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
    activeDevices: user._count.devices,
  };
}

export type AdminUserRow = Awaited<ReturnType<typeof toRow>>;

const filterWhere = (filters: AdminUserFilters): Prisma.UserWhereInput => ({
  role: filters.role,
  disabledAt: filters.status === 'active' ? null : filters.status === 'disabled' ? { not: null } : undefined,
});

// Names and e-mails are encrypted: a whole address matches through the blind index; otherwise a search
// decrypts the names and addresses of the users the other filters leave (an admin-only, occasional
// query) and matches in the app.
async function idsMatching(q: string, filters: AdminUserFilters): Promise<string[]> {
  const exact = await prisma.user.findMany({ where: { ...filterWhere(filters), ...byEmail(q) }, select: { id: true } });
  if (exact.length > 0) return exact.map((u) => u.id);
  const needle = q.toLowerCase();
  const candidates = await prisma.user.findMany({
    where: filterWhere(filters),
    select: { id: true, emailCiphertext: true, profile: { select: { displayName: true } } },
  });
  const matches = await Promise.all(
    candidates.map(async (u) => {
      if ((await searchableEmail(u.id, u.emailCiphertext))?.includes(needle)) return u.id;
      const name = await searchableDisplayName(u.id, u.profile?.displayName ?? null);
      return name?.toLowerCase().includes(needle) ? u.id : null;
    }),
  );
  return matches.filter((id): id is string => id !== null);
}

/** Keyset page of rows already in order: the rows after the cursor's, `limit` of them. */
function pageOf<T extends { id: string }>(rows: T[], cursor: string | undefined, limit: number) {
  const start = cursor ? rows.findIndex((r) => r.id === cursor) + 1 : 0;
  const page = rows.slice(start, start + limit);
  return { users: page, nextCursor: start + limit < rows.length ? (page[page.length - 1]?.id ?? null) : null };
}

/** One page of users, newest first (or by e-mail); `nextCursor` is the last row's id. */
export async function listUsersForAdmin(filters: AdminUserFilters = {}) {
  const limit = filters.limit ?? 50;
  const q = filters.q;
  const where: Prisma.UserWhereInput = { ...filterWhere(filters), id: q ? { in: await idsMatching(q, filters) } : undefined };
  if (filters.sort === 'email') {
    // Addresses are encrypted, so this order is made in the app over the filtered users (admin-only).
    const all = await Promise.all((await prisma.user.findMany({ where, select: ROW })).map(toRow));
    all.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : a.id < b.id ? -1 : 1));
    return pageOf(all, filters.cursor, limit);
  }
  const rows = await prisma.user.findMany({
    where,
    select: ROW,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
  });
  const page = await Promise.all(rows.slice(0, limit).map(toRow));
  return { users: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

export type NewUser = { email: string; name: string; role: Role; timeZone: string; password: string };

const duplicateEmail = () => new ApiError('CONFLICT', 'a user with this e-mail already exists', [{ field: 'email', reason: 'is already registered' }]);

export async function createUserByAdmin(input: NewUser): Promise<AdminUserRow> {
  // Checked first so a duplicate costs no argon2 hash; the unique index still decides a race.
  if ((await prisma.user.count({ where: byEmail(input.email) })) > 0) throw duplicateEmail();
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID(); // chosen here: the name is encrypted with the new user's key, bound to the id
  try {
    const user = await prisma.user.create({
      data: {
        id: userId,
        ...(await emailColumns(userId, input.email)),
        passwordHash,
      ...vouchedAccount(input.role),
        role: input.role,
        profile: { create: { displayName: await encryptDisplayName(userId, input.name), timeZone: input.timeZone } },
        preferences: { create: {} },
      },
      select: ROW,
    });
    return toRow(user);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicateEmail();
    throw error;
  }
}

export type UserChange = { role?: Role; disabled?: boolean };

/**
 * Changes a user's role and/or disabled state. An admin may not disable or demote themself (so the
 * caller always keeps a way back in). Re-enabling does not revive old sessions: the disable bumped the
 * session version they carry.
 */
export async function updateUserByAdmin(args: { actorId: string; userId: string; change: UserChange }): Promise<AdminUserRow> {
  const { actorId, userId, change } = args;
  if (userId === actorId && (change.disabled === true || (change.role !== undefined && change.role !== 'ADMIN'))) {
    throw new ApiError('FORBIDDEN', 'an admin cannot disable or demote themself');
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
    if (!before) throw notFound('user');
    const roleChanged = change.role !== undefined && change.role !== before.role;
    const disabling = change.disabled === true && before.disabledAt === null;
    const enabling = change.disabled === false && before.disabledAt !== null;
    if (!roleChanged && !disabling && !enabling) return toRow(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: ROW }));
    const user = await tx.user.update({
      where: { id: userId },
      data: {
        role: roleChanged ? change.role : undefined,
        disabledAt: disabling ? new Date() : enabling ? null : undefined,
        deletionRequestedAt: enabling ? null : undefined, // re-enabling within the grace period undoes a delete
        sessionVersion: roleChanged || disabling ? { increment: 1 } : undefined,
      },
      select: ROW,
    });
    return toRow(user);
  });
}

/**
 * Deletes a user: disabled at once (sessions end), crypto-shredded by the retention job once
 * RETENTION.deletedUserGraceDays have passed (until then re-enabling undoes it). Not oneself.
 */
export async function requestUserDeletion(args: { actorId: string; userId: string }): Promise<{ id: string; deletionRequestedAt: Date; shredAfter: Date }> {
  if (args.userId === args.actorId) throw new ApiError('FORBIDDEN', 'an admin cannot delete themself');
  const before = await prisma.user.findUnique({ where: { id: args.userId }, select: { disabledAt: true, deletionRequestedAt: true } });
  if (!before) throw notFound('user');
  const now = new Date();
  const user = await prisma.user.update({
    where: { id: args.userId },
    data: {
      disabledAt: before.disabledAt ?? now,
      deletionRequestedAt: before.deletionRequestedAt ?? now,
      sessionVersion: before.disabledAt ? undefined : { increment: 1 },
    },
    select: { id: true, deletionRequestedAt: true },
  });
  const deletionRequestedAt = user.deletionRequestedAt!;
  return { id: user.id, deletionRequestedAt, shredAfter: new Date(deletionRequestedAt.getTime() + RETENTION.deletedUserGraceDays * 86_400_000) };
}

/** Totals for the admin overview. */
export async function countUsersForAdmin() {
  const [byRole, disabled] = await Promise.all([
    prisma.user.groupBy({ by: ['role'], _count: { _all: true } }),
    prisma.user.count({ where: { disabledAt: { not: null } } }),
  ]);
  const roles: Record<Role, number> = { PATIENT: 0, DOCTOR: 0, CAREGIVER: 0, ADMIN: 0 };
  for (const row of byRole) roles[row.role] = row._count._all;
  return { total: Object.values(roles).reduce((a, b) => a + b, 0), byRole: roles, disabled };
}
