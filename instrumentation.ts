// Runs once when the Node.js server starts: validates the environment (a production server without its
// secrets refuses to start, naming them), starts the background work of the in-process mode (see
// inngest/dispatch.ts) and takes over graceful shutdown (lib/observability/lifecycle.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Secrets are given to the server, not to the build.
  if (process.env.NEXT_PHASE !== 'phase-production-build') (await import('./lib/security/require-env')).requireValidEnv();
  const { startBackgroundWork, stopBackgroundWork } = await import('./inngest/dispatch');
  const { closeDb } = await import('./lib/db/client');
  const { installShutdownHandlers } = await import('./lib/observability/lifecycle');
  startBackgroundWork();
  if (process.env.NEXT_MANUAL_SIG_HANDLE) installShutdownHandlers([stopBackgroundWork, closeDb]);
}
