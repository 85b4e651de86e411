// Turns a job definition (lib/jobs) into an Inngest function: its event and cron triggers, a
// concurrency key of one run per user, debounce and retries; the body is the job's own. A workflow
// definition becomes one with Inngest's durable step tools (sleep, sleepUntil, waitForEvent) and one
// run per idempotency key.
import type { EventData, EventKey, PipelineEvent } from '@/lib/jobs/events';
import type { JobContext, JobDefinition, StepTools, WaitForEventOptions, WorkflowDefinition, WorkflowStepTools } from '@/lib/jobs/types';
import { recordFinishedRun } from '@/lib/data/job-runs';
import { inngest } from './client';
import { eventTypes } from './events';

export function createFunction<K extends EventKey>(job: JobDefinition<K>) {
  const trigger = eventTypes[job.trigger];
  return inngest.createFunction(
    {
      id: job.id,
      retries: job.retries as 0 | 1 | 2 | 3 | 4,
      triggers: job.cron ? [trigger, { cron: `TZ=UTC ${job.cron}` }] : [trigger],
      ...(job.concurrencyKey ? { concurrency: { key: `event.data.${job.concurrencyKey}`, limit: 1 } } : {}),
      ...(job.debounceMs ? { debounce: { key: 'event.data.userId', period: `${Math.round(job.debounceMs / 1000)}s` as `${number}s` } } : {}),
      onFailure: async ({ error, event }) => {
        const userId = (event.data.event.data as { userId?: string }).userId;
        await recordFinishedRun({ functionId: job.id, userId, mode: 'inngest', attempt: job.retries + 1, error, data: event.data.event.data as Record<string, unknown> });
      },
    },
    async ({ event, step, attempt }) => {
      // Step results of our jobs are plain JSON (ids and counts), so Inngest's serialization keeps them as they are.
      const steps: StepTools = { run: (id, fn) => step.run(id, fn) as Promise<Awaited<ReturnType<typeof fn>>> };
      // One step per send, numbered in call order (the same on every replay): 'follow-up', 'follow-up-2', …
      let sends = 0;
      const send = async (events: PipelineEvent[]) => {
        if (events.length === 0) return;
        sends++;
        await step.sendEvent(sends === 1 ? 'follow-up' : `follow-up-${sends}`, events.map((e) => eventTypes[e.key].create(e.data as never)));
      };
      const data = (event.name === trigger.name ? event.data : {}) as JobContext<K>['data']; // cron runs carry no data
      const userId = 'userId' in data ? (data.userId as string | undefined) : undefined;
      const result = await job.run({ data, step: steps, send });
      await step.run('record-run', () => recordFinishedRun({ functionId: job.id, userId, mode: 'inngest', attempt: attempt + 1, result }));
      return result;
    },
  );
}

export function createWorkflowFunction<K extends EventKey>(workflow: WorkflowDefinition<K>) {
  const trigger = eventTypes[workflow.trigger];
  return inngest.createFunction(
    {
      id: workflow.id,
      retries: workflow.retries as 0 | 1 | 2 | 3 | 4,
      triggers: [trigger],
      idempotency: `event.data.${workflow.idempotencyKey}`,
      onFailure: async ({ error }) => {
        await recordFinishedRun({ functionId: workflow.id, mode: 'inngest', attempt: workflow.retries + 1, error });
      },
    },
    async ({ event, step, attempt }) => {
      const steps: WorkflowStepTools = {
        run: (id, fn) => step.run(id, fn) as Promise<Awaited<ReturnType<typeof fn>>>,
        sleep: (id, ms) => step.sleep(id, `${Math.max(0, Math.round(ms))}ms`),
        sleepUntil: (id, at) => step.sleepUntil(id, at),
        waitForEvent: async <E extends EventKey>(id: string, options: WaitForEventOptions<E>) => {
          const received = await step.waitForEvent(id, {
            event: eventTypes[options.event],
            timeout: options.until ?? `${Math.max(0, Math.round(options.timeoutMs))}ms`,
            if: `async.data.${options.match} == event.data.${options.match}`,
          });
          return received ? (received.data as EventData<E>) : null;
        },
      };
      const result = await workflow.run({ data: event.data as Parameters<WorkflowDefinition<K>['run']>[0]['data'], step: steps });
      await step.run('record-run', () => recordFinishedRun({ functionId: workflow.id, mode: 'inngest', attempt: attempt + 1, result }));
      return result;
    },
  );
}
