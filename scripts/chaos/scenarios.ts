// Scenarios (a) and (b): devices sync through the sync client (devices.ts) while the server is SIGKILLed
// at random moments and restarted, or while the database is stopped and started under them. Each
// resolves, once every queue has drained, with what the clients saw and what each device enqueued, for
// verify.ts to check against the database.
import type { AppProcess } from '../../bench/server';
import { startDevices, type Device, type DeviceRun, type Tally } from './devices';

export type { Device };
export type ClientsRun = { tally: Tally; devices: DeviceRun[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * (a) `kills` SIGKILLs of the server, each followed by a restart; with each kill one device's client is
 * stopped and started again on its queue file (in turn). The moment is random: 0–2.5 s after the
 * restarted server's first acknowledgement (a cold server answers its first syncs slowly, so a clock
 * started at "ready" would mostly kill it before any batch got through).
 */
export async function runKills(args: { devices: Device[]; kills: number; start: () => Promise<AppProcess> }): Promise<ClientsRun & { app: AppProcess; kills: number; restartMedianMs: number }> {
  let app = await args.start();
  const clients = await startDevices('kill', args.devices, app.baseUrl); // the same port after each restart
  let kills = 0;
  const restartMs: number[] = [];
  for (; kills < args.kills; kills += 1) {
    const acks = clients.tally.acks;
    for (let waited = 0; clients.tally.acks === acks && waited < 15_000; waited += 50) await sleep(50);
    await sleep(between(0, 2500));
    await Promise.all([app.kill(), clients.restartClient(kills % args.devices.length)]);
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
  const clients = await startDevices('dbrestart', args.devices, args.app.baseUrl);
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
