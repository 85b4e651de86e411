// Runs durable workflows inside the app when no Inngest server is configured, with Inngest's semantics
// and the same bodies: each run's state is a row of workflow_runs (memoized steps, when it is due, what
// it waits for), so sleeps and waits survive restarts. A poller claims due runs with FOR UPDATE SKIP
// LOCKED and an expiring claim, so each runs once across instances and a crashed instance's runs are
// taken over; an event starts the workflows it triggers and wakes the runs waiting for it at once.
// A failing step is retried with backoff (the workflow's retries), then the run fails with its error.
import {
  claimDueWorkflowRuns,
  deliverWorkflowEvent,
  saveWorkflowStep,
  startWorkflowRuns,
  updateWorkflowRun,
  type ClaimedRun,
} from '../data/workflow-runs';
import { EVENTS, type PipelineEvent } from './events';
import type { AnyWorkflow } from './types';
import { replayRun } from './workflow-replay';

export type WorkflowEngineOptions = {
  workflows: readonly AnyWorkflow[];
  /** The clock (tests move it). */
  now?: () => Date;
  pollIntervalMs?: number;
  /** How long a claim holds without progress before another instance may take the run over. */
  claimMs?: number;
  /** First retry delay; each further retry waits 4 times longer. */
  retryBaseMs?: number;
  batchSize?: number;
  onError?: (functionId: string, error: unknown) => void;
};

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);

export function createWorkflowEngine(options: WorkflowEngineOptions) {
  const now = options.now ?? (() => new Date());
  const claimMs = options.claimMs ?? 5 * 60_000;
  const retryBaseMs = options.retryBaseMs ?? 10_000;
  const byId = new Map(options.workflows.map((w) => [w.id, w]));
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let ticking: Promise<number> | null = null;
  let again = false;

  async function execute(run: ClaimedRun): Promise<void> {
    const workflow = byId.get(run.functionId)!; // claims only take runs of known workflows
    const at = now();
    const { outcome, saved } = await replayRun(workflow, run, {
      now: at,
      save: (step, value) => saveWorkflowStep(run, { id: step, value }, { now: now(), claimMs }),
      stopping: () => stopped,
    });
    const end = now();
    switch (outcome.kind) {
      case 'lost':
        return;
      case 'completed':
        await updateWorkflowRun(run, { status: 'COMPLETED', result: outcome.result }, end);
        return;
      case 'sleep':
        await updateWorkflowRun(run, { status: 'SLEEPING', step: outcome.step, wakeAt: outcome.wakeAt }, end);
        return;
      case 'wait':
        await updateWorkflowRun(run, { status: 'WAITING', step: outcome.step, wakeAt: outcome.wakeAt, wait: { event: outcome.event, field: outcome.field, value: outcome.value } }, end);
        return;
      case 'released':
        await updateWorkflowRun(run, { status: 'RUNNING', step: null, wakeAt: end, attempts: saved > 0 ? 0 : run.attempts }, end);
        return;
      case 'failed': {
        const attempts = (saved > 0 ? 0 : run.attempts) + 1;
        const error = describe(outcome.error);
        if (attempts > workflow.retries) {
          await updateWorkflowRun(run, { status: 'FAILED', step: outcome.step, attempts, error }, end);
          options.onError?.(workflow.id, outcome.error);
        } else {
          const wakeAt = new Date(end.getTime() + retryBaseMs * 4 ** (attempts - 1));
          await updateWorkflowRun(run, { status: 'RUNNING', step: outcome.step, wakeAt, attempts, error }, end);
        }
      }
    }
  }

  async function drain(): Promise<number> {
    let executed = 0;
    do {
      again = false;
      // Bounded, so a run that is due again at once cannot keep one tick busy forever.
      for (let round = 0; round < 50 && !stopped; round++) {
        const claimed = await claimDueWorkflowRuns({ functionIds: [...byId.keys()], now: now(), claimMs, limit: options.batchSize ?? 20 });
        if (claimed.length === 0) break;
        await Promise.all(claimed.map((run) => execute(run).catch((error: unknown) => options.onError?.(run.functionId, error))));
        executed += claimed.length;
      }
    } while (again && !stopped);
    return executed;
  }

  /** Executes every run that is due now; resolves with how many executions ran (one tick at a time per engine). */
  function tick(): Promise<number> {
    if (ticking) {
      again = true;
      return ticking;
    }
    ticking = drain().finally(() => (ticking = null));
    return ticking;
  }

  /**
   * Starts the workflows these events trigger (one run per idempotency key) and hands each event to the
   * runs waiting for it, then executes what is due. Events are stored even while stopping (durable).
   */
  async function deliver(events: PipelineEvent[]): Promise<void> {
    const at = now();
    let due = 0;
    for (const event of events) {
      const starts = options.workflows
        .filter((w) => w.trigger === event.key)
        .map((w) => ({ functionId: w.id, key: String((event.data as Record<string, unknown>)[w.idempotencyKey]), data: event.data }));
      if (starts.length > 0) due += await startWorkflowRuns(starts, at);
      due += await deliverWorkflowEvent({ name: EVENTS[event.key].name, data: event.data }, at);
    }
    if (due > 0 && !stopped) await tick();
  }

  function start(): void {
    if (timer || stopped) return;
    const poll = () => void tick().catch((error: unknown) => options.onError?.('workflows', error));
    timer = setInterval(poll, options.pollIntervalMs ?? 5_000);
    timer.unref?.();
    poll(); // at start-up: whatever came due while no instance was running
  }

  /** Stops polling; an execution in flight ends after its current step and gives the run back, due now. */
  async function stop(): Promise<void> {
    stopped = true;
    if (timer) clearInterval(timer);
    await ticking;
  }

  return { deliver, tick, start, stop };
}

export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;
