// npm run replay against the real database. This file's samples live in May 2026 (era of its own: no
// other test writes samples or aggregates there), because --all visits every user of the shared database
// and replays whatever lies in its range.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { recomputeDirtyRanges } from '@/lib/data/aggregation/recompute-user';
import { storeSyncBatch } from '@/lib/data/sync-samples';
import { pool, prisma } from '@/lib/db/client';
import { parseSyncBatch } from '@/lib/ingest/sync-batch';
import { createAggregate, createDevice, createUser } from '@/test/factories';
import { DEFAULT_RATE, ReplayArgumentError, parseReplayArgs, progressPrinter, runReplay, type ReplayProgress } from './replay';

const TZ = 'Europe/Berlin'; // UTC+2 in May: every sample below sits mid-day, far from a local midnight
const DAYS = ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15'];

/** A patient with a watch and a phone, heart rate and overlapping steps on each day, aggregated by the pipeline. */
async function patientWithHistory(opts: { disabled?: boolean } = {}) {
  const user = await createUser({ timeZone: TZ, disabled: opts.disabled });
  const watch = await createDevice(user.id, 'watch', 'watch');
  const phone = await createDevice(user.id, 'phone', 'phone');
  const at = (day: string, time: string) => `${day}T${time}:00Z`;
  const store = async (deviceId: string, samples: Record<string, unknown>[]) => {
    const batch = parseSyncBatch({ samples }, Date.now());
    expect(batch.rejected).toEqual([]);
    await storeSyncBatch({ device: { id: deviceId, userId: user.id, timeZone: TZ }, samples: batch.samples, idempotency: null, buildResponse: () => ({ status: 200, body: null }) });
  };
  await store(watch.id, DAYS.flatMap((day, i) => [
    { type: 'HEART_RATE', value: 60 + i, unit: 'count/min', startDate: at(day, '08:00'), endDate: at(day, '08:00') },
    { type: 'HEART_RATE', value: 90 + i, unit: 'count/min', startDate: at(day, '14:00'), endDate: at(day, '14:00') },
    { type: 'STEPS', value: 1200 + i, unit: 'count', startDate: at(day, '10:00'), endDate: at(day, '10:30') },
  ]));
  await store(phone.id, DAYS.map((day, i) => ({ type: 'STEPS', value: 1100 + i, unit: 'count', startDate: at(day, '10:00'), endDate: at(day, '10:30') })));
  await recomputeDirtyRanges(user.id);
  return user.id;
}

async function snapshot(userId: string) {
  const { rows } = await pool().query(
    `SELECT type, period, to_char(period_start, 'YYYY-MM-DD"T"HH24:MI') AS start, round(value::numeric, 6)::text AS value, min, max, count,
            round(sum::numeric, 6)::text AS sum, sources
     FROM health_aggregates WHERE user_id = $1 ORDER BY type, period, period_start`,
    [userId],
  );
  return rows as { type: string; period: string; start: string; value: string }[];
}

const breakRow = (userId: string, type: string, period: string, start: string, value: number) =>
  pool().query(`UPDATE health_aggregates SET value = $5 WHERE user_id = $1 AND type = $2::"HealthType" AND period = $3::"Period" AND period_start = $4::timestamp`, [userId, type, period, start, value]);

/** A clock that moves only when slept on: the pacing is counted, never timed. */
function fakeClock() {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)) };
}

