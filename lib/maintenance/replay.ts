// Replays the aggregation of past local days (npm run replay): the (user, type, day range) is marked
// dirty as a sync marks it, then the aggregate step's own recompute runs (recomputeDirtyRanges). One code
// path, so a sync arriving meanwhile stays correct: the per-user lock orders the two runs, each
// recomputes whole buckets from raw samples, and a range left behind by a crash is the sweep's.
// One user at a time, at most `ratePerSecond` recomputes started per second, so the live pipeline keeps
// its connections and CPU. Only aggregates are replayed: no alerts or insights for old days.
import { parseArgs } from 'node:util';
import { recomputeDirtyRanges } from '../data/aggregation/recompute-user';
import { pool } from '../db/client';
import type { HealthType } from '../health';
import { readDay } from '../http/dates';

export const DEFAULT_RATE = 2; // users per second
const MAX_RATE = 1000;
const PAGE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REPLAY_USAGE =
  'usage: npm run replay -- (--user <id> | --all) --from YYYY-MM-DD --to YYYY-MM-DD [--rate <users per second>]';

export type ReplayArgs = { userId: string | null; from: string; to: string; ratePerSecond: number };

/** A bad command line or an unknown user: the message names the argument; nothing was changed. */
export class ReplayArgumentError extends Error {}

const refuse = (message: string): never => {
  throw new ReplayArgumentError(message);
};

export function parseReplayArgs(argv: string[], nowMs = Date.now()): ReplayArgs {
  let values: { user?: string; all?: boolean; from?: string; to?: string; rate?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: { user: { type: 'string' }, all: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, rate: { type: 'string' } },
    }));
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error)); // names the unknown or incomplete option
  }
  if (values.user !== undefined && values.all) refuse('--user and --all: give one of them, not both');
  if (values.user === undefined && !values.all) refuse('--user <id> or --all is required');
  if (values.user !== undefined && !UUID.test(values.user)) refuse(`--user must be a user id (a UUID), not "${values.user}"`);
  const day = (name: 'from' | 'to') => {
    const value = values[name];
    if (value === undefined) return refuse(`--${name} is required (a local day YYYY-MM-DD)`);
    const read = readDay(value, nowMs);
    return read.ok ? read.value : refuse(`--${name} ${read.reason}: "${value}"`);
  };
  const from = day('from');
  const to = day('to');
  if (from > to) refuse(`--from (${from}) is after --to (${to})`);
  const rate = values.rate === undefined ? DEFAULT_RATE : Number(values.rate);
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) refuse(`--rate must be a number of users per second above 0 and at most ${MAX_RATE}, not "${values.rate}"`);
  return { userId: values.user?.toLowerCase() ?? null, from, to, ratePerSecond: rate };
}

/**
 * The types with something to replay in the range: raw samples that can reach its days (a day either
 * side, as the recompute loads them, and a sample may last a day) or aggregates in it (which go when
 * their samples went). One index probe per type rather than a scan of the user's samples.
 */
async function typesToReplay(userId: string, from: string, to: string): Promise<HealthType[]> {
  const { rows } = await pool().query<{ type: HealthType }>(
    `SELECT t::text AS type
     FROM unnest(enum_range(NULL::"HealthType")) AS t
     CROSS JOIN (SELECT COALESCE((SELECT time_zone FROM profiles WHERE user_id = $1::uuid), 'UTC') AS tz) z
     WHERE EXISTS (SELECT 1 FROM health_samples s WHERE s.user_id = $1::uuid AND s.type = t
                     AND s.start_at >= (($2::date - 2)::timestamp AT TIME ZONE z.tz) AND s.start_at < (($3::date + 2)::timestamp AT TIME ZONE z.tz))
        OR EXISTS (SELECT 1 FROM health_aggregates a WHERE a.user_id = $1::uuid AND a.type = t AND a.period IN ('HOUR', 'DAY')
                     AND a.period_start >= $2::date AND a.period_start < $3::date + 1)`,
    [userId, from, to],
  );
  return rows.map((r) => r.type);
}

async function markDirty(userId: string, types: HealthType[], from: string, to: string): Promise<void> {
  await pool().query(
    `INSERT INTO dirty_ranges (user_id, type, day_from, day_to) SELECT $1::uuid, t, $3::date, $4::date FROM unnest($2::"HealthType"[]) AS t`,
    [userId, types, from, to],
  );
}

type Users = { total: number; ids: AsyncIterable<string> };

