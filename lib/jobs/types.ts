// A background job or a durable workflow, defined once and run either by Inngest (inngest/functions) or
// in-process (jobs: lib/jobs/runner.ts; workflows: lib/jobs/workflow-engine.ts) with the same body.
import type { EventData, EventKey, PipelineEvent } from './events';

/** The step tools a job body uses; Inngest's step.run, or a direct call in-process. */
export type StepTools = { run<T>(id: string, fn: () => Promise<T>): Promise<T> };

export type JobContext<K extends EventKey> = {
  data: EventData<K>;
  step: StepTools;
  /** Emits follow-up events (step.sendEvent under Inngest; the runner's dispatch in-process). */
  send: (events: PipelineEvent[]) => Promise<void>;
};

export type JobDefinition<K extends EventKey> = {
  id: string;
  trigger: K;
  /** Also run on this schedule (UTC cron, minute hour day-of-month month day-of-week). */
  cron?: string;
  /** At most one run per value of this payload field at a time (Inngest: a concurrency key). */
  concurrencyKey?: 'userId';
  /** Wait this long and absorb further events for the same key before running (insights). */
  debounceMs?: number;
  retries: number;
  run: (ctx: JobContext<K>) => Promise<unknown>;
};

export type AnyJob = { [K in EventKey]: JobDefinition<K> }[EventKey];

export function defineJob<K extends EventKey>(job: JobDefinition<K>): JobDefinition<K> {
  return job;
}

/** Waits for an event whose payload field `match` equals the same field of the run's triggering event. */
export type WaitForEventOptions<E extends EventKey> = {
  event: E;
  match: keyof EventData<E> & string;
} & ({ timeoutMs: number; until?: never } | { until: Date; timeoutMs?: never });

/**
 * A workflow's step tools: durable under Inngest (step.sleep, step.waitForEvent …) and in-process
 * (state in workflow_runs). Call them one at a time (await each): the body is replayed from the start on
 * every execution, a finished step returning its stored result, so code outside steps must be
 * deterministic and step results plain JSON.
 */
export type WorkflowStepTools = StepTools & {
  sleep(id: string, ms: number): Promise<void>;
  /** Returns at once when the time has passed (a late start does not delay what is already due). */
  sleepUntil(id: string, at: Date): Promise<void>;
  /** The awaited event's data, or null when the timeout came first. */
  waitForEvent<E extends EventKey>(id: string, options: WaitForEventOptions<E>): Promise<EventData<E> | null>;
};

export type WorkflowDefinition<K extends EventKey> = {
  id: string;
  trigger: K;
  /** One run per value of this payload field, ever (Inngest: idempotency). */
  idempotencyKey: keyof EventData<K> & string;
  /** Retries of a failing step (then the run fails). */
  retries: number;
  run: (ctx: { data: EventData<K>; step: WorkflowStepTools }) => Promise<unknown>;
};

export type AnyWorkflow = { [K in EventKey]: WorkflowDefinition<K> }[EventKey];

export function defineWorkflow<K extends EventKey>(workflow: WorkflowDefinition<K>): WorkflowDefinition<K> {
  return workflow;
}
