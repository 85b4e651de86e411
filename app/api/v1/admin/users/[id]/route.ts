// PATCH /api/v1/admin/users/:id — { role?, disabled? }. A role change or a disable ends the user's
// sessions on their next request; an admin cannot disable or demote themself.
// DELETE /api/v1/admin/users/:id — disables the user now; the retention job crypto-shreds them after
// the grace period (202: accepted, not yet done). Re-enabling before then undoes it.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { requestUserDeletion, updateUserByAdmin } from '@/lib/data/admin-users';
import { Role } from '@/lib/generated/prisma/enums';
import { notFound } from '@/lib/http/errors';
import { readJson, route } from '@/lib/http/handler';

const patchBody = z
  .object({ role: z.enum(Role).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { message: 'give "role" or "disabled"' });

export const PATCH = route<{ id: string }>({ kind: 'user', param: 'id' }, async (req, { id }) => {
  const caller = await requireCaller(['ADMIN']);
  const change = patchBody.parse((await readJson(req, 4 * 1024)).json);
  if (!z.uuid().safeParse(id).success) throw notFound('user');
  return NextResponse.json(await updateUserByAdmin({ actorId: caller.id, userId: id, change }));
});

export const DELETE = route<{ id: string }>({ kind: 'user', param: 'id' }, async (_req, { id }) => {
  const caller = await requireCaller(['ADMIN']);
  if (!z.uuid().safeParse(id).success) throw notFound('user');
  return NextResponse.json(await requestUserDeletion({ actorId: caller.id, userId: id }), { status: 202 });
});