async function oneUser(userId: string): Promise<Users> {
  const { rowCount } = await pool().query('SELECT 1 FROM users WHERE id = $1::uuid', [userId]);
  if (!rowCount) refuse(`--user: no user with id ${userId}`);
  return { total: 1, ids: (async function* () { yield userId; })() };
}

/** Users neither disabled nor deleted, as they were when the replay started, in id order, a page at a time. */
async function activeUsers(): Promise<Users> {
  const { rows } = await pool().query<{ total: string; at: Date }>(
    `SELECT count(*) AS total, now() AS at FROM users WHERE disabled_at IS NULL AND deletion_requested_at IS NULL`,
  );
  const at = rows[0]!.at; // now() of that count: users who sign up later are the live pipeline's
  async function* ids() {
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = await pool().query<{ id: string }>(
        `SELECT id::text FROM users WHERE disabled_at IS NULL AND deletion_requested_at IS NULL AND created_at <= $1 AND id > $2::uuid
         ORDER BY id LIMIT ${PAGE}`,
        [at, after],
      );
      for (const { id } of page.rows) yield id;
      if (page.rows.length < PAGE) return;
      after = page.rows[page.rows.length - 1]!.id;
    }
  }
  return { total: Number(rows[0]!.total), ids: ids() };
}

export type ReplayProgress = {
  userId: string; done: number; total: number; replayed: number; ranges: number; failed: number; elapsedMs: number; from: string; to: string;
};
export type ReplaySummary = ReplayProgress & { failures: { userId: string; message: string }[]; stopped: boolean };

/**
 * Replays the range for one user or every active user. `now` and `sleep` pace the recomputes (tests
 * inject them); `signal` stops after the current user. A user whose recompute fails is reported and the
 * others go on; their ranges stay dirty for the sweep.
 */
export async function runReplay(opts: {
  args: ReplayArgs;
  report?: (progress: ReplayProgress) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}): Promise<ReplaySummary> {
  const { args, now = Date.now, sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = opts;
  const started = now();
  const users = args.userId ? await oneUser(args.userId) : await activeUsers();
  const intervalMs = 1000 / args.ratePerSecond;
  const failures: ReplaySummary['failures'] = [];
  const progress: ReplayProgress = { userId: '', done: 0, total: users.total, replayed: 0, ranges: 0, failed: 0, elapsedMs: 0, from: args.from, to: args.to };
  let lastStart: number | undefined;
  let stopped = false;
  for await (const userId of users.ids) {
    if (opts.signal?.aborted) {
      stopped = true;
      break;
    }
    try {
      const types = await typesToReplay(userId, args.from, args.to);
      if (types.length > 0) {
        const wait = lastStart === undefined ? 0 : lastStart + intervalMs - now();
        if (wait > 0) await sleep(wait);
        lastStart = now();
        await markDirty(userId, types, args.from, args.to);
        progress.ranges += (await recomputeDirtyRanges(userId)).ranges;
        progress.replayed += 1;
      }
    } catch (error) {
      failures.push({ userId, message: error instanceof Error ? error.message : String(error) });
      progress.failed += 1;
    }
    Object.assign(progress, { userId, done: progress.done + 1, elapsedMs: now() - started });
    opts.report?.({ ...progress });
  }
  return { ...progress, elapsedMs: now() - started, failures, stopped };
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function formatProgress(p: ReplayProgress): string {
  const failed = p.failed > 0 ? ` · ${p.failed} failed` : '';
  return `replay ${p.from} → ${p.to}: users ${p.done}/${p.total} · ${p.replayed} replayed · ${p.ranges} ranges${failed} · ${clock(p.elapsedMs)} elapsed`;
}

/** Progress on a terminal: one line rewritten in place on a TTY; plain lines (about every 1 %) otherwise. */
export function progressPrinter(out: { isTTY?: boolean; write(text: string): unknown }) {
  let lastLine: string | undefined;
  return {
    update(p: ReplayProgress) {
      if (out.isTTY) out.write(`\r\x1b[2K${formatProgress(p)}`);
      else if (p.done % Math.max(1, Math.ceil(p.total / 100)) === 0 || p.done === p.total) out.write(`${(lastLine = formatProgress(p))}\n`);
    },
    finish(summary: ReplayProgress) {
      const line = formatProgress(summary);
      if (out.isTTY) out.write(`\r\x1b[2K${line}\n`);
      else if (line !== lastLine) out.write(`${line}\n`);
    },
  };
}
