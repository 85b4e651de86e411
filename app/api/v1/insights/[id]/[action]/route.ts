// POST /api/v1/insights/:id/acknowledge | dismiss — the patient answers one of their insights.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { isUuid } from '@/lib/data/access';
import { answerInsight } from '@/lib/data/insights';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';

const ACTIONS = { acknowledge: 'ACKNOWLEDGED', dismiss: 'DISMISSED' } as const;

export const POST = route<{ id: string; action: string }>({ kind: 'insight', param: 'id' }, async (_req, { id, action }) => {
  const caller = await requireCaller(['PATIENT']);
  const status = ACTIONS[action as keyof typeof ACTIONS];
  if (!status || !isUuid(id) || !(await answerInsight(caller.id, id, status))) throw notFound('insight');
  return NextResponse.json({ id, status });
});
