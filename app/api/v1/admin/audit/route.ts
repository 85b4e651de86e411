// GET /api/v1/admin/audit?actor=&action=&outcome=&from=&to=&cursor=&limit= — the audit log, newest
// first, in keyset pages. `from`/`to` are UTC days (YYYY-MM-DD, both inclusive) or ISO-8601 instants.
import { NextResponse, type NextRequest } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { auditQuery, listAuditLog } from '@/lib/data/audit-log';
import { route } from '@/lib/http/handler';

/** Query parameters, with empty ones (an unset filter in a form) left out. */
const searchParams = (req: NextRequest) => Object.fromEntries([...req.nextUrl.searchParams].filter(([, v]) => v !== ''));

export const GET = route('nobody', async (req) => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listAuditLog(auditQuery.parse(searchParams(req))));
});
