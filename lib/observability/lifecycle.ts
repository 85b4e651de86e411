// Graceful shutdown. On SIGTERM/SIGINT the process stops being ready (GET /ready answers 503, so a load
// balancer stops sending work), waits for the requests in flight and the in-process pipeline runs to
// finish, closes the database pool and exits; after 30 s it gives up and exits non-zero. Durability does
// not depend on it: dirty ranges left behind are picked up by the next sweep.
import { log } from './log';

const GIVE_UP_AFTER_MS = 30_000;

type State = { draining: boolean; inFlight: number; idleWaiters: Array<() => void>; installed: boolean };
const state = ((globalThis as unknown as { pulseLifecycle?: State }).pulseLifecycle ??= {
  draining: false,
  inFlight: 0,
  idleWaiters: [],
  installed: false,
});

export function isDraining(): boolean {
  return state.draining;
}

/** Counts a request in flight for the duration of `work`. */
export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
  state.inFlight++;
  try {
    return await work();
  } finally {
    state.inFlight--;
    if (state.inFlight === 0) for (const wake of state.idleWaiters.splice(0)) wake();
  }
}

function requestsDone(): Promise<void> {
  return state.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => state.idleWaiters.push(resolve));
}

/**
 * Drains and exits. `steps` run in order after the requests in flight are done (stop the pipeline
 * runner, close the pool). Exposed for tests; `installShutdownHandlers` wires it to the signals.
 */
export async function shutdown(steps: Array<() => Promise<void>>, exit: (code: number) => void = process.exit): Promise<void> {
  if (state.draining) return;
  state.draining = true;
  log.info({ inFlight: state.inFlight }, 'shutting down: draining');
  const timer = setTimeout(() => {
    log.error({ inFlight: state.inFlight }, 'shutdown did not finish in 30 s: exiting');
    exit(1);
  }, GIVE_UP_AFTER_MS);
  timer.unref?.();
  try {
    await requestsDone();
    for (const step of steps) await step();
    clearTimeout(timer);
    log.info('shutdown complete');
    exit(0);
  } catch (error) {
    clearTimeout(timer);
    log.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
    exit(1);
  }
}

/**
 * Takes over SIGTERM/SIGINT. Next.js's own handler exits at once; it stands aside when the server is
 * started with NEXT_MANUAL_SIG_HANDLE=true (`npm start` does; set it for `node server.js` too).
 */
export function installShutdownHandlers(steps: Array<() => Promise<void>>): void {
  if (state.installed) return;
  state.installed = true;
  const onSignal = () => void shutdown(steps);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
