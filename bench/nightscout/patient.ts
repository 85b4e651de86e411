// A patient of the Nightscout benchmark and what they do through the public API: the account is made in
// the database (as the other benchmarks make theirs), then the patient signs in, creates a Nightscout
// site with POST /api/v1/nightscout-sites and reads their daily BLOOD_GLUCOSE aggregate.
import { randomBytes } from 'node:crypto';
import { signIn } from '../pipeline/latency-client';
import { createBenchUser } from '../server';
import type { Site } from './clients';

export const TIME_ZONE = 'Europe/Berlin';

export type Patient = { id: string; cookie: string; site: Site };
type DayRow = { periodStart: string; count: number; min: number; max: number };

export async function createPatient(baseUrl: string, label: string, passwordHash: string, password: string): Promise<Patient> {
  const email = `ns-${label}-${randomBytes(4).toString('hex')}@bench.test`;
  const user = await createBenchUser({ email, passwordHash, name: `Nightscout ${label}`, timeZone: TIME_ZONE });
  const cookie = await signIn(baseUrl, email, password);
  const res = await fetch(`${baseUrl}/api/v1/nightscout-sites`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `xDrip+ ${label}` }),
  });
  const site = (await res.json()) as Site;
  if (res.status !== 201) throw new Error(`creating a Nightscout site answered ${res.status}: ${JSON.stringify(site)}`);
  return { id: user.id, cookie, site };
}

/** The patient's daily BLOOD_GLUCOSE aggregate of one local day (null before the pipeline wrote it). */
export async function dayAggregate(baseUrl: string, patient: Patient, day: string): Promise<DayRow | null> {
  const res = await fetch(`${baseUrl}/api/v1/users/me/aggregates?types=BLOOD_GLUCOSE&period=day&from=${day}&to=${day}`, { headers: { cookie: patient.cookie } });
  if (res.status !== 200) throw new Error(`aggregates read failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { BLOOD_GLUCOSE?: DayRow[] };
  return body.BLOOD_GLUCOSE?.[0] ?? null;
}

/**
 * Milliseconds from `sinceMs` (a performance.now() reading) until the day's aggregate counts `readings`
 * readings, polled every 20 ms, and the count the first poll saw (how far the aggregates were behind).
 */
export async function untilVisible(baseUrl: string, patient: Patient, day: string, readings: number, sinceMs: number) {
  let firstCount: number | null = null;
  for (;;) {
    const pollStarted = performance.now();
    const count = (await dayAggregate(baseUrl, patient, day))?.count ?? 0;
    firstCount ??= count;
    if (count >= readings) return { ms: performance.now() - sinceMs, firstCount };
    if (performance.now() - sinceMs > 120_000) throw new Error(`${day}: the aggregate counts ${count} of ${readings} readings after 120 s`);
    await new Promise((r) => setTimeout(r, Math.max(0, 20 - (performance.now() - pollStarted))));
  }
}

/** Waits until the patient's pipeline is idle: no dirty ranges left and no aggregation running. */
export async function pipelineIdle(userId: string, timeoutMs = 120_000): Promise<void> {
  const { pool } = await import('../../lib/db/client');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool().query<{ busy: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM dirty_ranges WHERE user_id = $1)
           OR EXISTS (SELECT 1 FROM job_runs WHERE user_id = $1 AND function_id = 'aggregate' AND status = 'RUNNING') AS busy`,
      [userId],
    );
    if (!rows[0]!.busy) return;
    if (Date.now() > deadline) throw new Error(`the pipeline of ${userId} is still busy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