describe('replay one user', () => {
  it('restores broken aggregates of the range to what the pipeline computes, leaving days outside it alone', async () => {
    const userId = await patientWithHistory();
    const computed = await snapshot(userId);
    expect(computed.filter((r) => r.period === 'DAY').length).toBe(10); // 5 days × 2 types

    await breakRow(userId, 'HEART_RATE', 'DAY', '2026-05-13', 999);
    await pool().query(`DELETE FROM health_aggregates WHERE user_id = $1 AND type = 'STEPS' AND period = 'HOUR' AND period_start::date = '2026-05-12'`, [userId]);
    await breakRow(userId, 'STEPS', 'WEEK', '2026-05-11', 1);
    await createAggregate({ userId, type: 'WEIGHT', period: 'DAY', periodStart: '2026-05-14', value: 70 }); // no sample behind it
    await breakRow(userId, 'STEPS', 'HOUR', '2026-05-15T12:00:00', 4242); // outside the range
    expect(await snapshot(userId)).not.toEqual(computed);

    const clock = fakeClock();
    const seen: ReplayProgress[] = [];
    const summary = await runReplay({
      args: parseReplayArgs(['--user', userId, '--from', '2026-05-12', '--to', '2026-05-14']), report: (p) => seen.push(p), ...clock,
    });

    expect(summary).toMatchObject({ total: 1, done: 1, replayed: 1, failed: 0, failures: [], stopped: false, from: '2026-05-12', to: '2026-05-14' });
    expect(summary.ranges).toBeGreaterThanOrEqual(3); // HEART_RATE, STEPS, WEIGHT
    expect(seen).toEqual([expect.objectContaining({ userId, done: 1, total: 1 })]);
    const expected = computed.map((r) => (r.type === 'STEPS' && r.period === 'HOUR' && r.start === '2026-05-15T12:00' ? { ...r, value: '4242.000000' } : r));
    expect(await snapshot(userId)).toEqual(expected);
    expect(await prisma.dirtyRange.count({ where: { userId } })).toBe(0);
  });

  it('refuses a user id nobody has, changing nothing', async () => {
    const id = randomUUID();
    const run = runReplay({ args: parseReplayArgs(['--user', id, '--from', '2026-05-12', '--to', '2026-05-14']) });
    await expect(run).rejects.toThrow(ReplayArgumentError);
    await expect(run).rejects.toThrow(`--user: no user with id ${id}`);
    expect(await prisma.dirtyRange.count({ where: { userId: id } })).toBe(0);
  });
});

describe('replay --all', () => {
  it('visits every active user once, replays those with data in the range, and paces the recomputes at --rate', async () => {
    const [a, b, disabled] = [await patientWithHistory(), await patientWithHistory(), await patientWithHistory({ disabled: true })];
    const expected = new Map<string, Awaited<ReturnType<typeof snapshot>>>();
    for (const id of [a, b, disabled]) {
      expected.set(id, await snapshot(id));
      await breakRow(id, 'HEART_RATE', 'DAY', '2026-05-12', 500);
    }

    const clock = fakeClock();
    const seen: ReplayProgress[] = [];
    const summary = await runReplay({ args: parseReplayArgs(['--all', '--from', '2026-05-11', '--to', '2026-05-15', '--rate', '4']), report: (p) => seen.push(p), ...clock });

    const visited = seen.map((p) => p.userId);
    expect(new Set(visited).size).toBe(visited.length);
    expect(seen.map((p) => p.done)).toEqual(visited.map((_, i) => i + 1));
    expect(summary).toMatchObject({ done: visited.length, total: visited.length, failed: 0, stopped: false });
    expect(visited).toEqual(expect.arrayContaining([a, b]));
    expect(visited).not.toContain(disabled);
    const inactive = await prisma.user.count({ where: { id: { in: visited }, OR: [{ disabledAt: { not: null } }, { deletionRequestedAt: { not: null } }] } });
    expect(inactive).toBe(0);

    expect(await snapshot(a)).toEqual(expected.get(a));
    expect(await snapshot(b)).toEqual(expected.get(b));
    expect((await snapshot(disabled)).find((r) => r.type === 'HEART_RATE' && r.period === 'DAY' && r.start === '2026-05-12T00:00')?.value).toBe('500.000000');

    // 4 users a second: a quarter of a second between the starts of two recomputes, none before the first.
    expect(summary.replayed).toBeGreaterThanOrEqual(2);
    expect(clock.sleeps).toEqual(Array(summary.replayed - 1).fill(250));
    expect(summary.elapsedMs).toBe(250 * (summary.replayed - 1));
  });
});

