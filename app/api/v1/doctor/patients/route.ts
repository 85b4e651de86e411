// GET /api/v1/doctor/patients?q=&group=&sort=name|lastSync|lastReviewed&order=asc|desc — the signed-in
// doctor's triage list (their actively linked patients, each in one group). Other roles get 403.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { findTriageList, triageQuery } from '@/lib/data/triage';
import { route } from '@/lib/http/handler';

export const GET = route('caller', async (req) => {
  const caller = await requireCaller(['DOCTOR']);
  const query = triageQuery.parse(Object.fromEntries(req.nextUrl.searchParams.entries()));
  return NextResponse.json(await findTriageList(caller, query));
});
