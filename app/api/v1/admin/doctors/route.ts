// GET /api/v1/admin/doctors — doctors who signed up and wait for an admin's review (admins only).
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { listPendingDoctors } from '@/lib/data/doctor-review';
import { route } from '@/lib/http/handler';

export const GET = route('nobody', async () => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listPendingDoctors());
});
