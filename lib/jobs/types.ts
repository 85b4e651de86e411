// A background job, defined once and run either by Inngest (inngest/functions) or by the in-process
// runner (lib/jobs/runner.ts) with the same body.
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
