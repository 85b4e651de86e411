// Sends pipeline events: to the Inngest server when one is configured, else to the in-process runner
// (which runs the same job bodies after the response) and its durable workflow engine (which stores
// each event into the workflow runs it starts or wakes). Also starts the in-process cron timer and the
// workflow poller, and stops both on shutdown.
import { recordJobRun } from '@/lib/data/job-runs';
import { env } from '@/lib/env';
import { ALL_JOBS, ALL_WORKFLOWS } from '@/lib/jobs/all';
import type { PipelineEvent } from '@/lib/jobs/events';
import { createInProcessRunner, type InProcessRunner } from '@/lib/jobs/runner';
import { createWorkflowEngine, type WorkflowEngine } from '@/lib/jobs/workflow-engine';

const globalRunner = globalThis as unknown as { pipelineRunner?: InProcessRunner; workflowEngine?: WorkflowEngine };

export function workflowEngine(): WorkflowEngine {
  globalRunner.workflowEngine ??= createWorkflowEngine({
    workflows: ALL_WORKFLOWS,
    onError: (functionId) => console.error(`[pipeline] workflow ${functionId}: a run failed (see the admin pipeline page)`),
  });
  return globalRunner.workflowEngine;
}

export function inProcessRunner(): InProcessRunner {
  globalRunner.pipelineRunner ??= createInProcessRunner({
    jobs: ALL_JOBS,
    record: (args, work) => recordJobRun({ ...args, mode: 'in-process' }, work),
    onError: (jobId) => console.error(`[pipeline] job ${jobId} failed after its retries; the sweep will retry its work`),
    forward: (events) => workflowEngine().deliver(events),
  });
  return globalRunner.pipelineRunner;
}

/** Resolves once the event is handed over (server) or its runs are finished (in-process). */
export async function dispatch(events: PipelineEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (env().inngestMode === 'server') {
    // The SDK loads only here: an in-process server (and every route that dispatches) never holds it.
    const [{ inngest }, { eventTypes }] = await Promise.all([import('./client'), import('./events')]);
    await inngest.send(events.map((e) => eventTypes[e.key].create(e.data as never)));
    return;
  }
  await inProcessRunner().dispatch(events);
}

/** In-process mode: cron on a timer, the workflow poller, and one sweep at start-up for whatever a crash left behind. */
export function startBackgroundWork(): void {
  if (env().inngestMode !== 'in-process') return;
  const runner = inProcessRunner();
  runner.startCron();
  workflowEngine().start();
  void runner.dispatch([{ key: 'sweepRequested', data: {} }]);
}

/** Graceful shutdown: no new work; runs in flight finish (a workflow run after its current step). */
export async function stopBackgroundWork(): Promise<void> {
  await Promise.all([inProcessRunner().stop(), workflowEngine().stop()]);
}
