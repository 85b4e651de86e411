// The durable workflow engine on the real database with its clock controlled: a run sleeps and resumes
// in a new engine (a restart), two engines ticking at once execute each step once, waitForEvent ends by
// the event or by its timeout, a failing step is retried with backoff and then fails the run, a crashed
// instance's claim lapses. Each test has workflows of its own ids, so the test server's engine (same
// database) never claims their runs.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { claimDueWorkflowRuns, saveWorkflowStep } from '@/lib/data/workflow-runs';
import { prisma } from '@/lib/db/client';
import type { PipelineEvent } from './events';
import { defineWorkflow, type AnyWorkflow } from './types';
import { createWorkflowEngine, type WorkflowEngine } from './workflow-engine';

const MIN = 60_000;
const T0 = new Date('2030-03-04T10:00:00Z');

/** Side effects of step bodies, per run key: each must happen exactly once. */
const effects = new Map<string, string[]>();
const effect = (key: string, what: string) => effects.set(key, [...(effects.get(key) ?? []), what]);

/** run a step, sleep 10 minutes, wait up to 5 minutes for the acknowledgement, run another step. */
function sleepAndWait(id = `test-flow-${randomUUID()}`) {
  return defineWorkflow({
    id,
    trigger: 'emergencyOpened',
    idempotencyKey: 'emergencyEventId',
    retries: 2,
    async run({ data, step }) {
      const key = data.emergencyEventId;
      const first = await step.run('first', async () => {
        effect(key, 'first');
        await new Promise((resolve) => setTimeout(resolve, 20)); // long enough for two engines to overlap
        return { at: new Date(T0.getTime()), n: 1 };
      });
      await step.sleep('nap', 10 * MIN);
      const ack = await step.waitForEvent('ack', { event: 'emergencyAcknowledged', match: 'emergencyEventId', timeoutMs: 5 * MIN });
      const second = await step.run('second', async () => {
        effect(key, `second:${ack ? 'acknowledged' : 'timeout'}`);
        return ack ? ack.patientId : null;
      });
      return { first, second };
    },
  });
}

function world(workflows: AnyWorkflow[]) {
  let now = T0;
  const engines: WorkflowEngine[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
    engine() {
      const engine = createWorkflowEngine({ workflows, now: () => now, pollIntervalMs: 3_600_000, retryBaseMs: MIN, claimMs: 2 * MIN, batchSize: 2 });
      engines.push(engine);
      return engine;
    },
    stopAll: () => Promise.all(engines.map((e) => e.stop())),
  };
}

const opened = (emergencyEventId: string, patientId = randomUUID()): PipelineEvent => ({ key: 'emergencyOpened', data: { patientId, emergencyEventId } });
const acknowledged = (emergencyEventId: string, patientId: string): PipelineEvent => ({ key: 'emergencyAcknowledged', data: { patientId, emergencyEventId } });
const runOf = (functionId: string, key: string) => prisma.workflowRun.findUniqueOrThrow({ where: { functionId_idempotencyKey: { functionId, idempotencyKey: key } } });

