// Runs the pipeline's jobs inside the app when no Inngest server is configured: the same job bodies,
// after the response, with retries and exponential backoff, cron triggers on a timer, and never two
// runs of one job for one user at once (later events for a busy user are coalesced into one rerun).
// Durability does not depend on this process: the dirty ranges in PostgreSQL are the record of work
// to do, and the sweep picks up whatever a crash or a lost event left.
import { cronMatches } from './cron';
import type { EventKey, PipelineEvent } from './events';
import type { AnyJob, JobContext } from './types';

type Slot = { running: Promise<void>; pending: PipelineEvent | null };

export type RunnerOptions = {
  jobs: readonly AnyJob[];
  /** Wraps each attempt (records job runs; `data` is the event's payload, ids only, for a dead letter's retry). */
  record?: <T>(args: { functionId: string; userId?: string; attempt: number; data: Record<string, unknown> }, work: () => Promise<T>) => Promise<T>;
  baseDelayMs?: number;
  onError?: (jobId: string, error: unknown) => void;
  /** Also hands every event (follow-ups of jobs included) to the durable workflows (lib/jobs/workflow-engine.ts). */
  forward?: (events: PipelineEvent[]) => Promise<void>;
};

export function createInProcessRunner(options: RunnerOptions) {
  const slots = new Map<string, Slot>();
  const baseDelayMs = options.baseDelayMs ?? 1000;
  let stopped = false;
  let sequence = 0;
  // Waits (debounce, backoff) end early on stop(): a stopping process must not sit on timers.
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  let timer: ReturnType<typeof setInterval> | undefined;

  async function attemptAll(job: AnyJob, event: PipelineEvent): Promise<void> {
    const userId = 'userId' in event.data ? (event.data.userId as string | undefined) : undefined;
    for (let attempt = 1; ; attempt++) {
      const ctx = {
        data: event.data,
        step: { run: (_id: string, fn: () => Promise<unknown>) => fn() },
        // Follow-up work runs on its own; the sender does not wait for it (nor hold its user's slot).
        send: async (events: PipelineEvent[]) => void dispatch(events),
      } as unknown as JobContext<EventKey>; // event.data matches job.trigger by construction (dispatch filters on it)
      const work = () => (job.run as (c: JobContext<EventKey>) => Promise<unknown>)(ctx);
      try {
        await (options.record ? options.record({ functionId: job.id, userId, attempt, data: event.data }, work) : work());
        return;
      } catch (error) {
        if (attempt > job.retries || stopped) {
          options.onError?.(job.id, error);
          return;
        }
        await sleep(baseDelayMs * 4 ** (attempt - 1));
      }
    }
  }

  function runInSlot(job: AnyJob, event: PipelineEvent): Promise<void> {
    const key = job.concurrencyKey && 'userId' in event.data ? `${job.id}:${String(event.data.userId)}` : `${job.id}#${sequence++}`;
    const busy = slots.get(key);
    if (busy) {
      busy.pending = event; // coalesced: one more run after the current one, with the latest event
      return busy.running;
    }
    const slot: Slot = { running: Promise.resolve(), pending: event };
    slots.set(key, slot);
    slot.running = (async () => {
      if (job.debounceMs) await sleep(job.debounceMs);
      while (slot.pending && !stopped) {
        const next = slot.pending;
        slot.pending = null;
        await attemptAll(job, next);
      }
      slots.delete(key);
    })();
    return slot.running;
  }

  /** Starts every job triggered by these events; resolves when those runs (and coalesced reruns) end. */
  function dispatch(events: PipelineEvent[]): Promise<void> {
    // Workflows store their events even while stopping: a started escalation must not be lost.
    const forwarded = options.forward?.(events).catch((error: unknown) => options.onError?.('workflows', error));
    if (stopped) return forwarded ?? Promise.resolve();
    const runs = events.flatMap((event) => options.jobs.filter((j) => j.trigger === event.key).map((job) => runInSlot(job, event)));
    return Promise.all([...runs, forwarded]).then(() => undefined);
  }

  function startCron(): void {
    if (timer) return;
    const tick = () => {
      const now = new Date();
      const due = options.jobs.filter((j) => j.cron && cronMatches(j.cron, now));
      void dispatch(due.map((j) => ({ key: j.trigger, data: {} }) as PipelineEvent));
    };
    // Align to the start of each minute, then tick every minute.
    const firstDelay = 60_000 - (Date.now() % 60_000);
    setTimeout(() => {
      if (stopped) return;
      tick();
      timer = setInterval(tick, 60_000);
      timer.unref?.();
    }, firstDelay).unref?.();
  }

  /** Waits for every run in flight. */
  async function idle(): Promise<void> {
    while (slots.size > 0) await Promise.all([...slots.values()].map((s) => s.running));
  }

  /** Stops the timer and new work; runs in flight finish (graceful shutdown). */
  async function stop(): Promise<void> {
    stopped = true;
    if (timer) clearInterval(timer);
    for (const wake of [...wakers]) wake();
    await idle();
  }

  return { dispatch, startCron, idle, stop };
}

export type InProcessRunner = ReturnType<typeof createInProcessRunner>;
