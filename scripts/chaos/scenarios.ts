// Scenarios (a) and (b): retrying clients sync while the server is SIGKILLed at random moments and
// restarted, or while the database is stopped and started under them. Each resolves with what the
// clients saw and the devices' acknowledged batches, for verify.ts to check against the database.
import type { AppProcess } from '../../bench/server';
import { makeBatches, newTally, syncUntilAcked, type Tally } from './sync-client';
import type { DeviceRun } from './verify';

export type Device = { id: string; token: string; userId: string };
export type ClientsRun = { tally: Tally; devices: DeviceRun[]; batches: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/** Starts every device syncing its batches (retrying each until acknowledged) until stop() is called. */
function startClients(label: string, devices: Device[], baseUrl: () => string) {
  const tally = newTally();
  let stopping = false;
  const runs: DeviceRun[] = devices.map((d) => ({ id: d.id, userId: d.userId, acked: [] }));
  // 50 readings a batch, minute by minute from 75 days ago: 2,000 batches stay in the past.
  const startMs = Math.floor(Date.now() / 60_000) * 60_000 - 75 * 86_400_000;
  const done = Promise.all(
    devices.map(async (device, i) => {
      for (const batch of makeBatches(`${label}-${i}`, 2000, 50, startMs)) {
        if (stopping) return;
        await syncUntilAcked({ baseUrl, device, batch, tally });
        runs[i]!.acked.push(batch);
      }
    }),
  );
  return {
    tally,
    stop: async (): Promise<ClientsRun> => {
      stopping = true;
      await done;
      return { tally, devices: runs, batches: runs.reduce((n, r) => n + r.acked.length, 0) };
    },
  };
}

/**
 * (a) `kills` SIGKILLs of the server, each followed by a restart. The moment is random: 0–2.5 s after
 * the restarted server's first acknowledgement (a cold server answers its first syncs slowly, so a
 * clock started at "ready" would mostly kill it before any batch got through).
 */
export async function runKills(args: { devices: Device[]; kills: number; start: () => Promise<AppProcess> }): Promise<ClientsRun & { app: AppProcess; kills: number; restartMedianMs: number }> {
  let app = await args.start();
  const clients = startClients('kill', args.devices, () => app.baseUrl);
  let kills = 0;
  const restartMs: number[] = [];
  for (; kills < args.kills; kills += 1) {
    const acks = clients.tally.acks;
    for (let waited = 0; clients.tally.acks === acks && waited < 15_000; waited += 50) await sleep(50);
    await sleep(between(0, 2500));
    await app.kill();
    const restarted = performance.now();
    app = await args.start();
    restartMs.push(performance.now() - restarted);
    if ((kills + 1) % 10 === 0) console.log(`  ${kills + 1} kills`);
  }
  await sleep(1000);
  restartMs.sort((a, b) => a - b);
  return { ...(await clients.stop()), app, kills, restartMedianMs: Math.round(restartMs[Math.floor(restartMs.length / 2)] ?? 0) };
}

/** (b) The database stopped (fast shutdown) and started again `restarts` times under load, down for 3 s each time. */
export async function runDatabaseRestarts(args: {
  devices: Device[];
  restarts: number;
  app: AppProcess;
  pg: { stop: () => Promise<void>; start: () => Promise<void> };
}): Promise<ClientsRun & { serverDied: boolean }> {
  let serverDied = false;
  void args.app.exited.then(() => (serverDied = true));
  const clients = startClients('dbrestart', args.devices, () => args.app.baseUrl);
  for (let r = 0; r < args.restarts; r += 1) {
    await sleep(between(2000, 4000));
    await args.pg.stop();
    await sleep(3000);
    await args.pg.start();
    console.log(`  database restart ${r + 1}`);
  }
  await sleep(5000);
  return { ...(await clients.stop()), serverDied };
}