let stop: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('workflow engine', () => {
  it('sleeps, survives a restart, resumes on the event: every step once, nothing lost', async () => {
    const flow = sleepAndWait();
    const w = world([flow]);
    stop = w.stopAll;
    const key = randomUUID();
    const patientId = randomUUID();

    const first = w.engine();
    await first.deliver([opened(key, patientId)]);
    let run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'SLEEPING', currentStep: 'nap', wakeAt: new Date(T0.getTime() + 10 * MIN), claimToken: null });
    expect(run.steps).toEqual({ first: { at: T0.toISOString(), n: 1 } });
    await first.deliver([opened(key, patientId)]); // the same emergency again: still one run
    expect(await prisma.workflowRun.count({ where: { functionId: flow.id } })).toBe(1);
    w.advance(5 * MIN);
    expect(await first.tick()).toBe(0); // not due yet
    await first.stop(); // the process goes away mid-sleep

    w.advance(5 * MIN + 1000);
    const second = w.engine(); // a new instance
    expect(await second.tick()).toBe(1);
    run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'WAITING', currentStep: 'ack', waitEvent: 'emergency/acknowledged', waitField: 'emergencyEventId', waitValue: key });
    expect(run.wakeAt).toEqual(new Date(w.now().getTime() + 5 * MIN));

    w.advance(2 * MIN);
    await second.deliver([acknowledged(randomUUID(), patientId)]); // another emergency's: not this run's
    expect((await runOf(flow.id, key)).status).toBe('WAITING');
    await second.deliver([acknowledged(key, patientId)]);
    run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'COMPLETED', currentStep: 'second', finishedAt: w.now(), lastError: null });
    expect(run.result).toEqual({ first: { at: T0.toISOString(), n: 1 }, second: patientId });
    expect(Object.keys(run.steps as object).sort()).toEqual(['ack', 'first', 'nap', 'second']);
    expect(effects.get(key)).toEqual(['first', 'second:acknowledged']);

    w.advance(60 * MIN);
    expect(await w.engine().tick()).toBe(0); // over: nothing runs again
    expect(effects.get(key)).toEqual(['first', 'second:acknowledged']);
  });

  it('the wait times out: null, and a late event changes nothing', async () => {
    const flow = sleepAndWait();
    const w = world([flow]);
    stop = w.stopAll;
    const key = randomUUID();
    const engine = w.engine();
    await engine.deliver([opened(key)]);
    w.advance(10 * MIN);
    await engine.tick();
    expect((await runOf(flow.id, key)).status).toBe('WAITING');
    w.advance(5 * MIN - 1000);
    expect(await engine.tick()).toBe(0);
    w.advance(1000);
    expect(await engine.tick()).toBe(1);
    const run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'COMPLETED', result: { second: null } });
    expect((run.steps as Record<string, unknown>).ack).toBeNull();
    await engine.deliver([acknowledged(key, randomUUID())]);
    expect(effects.get(key)).toEqual(['first', 'second:timeout']);
  });

  it('two engines ticking at once execute each run once', async () => {
    const flow = sleepAndWait();
    const w = world([flow]);
    stop = w.stopAll;
    const [a, b] = [w.engine(), w.engine()];
    const keys = Array.from({ length: 8 }, () => randomUUID());
    // Stored while "another instance" is stopped, so the first executions are the concurrent ticks'.
    const idle = w.engine();
    await idle.stop();
    await idle.deliver(keys.map((k) => opened(k)));
    expect(await prisma.workflowRun.count({ where: { functionId: flow.id, status: 'RUNNING' } })).toBe(8);

    const executions = async () => (await Promise.all([a.tick(), b.tick()])).reduce((x, y) => x + y, 0);
    expect(await executions()).toBe(8); // first step, then asleep
    w.advance(10 * MIN);
    expect(await executions()).toBe(8); // awake, then waiting
    w.advance(5 * MIN);
    expect(await executions()).toBe(8); // timed out, second step, completed
    expect(await executions()).toBe(0);
    for (const key of keys) expect(effects.get(key)).toEqual(['first', 'second:timeout']);
    expect(await prisma.workflowRun.count({ where: { functionId: flow.id, status: 'COMPLETED' } })).toBe(8);
  });

  it('a failing step is retried with backoff, then the run fails with its error; steps before it ran once', async () => {
    let calls = 0;
    const flow = defineWorkflow({
      id: `test-failing-${randomUUID()}`,
      trigger: 'emergencyOpened',
      idempotencyKey: 'emergencyEventId',
      retries: 2,
      async run({ data, step }) {
        await step.run('before', async () => effect(data.emergencyEventId, 'before'));
        await step.run('flaky', async () => {
          calls++;
          throw new TypeError('mail server unreachable');
        });
      },
    });
    const w = world([flow]);
    stop = w.stopAll;
    const key = randomUUID();
    const engine = w.engine();
    await engine.deliver([opened(key)]);
    let run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'RUNNING', currentStep: 'flaky', attempts: 1, lastError: 'TypeError: mail server unreachable', wakeAt: new Date(T0.getTime() + MIN) });
    expect(await engine.tick()).toBe(0); // backoff
    w.advance(MIN);
    expect(await engine.tick()).toBe(1);
    run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'RUNNING', attempts: 2, wakeAt: new Date(w.now().getTime() + 4 * MIN) }); // 4 times longer
    w.advance(4 * MIN);
    expect(await engine.tick()).toBe(1);
    run = await runOf(flow.id, key);
    expect(run).toMatchObject({ status: 'FAILED', currentStep: 'flaky', attempts: 3, lastError: 'TypeError: mail server unreachable', wakeAt: null, finishedAt: w.now() });
    expect(calls).toBe(3);
    expect(effects.get(key)).toEqual(['before']);
    w.advance(60 * MIN);
    expect(await engine.tick()).toBe(0);
  });

  it('a step that succeeds on retry lets the run go on; the next step gets its own retries', async () => {
    const failures = new Map<string, number>([['one', 1], ['two', 2]]);
    const flow = defineWorkflow({
      id: `test-recovering-${randomUUID()}`,
      trigger: 'emergencyOpened',
      idempotencyKey: 'emergencyEventId',
      retries: 2,
      async run({ step }) {
        for (const id of ['one', 'two']) {
          await step.run(id, async () => {
            const left = failures.get(id)!;
            failures.set(id, left - 1);
            if (left > 0) throw new Error(`${id} not yet`);
            return id;
          });
        }
        return 'done';
      },
    });
    const w = world([flow]);
    stop = w.stopAll;
    const key = randomUUID();
    const engine = w.engine();
    await engine.deliver([opened(key)]);
    for (let i = 0; i < 3; i++) {
      w.advance(16 * MIN);
      await engine.tick();
    }
    expect(await runOf(flow.id, key)).toMatchObject({ status: 'COMPLETED', result: 'done', attempts: 0, lastError: null, steps: { one: 'one', two: 'two' } });
  });

  it('a crashed instance’s claim lapses and another takes the run over; the stale instance writes nothing', async () => {
    const flow = sleepAndWait();
    const w = world([flow]);
    stop = w.stopAll;
    const key = randomUUID();
    const engine = w.engine();
    const stopped = w.engine();
    await stopped.stop();
    await stopped.deliver([opened(key)]); // stored, not executed
    const [crashed] = await claimDueWorkflowRuns({ functionIds: [flow.id], now: w.now(), claimMs: 2 * MIN, limit: 1 });
    expect(crashed).toBeDefined();
    expect(await engine.tick()).toBe(0); // claimed by the crashed instance
    w.advance(2 * MIN);
    expect(await engine.tick()).toBe(1); // the claim lapsed
    expect(await runOf(flow.id, key)).toMatchObject({ status: 'SLEEPING' });
    expect(await saveWorkflowStep(crashed!, { id: 'first', value: 'stale' }, { now: w.now(), claimMs: MIN })).toBeNull();
    expect((await runOf(flow.id, key)).steps).toEqual({ first: { at: T0.toISOString(), n: 1 } });
    expect(effects.get(key)).toEqual(['first']);
  });

  it('stopping: a run in flight finishes its step and goes back, due now; the next instance goes on', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inStep = new Promise<void>((resolve) => (entered = resolve));
    const flow = defineWorkflow({
      id: `test-stopping-${randomUUID()}`,
      trigger: 'emergencyOpened',
      idempotencyKey: 'emergencyEventId',
      retries: 0,
      async run({ data, step }) {
        await step.run('slow', async () => {
          entered();
          await gate;
          effect(data.emergencyEventId, 'slow');
        });
        await step.run('after', async () => effect(data.emergencyEventId, 'after'));
        await step.sleepUntil('in-the-past', new Date(T0.getTime() - MIN)); // already due: goes straight on
        return 'done';
      },
    });
    const w = world([flow]);
    stop = w.stopAll;
    const key = randomUUID();
    const engine = w.engine();
    const delivered = engine.deliver([opened(key)]);
    await inStep;
    const stopping = engine.stop();
    release();
    await Promise.all([delivered, stopping]);
    expect(await runOf(flow.id, key)).toMatchObject({ status: 'RUNNING', currentStep: 'slow', wakeAt: T0, claimToken: null });
    expect(effects.get(key)).toEqual(['slow']);
    expect(await w.engine().tick()).toBe(1);
    expect(await runOf(flow.id, key)).toMatchObject({ status: 'COMPLETED', result: 'done' });
    expect(effects.get(key)).toEqual(['slow', 'after']);
  });
});
