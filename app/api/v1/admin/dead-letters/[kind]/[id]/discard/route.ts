// POST /api/v1/admin/dead-letters/:kind/:id/discard — drops a dead letter (kind job | workflow) from the
// list; the run's row stays, marked discarded, for the audit trail. 404 for what is not a dead letter,
// 409 when it was handled already. The audit row carries the kind and id.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireCaller } from '@/lib/auth/session';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { DEAD_LETTER_KINDS, discardDeadLetter } from '@/lib/jobs/dead-letters';

const params = z.object({ kind: z.enum(DEAD_LETTER_KINDS), id: z.string() });

export const POST = route<{ kind: string; id: string }>('nobody', async (_req, raw) => {
  await requireCaller(['ADMIN']);
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw notFound('dead letter');
  return NextResponse.json(await discardDeadLetter(parsed.data.kind, parsed.data.id));
});
