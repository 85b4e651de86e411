// POST /api/v1/admin/dead-letters/:kind/:id/retry — retries a dead letter (kind job | workflow): a job's
// event is sent again after the answer, a workflow run resumes at its failed step (the in-process engine
// is woken after the answer). 404 for what is not a dead letter, 409 when it was handled already or a job
// run's event was not recorded. The audit row carries the kind and id.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch, workflowEngine } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { DEAD_LETTER_KINDS, retryDeadLetter } from '@/lib/jobs/dead-letters';

const params = z.object({ kind: z.enum(DEAD_LETTER_KINDS), id: z.string() });

export const POST = route<{ kind: string; id: string }>('nobody', async (_req, raw) => {
  await requireCaller(['ADMIN']);
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw notFound('dead letter');
  const { event, ...retried } = await retryDeadLetter(parsed.data.kind, parsed.data.id);
  if (event) after(() => dispatch([event]));
  else if (env().inngestMode === 'in-process') after(() => workflowEngine().tick());
  return NextResponse.json(retried, { status: 202 });
});