describe('replay arguments', () => {
  const refused = (argv: string[]) => {
    try {
      parseReplayArgs(argv, Date.parse('2026-12-01T12:00:00Z'));
    } catch (error) {
      expect(error).toBeInstanceOf(ReplayArgumentError);
      return (error as Error).message;
    }
    throw new Error(`accepted: ${argv.join(' ')}`);
  };
  const user = randomUUID();

  it('names the argument at fault', () => {
    expect(refused(['--from', '2026-05-01', '--to', '2026-05-02'])).toMatch(/^--user <id> or --all is required/);
    expect(refused(['--user', user, '--all', '--from', '2026-05-01', '--to', '2026-05-02'])).toMatch(/^--user and --all/);
    expect(refused(['--user', 'alice', '--from', '2026-05-01', '--to', '2026-05-02'])).toMatch(/^--user must be a user id/);
    expect(refused(['--all', '--to', '2026-05-02'])).toMatch(/^--from is required/);
    expect(refused(['--all', '--from', '2026-02-30', '--to', '2026-05-02'])).toMatch(/^--from is not a real date/);
    expect(refused(['--all', '--from', '2026-05-01', '--to', '05/02/2026'])).toMatch(/^--to must be a date YYYY-MM-DD/);
    expect(refused(['--all', '--from', '2026-05-01', '--to', '2027-05-02'])).toMatch(/^--to must be between/);
    expect(refused(['--all', '--from', '2026-05-03', '--to', '2026-05-02'])).toMatch(/^--from \(2026-05-03\) is after --to \(2026-05-02\)/);
    for (const rate of ['0', 'fast', '1e9']) expect(refused(['--all', '--from', '2026-05-01', '--to', '2026-05-02', '--rate', rate])).toMatch(/^--rate must be/);
    expect(refused(['--all', '--from', '2026-05-01', '--to', '2026-05-02', '--rate=-1'])).toMatch(/^--rate must be/);
    expect(refused(['--all', '--from', '2026-05-01', '--to', '2026-05-02', '--rate', '-1'])).toMatch(/'--rate'/); // node:util's own words
    expect(refused(['--all', '--from', '2026-05-01', '--to', '2026-05-02', '--users'])).toMatch(/--users/);
    expect(refused(['--all', '--from'])).toMatch(/--from/);
  });

  it('reads a good command line', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(parseReplayArgs(['--all', '--from', '2026-05-01', '--to', '2026-05-01'], now)).toEqual({ userId: null, from: '2026-05-01', to: '2026-05-01', ratePerSecond: DEFAULT_RATE });
    expect(parseReplayArgs(['--user', user.toUpperCase(), '--from', '2026-05-01', '--to', '2026-05-31', '--rate', '0.5'], now)).toEqual({ userId: user, from: '2026-05-01', to: '2026-05-31', ratePerSecond: 0.5 });
  });
});

describe('replay progress', () => {
  const progress = (done: number, total: number): ReplayProgress => ({ userId: 'u', done, total, replayed: done, ranges: 2 * done, failed: 0, elapsedMs: 61_000 * done, from: '2026-05-01', to: '2026-05-31' });
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, out: { isTTY, write: (text: string) => written.push(text) } };
  };

  it('rewrites one line on a TTY', () => {
    const { written, out } = stream(true);
    const printer = progressPrinter(out);
    for (let done = 1; done <= 3; done++) printer.update(progress(done, 3));
    printer.finish(progress(3, 3));
    expect(written.slice(0, 3).every((w) => w.startsWith('\r\x1b[2K') && !w.includes('\n'))).toBe(true);
    expect(written[3]).toBe('\r\x1b[2Kreplay 2026-05-01 → 2026-05-31: users 3/3 · 3 replayed · 6 ranges · 0:03:03 elapsed\n');
  });

  it('prints plain lines, about one per percent, when not a TTY', () => {
    const { written, out } = stream(false);
    const printer = progressPrinter(out);
    for (let done = 1; done <= 250; done++) printer.update(progress(done, 250));
    printer.finish(progress(250, 250));
    expect(written).toHaveLength(84); // every 3rd user, and the last
    expect(written.every((w) => !w.includes('\r') && w.endsWith('\n'))).toBe(true);
    expect(written.at(-1)).toMatch(/users 250\/250/);
  });
});

describe('npm run replay', () => {
  const run = (argv: string[]) =>
    promisify(execFile)('node_modules/.bin/tsx', ['scripts/replay.ts', ...argv], { env: process.env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 2 naming the argument on a bad command line, and 0 after replaying a user with a plain progress line', async () => {
    const bad = await run(['--all', '--from', '2026-05-13', '--to', '2026-05-12']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from \(2026-05-13\) is after --to \(2026-05-12\)\nusage: npm run replay/);

    const userId = await patientWithHistory();
    const computed = await snapshot(userId);
    await breakRow(userId, 'STEPS', 'DAY', '2026-05-13', 3);
    const good = await run(['--user', userId, '--from', '2026-05-13', '--to', '2026-05-13']);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toMatch(/^replay 2026-05-13 → 2026-05-13: users 1\/1 · 1 replayed · \d+ ranges · \d+:\d{2}:\d{2} elapsed\n$/);
    expect(await snapshot(userId)).toEqual(computed);
  });
});
