// GET /api/v1/admin/devices?q=&type=&status=&cursor=&limit= — every user's devices (never tokens).
import { NextResponse, type NextRequest } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { adminDeviceQuery, listDevicesForAdmin } from '@/lib/data/admin-devices';
import { route } from '@/lib/http/handler';

/** Query parameters, with empty ones (an unset filter in a form) left out. */
const searchParams = (req: NextRequest) => Object.fromEntries([...req.nextUrl.searchParams].filter(([, v]) => v !== ''));

export const GET = route('nobody', async (req) => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listDevicesForAdmin(adminDeviceQuery.parse(searchParams(req))));
});
