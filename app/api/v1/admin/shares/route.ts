// GET /api/v1/admin/shares?status=active|expired|revoked&patient=&cursor=&limit= — every patient's
// share tokens (never the code hash).
import { NextResponse, type NextRequest } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { adminShareQuery, listSharesForAdmin } from '@/lib/data/admin-shares';
import { route } from '@/lib/http/handler';

/** Query parameters, with empty ones (an unset filter in a form) left out. */
const searchParams = (req: NextRequest) => Object.fromEntries([...req.nextUrl.searchParams].filter(([, v]) => v !== ''));

export const GET = route('nobody', async (req) => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listSharesForAdmin(adminShareQuery.parse(searchParams(req))));
});
