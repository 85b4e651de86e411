// POST /api/v1/admin/jobs — an admin starts a background function now:
// { "job": "sweep" | "retention" | "partitions" | "integrity" | "archive" | "restore" | "digest", "userId"?, "month"? }.
import { after, NextResponse } from 'next/server';
import { z } from 'zod';
import { dispatch } from '@/inngest/dispatch';
import { requireCaller } from '@/lib/auth/session';
import { EVENTS, type PipelineEvent } from '@/lib/jobs/events';
import { readJson, route } from '@/lib/http/handler';

const body = z.discriminatedUnion('job', [
  z.object({ job: z.literal('sweep') }),
  z.object({ job: z.literal('retention') }),
  z.object({ job: z.literal('partitions') }),
  z.object({ job: z.literal('integrity') }),
  z.object({ job: z.literal('digest') }),
  z.object({ job: z.literal('archive') }).extend(EVENTS.archiveRequested.schema.shape),
  z.object({ job: z.literal('restore') }).extend(EVENTS.restoreRequested.schema.shape),
]);

function toEvent(input: z.infer<typeof body>): PipelineEvent {
  switch (input.job) {
    case 'sweep': return { key: 'sweepRequested', data: {} };
    case 'retention': return { key: 'retentionRequested', data: {} };
    case 'partitions': return { key: 'partitionsRequested', data: {} };
    case 'integrity': return { key: 'integrityRequested', data: {} };
    case 'digest': return { key: 'digestRequested', data: {} };
    case 'archive': return { key: 'archiveRequested', data: { userId: input.userId, month: input.month } };
    case 'restore': return { key: 'restoreRequested', data: { userId: input.userId, month: input.month } };
  }
}

export const POST = route('nobody', async (req) => {
  await requireCaller(['ADMIN']);
  const event = toEvent(body.parse((await readJson(req, 4 * 1024)).json));
  after(() => dispatch([event]));
  return NextResponse.json({ accepted: event.key }, { status: 202 });
});
