// Runs once when the Node.js server starts: background work of the in-process mode (see inngest/dispatch.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundWork } = await import('./inngest/dispatch');
  startBackgroundWork();
}
