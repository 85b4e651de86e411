// GET /api/v1/admin/dead-letters — background runs that failed after their last retry and no admin has
// retried or discarded yet (lib/jobs/dead-letters.ts): ids, function, step and error text only.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { listDeadLetters } from '@/lib/jobs/dead-letters';

export const GET = route('nobody', async () => {
  await requireCaller(['ADMIN']);
  return NextResponse.json(await listDeadLetters());
});
