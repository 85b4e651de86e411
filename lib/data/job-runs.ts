// Records each background function run (either mode) for the admin's pipeline status. Only ids, counts
// and error messages are stored: never health values.
import { prisma } from '../db/client';

export type RunMode = 'inngest' | 'in-process';

export async function recordJobRun<T>(
  args: { functionId: string; userId?: string; mode: RunMode; attempt: number; data?: Record<string, unknown> },
  work: () => Promise<T>,
  summarize: (result: T) => Record<string, unknown> = () => ({}),
): Promise<T> {
  const run = await prisma.jobRun.create({
    // The event's data (ids only) lets an admin retry the run from the dead letters (lib/jobs/dead-letters.ts).
    data: { functionId: args.functionId, userId: args.userId ?? null, mode: args.mode, attempt: args.attempt, eventData: args.data as object | undefined },
    select: { id: true },
  });
  try {
    const result = await work();
    await prisma.jobRun.update({
      where: { id: run.id },
      data: { status: 'SUCCEEDED', finishedAt: new Date(), result: summarize(result) as object },
    });
    return result;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : 'unknown error';
    await prisma.jobRun
      .update({ where: { id: run.id }, data: { status: 'FAILED', finishedAt: new Date(), error: message } })
      .catch(() => undefined);
    throw error;
  }
}

/** A run recorded once it is over (Inngest mode: the handler body replays per step, so no RUNNING row). */
export async function recordFinishedRun(args: {
  functionId: string;
  userId?: string;
  mode: RunMode;
  attempt: number;
  error?: unknown;
  result?: unknown;
  data?: Record<string, unknown>;
}): Promise<void> {
  const failed = args.error !== undefined;
  await prisma.jobRun.create({
    data: {
      functionId: args.functionId,
      userId: args.userId ?? null,
      mode: args.mode,
      attempt: args.attempt,
      eventData: args.data as object | undefined,
      status: failed ? 'FAILED' : 'SUCCEEDED',
      finishedAt: new Date(),
      error: failed ? (args.error instanceof Error ? `${args.error.name}: ${args.error.message}` : String(args.error)).slice(0, 500) : null,
      result: failed ? undefined : ((args.result ?? {}) as object),
    },
  });
}
