// Loaded into the production server by `npm run bench:profile` (NODE_OPTIONS=--import): V8's CPU
// profiler through the in-process inspector, started and stopped by SIGUSR2 so that a profile covers
// one endpoint's measured load only (not the server's start-up, the warm-up or the other endpoints).
// Each start writes PULSE_PROFILE_DIR/<n>.started once the profiler runs, each stop <n>.cpuprofile
// (n = 1, 2, …; written under a temporary name and renamed, so the file appears whole). Plain
// JavaScript: the server runs without tsx.
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.PULSE_PROFILE_DIR;
// Every Node process started with these NODE_OPTIONS loads this file; only the server is signalled.
if (dir) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  const interval = Number(process.env.PULSE_PROFILE_INTERVAL_US ?? 500);
  let running = false;
  let written = 0;
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval });
  process.on('SIGUSR2', () => {
    const toggle = async () => {
      if (!running) {
        running = true;
        await post('Profiler.start');
        writeFileSync(path.join(dir, `${written + 1}.started`), '');
        return;
      }
      running = false;
      const { profile } = await post('Profiler.stop');
      written += 1;
      const file = path.join(dir, `${written}.cpuprofile`);
      writeFileSync(`${file}.tmp`, JSON.stringify(profile));
      renameSync(`${file}.tmp`, file);
    };
    toggle().catch((error) => console.error('profile agent:', error));
  });
}
