// Runs once when the Node.js server starts: background work of the in-process mode (see
// inngest/dispatch.ts) and graceful shutdown (lib/observability/lifecycle.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { inProcessRunner, startBackgroundWork } = await import('./inngest/dispatch');
  const { closeDb } = await import('./lib/db/client');
  const { installShutdownHandlers } = await import('./lib/observability/lifecycle');
  startBackgroundWork();
  if (process.env.NEXT_MANUAL_SIG_HANDLE) installShutdownHandlers([() => inProcessRunner().stop(), closeDb]);
}
