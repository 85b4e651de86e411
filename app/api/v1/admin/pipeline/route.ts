// GET /api/v1/admin/pipeline — pipeline status for admins.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { pipelineStatus } from '@/lib/data/pipeline-status';
import { route } from '@/lib/http/handler';

export const GET = route('nobody', async () => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await pipelineStatus());
});
