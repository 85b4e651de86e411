// One execution of a claimed workflow run, the way Inngest executes a function: the body is replayed
// from the start; a step already finished returns its stored result (its code never runs twice); the
// first unfinished `run` step executes and its result is stored before the body goes on; a sleep not
// yet due or a wait not yet satisfied ends the execution (the engine stores when to wake). The body's
// pending promise is then abandoned, never settled, like Inngest does, so no code after it runs.
import type { ClaimedRun } from '../data/workflow-runs';
import { EVENTS, type EventData, type EventKey } from './events';
import type { AnyWorkflow, WaitForEventOptions, WorkflowDefinition, WorkflowStepTools } from './types';

export type Outcome =
  | { kind: 'completed'; result: unknown }
  | { kind: 'sleep'; step: string; wakeAt: Date }
  | { kind: 'wait'; step: string; wakeAt: Date; event: string; field: string; value: string }
  | { kind: 'failed'; step: string | null; error: unknown }
  /** The engine is stopping: the run goes back, due now, for the next instance. */
  | { kind: 'released' }
  /** Another instance holds the run now (this one's claim lapsed): write nothing. */
  | { kind: 'lost' };

export type ReplayContext = {
  now: Date;
  /** Stores a step's result; returns the stored one (the first stored wins), or null when the claim was lost. */
  save: (step: string, value: unknown) => Promise<{ value: unknown } | null>;
  stopping: () => boolean;
};

/** Step results go through JSON on the first execution too, so a replay sees exactly what the first run saw. */
const toJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export async function replayRun(workflow: AnyWorkflow, run: ClaimedRun, ctx: ReplayContext): Promise<{ outcome: Outcome; saved: number }> {
  const memo = new Map(Object.entries(run.steps));
  const used = new Set<string>();
  let saved = 0;
  let halt!: (outcome: Outcome) => void;
  const halted = new Promise<Outcome>((resolve) => (halt = resolve));
  const stop = (outcome: Outcome): Promise<never> => {
    halt(outcome);
    return new Promise<never>(() => undefined);
  };
  const markUsed = (id: string) => {
    if (used.has(id)) throw new Error(`workflow ${workflow.id}: step id "${id}" is used twice`);
    used.add(id);
  };
  // A step that is over without running code (a sleep that is due, a wait that timed out) is stored too.
  const finish = async (id: string, value: unknown): Promise<unknown> => {
    const stored = await ctx.save(id, value);
    if (!stored) return stop({ kind: 'lost' });
    saved++;
    memo.set(id, stored.value);
    return stored.value;
  };
  // Resumed in this step at its wake time (claims only take due runs).
  const resumedIn = (id: string, status: ClaimedRun['status']) => run.currentStep === id && run.status === status && run.wakeAt !== null;

  const step: WorkflowStepTools = {
    async run<T>(id: string, fn: () => Promise<T>): Promise<T> {
      markUsed(id);
      if (memo.has(id)) return memo.get(id) as T;
      if (ctx.stopping()) return stop({ kind: 'released' });
      let value: unknown;
      try {
        value = toJson(await fn());
      } catch (error) {
        return stop({ kind: 'failed', step: id, error });
      }
      return (await finish(id, value)) as T;
    },
    async sleep(id, ms) {
      markUsed(id);
      if (memo.has(id)) return;
      const wakeAt = resumedIn(id, 'SLEEPING') ? run.wakeAt! : new Date(ctx.now.getTime() + ms);
      if (wakeAt > ctx.now) return stop({ kind: 'sleep', step: id, wakeAt });
      await finish(id, null);
    },
    async sleepUntil(id, at) {
      markUsed(id);
      if (memo.has(id)) return;
      if (at > ctx.now) return stop({ kind: 'sleep', step: id, wakeAt: at });
      await finish(id, null);
    },
    async waitForEvent<E extends EventKey>(id: string, options: WaitForEventOptions<E>) {
      markUsed(id);
      type Data = EventData<E> | null;
      if (memo.has(id)) return memo.get(id) as Data;
      // Resumed at the timeout: null, unless the event was stored in the meantime (the first stored wins).
      if (resumedIn(id, 'WAITING')) return (await finish(id, null)) as Data;
      const deadline = options.until ?? new Date(ctx.now.getTime() + options.timeoutMs!);
      if (deadline <= ctx.now) return (await finish(id, null)) as Data;
      const value = String(run.eventData[options.match]);
      return stop({ kind: 'wait', step: id, wakeAt: deadline, event: EVENTS[options.event].name, field: options.match, value });
    },
  };

  const body = (workflow as WorkflowDefinition<EventKey>).run({ data: run.eventData as never, step }).then(
    (result): Outcome => ({ kind: 'completed', result: toJson(result) }),
    (error: unknown): Outcome => ({ kind: 'failed', step: null, error }),
  );
  const outcome = await Promise.race([body, halted]);
  return { outcome, saved };
}
