// GET /api/v1/admin/retention?kind=&status=&cursor=&limit= — retention, archive, restore, integrity and
// partition runs, newest first.
import { NextResponse, type NextRequest } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listMaintenanceRuns, maintenanceRunQuery } from '@/lib/data/maintenance-runs';
import { route } from '@/lib/http/handler';

/** Query parameters, with empty ones (an unset filter in a form) left out. */
const searchParams = (req: NextRequest) => Object.fromEntries([...req.nextUrl.searchParams].filter(([, v]) => v !== ''));

export const GET = route('nobody', async (req) => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listMaintenanceRuns(maintenanceRunQuery.parse(searchParams(req))));
});
