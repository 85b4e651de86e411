// GET /api/v1/admin/users?q=&role=&status=&sort=&cursor=&limit= — users for admins, in keyset pages.
// POST /api/v1/admin/users — create a user with an initial password (argon2id); 409 on a taken e-mail.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { passwordProblem } from '@/lib/auth/password-policy';
import { requireCaller } from '@/lib/auth/session';
import { adminUserQuery, createUserByAdmin, listUsersForAdmin } from '@/lib/data/admin-users';
import { Role } from '@/lib/generated/prisma/enums';
import { readJson, route } from '@/lib/http/handler';
import { freeText } from '@/lib/http/text';
import { isValidTimeZone } from '@/lib/time';

const createBody = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email('must be an e-mail address')),
    name: freeText(100),
    role: z.enum(Role),
    timeZone: z.string().max(64).refine(isValidTimeZone, 'is not an IANA time zone'),
    password: z.string(),
  })
  .strict()
  .superRefine((body, ctx) => {
    // The one password rule (sign-up and reset use it too).
    const problem = passwordProblem(body.password, { email: body.email, name: body.name });
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

/** Query parameters, with empty ones (an unset filter in a form) left out. */
const searchParams = (req: NextRequest) => Object.fromEntries([...req.nextUrl.searchParams].filter(([, v]) => v !== ''));

export const GET = route('nobody', async (req) => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listUsersForAdmin(adminUserQuery.parse(searchParams(req))));
});

export const POST = route({ kind: 'user', created: true, owner: 'created' }, async (req) => {
  await requireCaller(['ADMIN']);
  const body = createBody.parse((await readJson(req, 16 * 1024)).json);
  return NextResponse.json(await createUserByAdmin(body), { status: 201 });
});
